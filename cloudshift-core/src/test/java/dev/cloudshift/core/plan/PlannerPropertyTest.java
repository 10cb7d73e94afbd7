package dev.cloudshift.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.core.kb.KnowledgeBase;
import dev.cloudshift.core.report.PlanFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Arbitrary and mutated project files never make planning throw anything but a {@link PlanInputException}
 * (nothing readable), and every plan that comes out renders.
 */
class PlannerPropertyTest {

    private static final Planner PLANNER = new Planner(KnowledgeBase.load());

    /** Real files to mutate: a Terraform file, a tfvars file, a compose file and a .env file of the examples. */
    private static final List<Seed> SEEDS = List.of(
            seed("aws-container-platform/database.tf", "main.tf"),
            seed("aws-container-platform/modules/network/main.tf", "network.tf"),
            seed("aws-serverless-platform/functions.tf", "functions.tf"),
            seed("aws-container-platform/prod.tfvars", "prod.tfvars"),
            seed("compose-backend/docker-compose.yml", "docker-compose.yml"),
            seed("compose-backend/.env", ".env"));

    record Seed(String name, String text) {
    }

    private static Seed seed(String example, String name) {
        try {
            return new Seed(name, Files.readString(Path.of("..", "examples", example), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 40)
    void mutatedFilesNeverEscapeAsExceptions(@ForAll("mutatedProjects") List<Tuple.Tuple2<String, String>> files) throws IOException {
        assertPlansOrRejects(files);
    }

    @Property(tries = 25)
    void arbitraryTextNeverEscapesAsExceptions(@ForAll("arbitraryProjects") List<Tuple.Tuple2<String, String>> files) throws IOException {
        assertPlansOrRejects(files);
    }

    private static void assertPlansOrRejects(List<Tuple.Tuple2<String, String>> files) throws IOException {
        Path dir = Files.createTempDirectory("cloudshift-prop");
        try {
            for (Tuple.Tuple2<String, String> f : files) {
                Files.write(dir.resolve(f.get1()), f.get2().getBytes(StandardCharsets.UTF_8));
            }
            try {
                Plan plan = PLANNER.plan(dir, "azure", List.of());
                for (PlanFormat format : PlanFormat.values()) {
                    assertThat(format.renderer().render(plan)).isNotEmpty();
                }
            } catch (PlanInputException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<String, String>>> mutatedProjects() {
        Arbitrary<Tuple.Tuple2<String, String>> file = Combinators.combine(
                        Arbitraries.of(SEEDS),
                        Arbitraries.integers().between(0, Integer.MAX_VALUE),
                        Arbitraries.integers().between(1, 12),
                        Arbitraries.strings().withChars("{}[]()\"'=$%:,.\\\n\t #<>-*/?!|~").ofMinLength(0).ofMaxLength(6))
                .as((seed, position, count, noise) -> Tuple.of(seed.name(), mutate(seed.text(), position, count, noise)));
        return file.list().ofMinSize(1).ofMaxSize(4).uniqueElements(Tuple.Tuple2::get1);
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<String, String>>> arbitraryProjects() {
        Arbitrary<String> names = Arbitraries.of("main.tf", "dev.tfvars", "docker-compose.yml", ".env", "plan.json", "x.tfvars.json");
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withChars("resource\"aws_s3_bucket\"{}=[]${var.x}\n .:-#/*<<EOT").ofMaxLength(300),
                Arbitraries.just("{\"format_version\":\"1.2\",\"terraform_version\":\"1.7.0\",\"values\":{\"root_module\":{\"resources\":[{}]}}}"));
        return Combinators.combine(names, text).as(Tuple::of).list().ofMinSize(1).ofMaxSize(3).uniqueElements(Tuple.Tuple2::get1);
    }

    /** Cuts {@code count} characters at a position derived from {@code position} and inserts {@code noise}. */
    static String mutate(String text, int position, int count, String noise) {
        if (text.isEmpty()) {
            return noise;
        }
        int at = position % text.length();
        int end = Math.min(text.length(), at + count);
        return text.substring(0, at) + noise + text.substring(end);
    }
}
