package dev.cloudshift.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudshift.core.cost.CostSection;
import dev.cloudshift.core.kb.KnowledgeBase;
import dev.cloudshift.core.report.PlanFormat;
import dev.cloudshift.core.runbook.RunbookBuilder;
import dev.cloudshift.core.runbook.RunbookOptions;
import dev.cloudshift.core.runbook.TerraformVariables;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden-file tests: one folder per case under {@code src/test/golden/<case>/} with {@code case.properties}
 * ({@code example=<name under examples/>} or an {@code input/} folder; {@code target=azure|aws|gcp};
 * optional {@code env=dev,prod}; optional {@code html=true} (also compare plan.html); optional {@code max_downtime=MINUTES} (the runbook's --max-downtime); optional
 * {@code secrets=a,b}: planted values that must appear in no output)
 * and the expected {@code plan.json} and {@code plan.md}. Every folder is
 * found automatically. Regenerate with {@code -Dgolden.update=true} and review the diff ({@code -Dgolden.formats=html}
 * limits a run to plan.html).
 * Each plan.json is also validated against docs/plan.schema.json, and its dependency edges and paths are
 * checked.
 */
class GoldenPlanTest {

    static final Path GOLDEN = Path.of("src", "test", "golden");
    static final Path EXAMPLES = Path.of("..", "examples");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");
    /** {@code -Dgolden.formats=html,md}: only these files (by extension) are compared or regenerated; default all. */
    static final List<String> ONLY_FORMATS = Arrays.stream(System.getProperty("golden.formats", "").split(","))
            .map(String::trim).filter(x -> !x.isEmpty()).toList();
    private static Planner planner;

    @BeforeAll
    static void loadKnowledgeBase() {
        planner = new Planner(KnowledgeBase.load());
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(GOLDEN)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("case.properties")))
                    .map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void planMatchesGoldenFiles(String name) throws IOException {
        Path dir = GOLDEN.resolve(name);
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("case.properties"))) {
            p.load(in);
        }
        Path input = p.getProperty("example") != null ? EXAMPLES.resolve(p.getProperty("example")) : dir.resolve("input");
        List<String> envs = p.getProperty("env", "").isBlank() ? List.of()
                : Arrays.stream(p.getProperty("env").split(",")).map(String::trim).toList();

        Plan plan = planner.plan(input, p.getProperty("target"), envs);
        // what `cloudshift plan` writes: the cost section (issue 4), the target Terraform section (issue 5), then
        // the runbook sections (issue 6)
        plan = plan.withSection(CostSection.of(plan));
        plan = dev.cloudshift.core.translate.TerraformSection.attach(plan);
        Integer maxDowntime = p.getProperty("max_downtime") == null ? null : Integer.valueOf(p.getProperty("max_downtime").trim());
        plan = RunbookBuilder.withDefaults()
                .build(plan, new RunbookOptions(maxDowntime, TerraformVariables.read(input, plan.environments())))
                .addTo(plan);

        List<String> mismatches = new ArrayList<>();
        for (PlanFormat f : PlanFormat.values()) {
            if (f == PlanFormat.HTML && !Boolean.parseBoolean(p.getProperty("html", "false").trim())) {
                continue; // plan.html is large: golden only for the cases whose case.properties say html=true
            }
            if (!ONLY_FORMATS.isEmpty() && !ONLY_FORMATS.contains(f.fileName().substring(f.fileName().indexOf('.') + 1))) {
                continue; // -Dgolden.formats=html: regenerate or compare only these files
            }
            String actual = f.renderer().render(plan);
            Path expectedFile = dir.resolve(f.fileName());
            if (UPDATE) {
                Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
                continue;
            }
            assertThat(expectedFile).as("golden file %s (create it with -Dgolden.update=true)", expectedFile).exists();
            String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
            if (!expected.equals(actual)) {
                Path actualFile = Path.of("target", "golden-actual", name, f.fileName());
                Files.createDirectories(actualFile.getParent());
                Files.writeString(actualFile, actual, StandardCharsets.UTF_8);
                mismatches.add(f.fileName() + " differs from " + expectedFile + " (actual output in " + actualFile
                        + "; diff them, then regenerate with -Dgolden.update=true if the change is intended)");
            }
        }
        assertThat(mismatches).isEmpty();

        String json = PlanFormat.JSON.renderer().render(plan);
        String md = PlanFormat.MARKDOWN.renderer().render(plan);
        String html = PlanFormat.HTML.renderer().render(plan);
        for (String secret : p.getProperty("secrets", "").split(",")) {
            if (!secret.isBlank()) {
                assertThat(json + md + html).as("planted secret").doesNotContain(secret.trim());
            }
        }
        assertThat(PlanSchema.problems(json)).as("plan.json against docs/plan.schema.json").isEmpty();
        assertEdgesResolve(new ObjectMapper().readTree(json));
        assertThat(json).doesNotContain(input.toAbsolutePath().normalize().toString());
        assertThat(PlanFormat.MARKDOWN.renderer().render(plan)).doesNotContain(input.toAbsolutePath().normalize().toString());
    }

    /** Every depends_on names a resource of the same environment. */
    static void assertEdgesResolve(JsonNode plan) {
        Map<String, Set<String>> addresses = new HashMap<>();
        for (JsonNode r : plan.get("resources")) {
            addresses.computeIfAbsent(r.get("environment").asText(), k -> new HashSet<>()).add(r.get("address").asText());
        }
        for (JsonNode r : plan.get("resources")) {
            for (JsonNode d : r.get("depends_on")) {
                assertThat(addresses.get(r.get("environment").asText()))
                        .as("%s (%s) depends on %s", r.get("address").asText(), r.get("environment").asText(), d.asText())
                        .contains(d.asText());
            }
        }
    }
}
