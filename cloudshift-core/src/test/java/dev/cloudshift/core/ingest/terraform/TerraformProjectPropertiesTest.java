package dev.cloudshift.core.ingest.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.core.model.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Mutated Terraform projects never make read or evaluate throw, and never trigger the internal safety nets. */
class TerraformProjectPropertiesTest {

    private static final String MAIN;
    private static final String MODULE;

    static {
        try {
            MAIN = Files.readString(TerraformProjectTest.fixture("count_foreach").resolve("main.tf"))
                    + Files.readString(TerraformProjectTest.fixture("local_module").resolve("main.tf"))
                    + Files.readString(TerraformProjectTest.fixture("dynamic_blocks").resolve("main.tf"));
            MODULE = Files.readString(TerraformProjectTest.fixture("local_module").resolve("modules/network/main.tf"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 60)
    void mutatedProjectsNeverThrow(@ForAll("mutatedMain") String main, @ForAll("mutatedModule") String module,
                                   @ForAll("tfvars") String tfvars) throws IOException {
        Path dir = Files.createTempDirectory("tf-prop");
        try {
            Files.writeString(dir.resolve("main.tf"), main);
            Files.createDirectories(dir.resolve("modules/network"));
            Files.createDirectories(dir.resolve("modules/service"));
            Files.writeString(dir.resolve("modules/network/main.tf"), module);
            Files.writeString(dir.resolve("modules/service/main.tf"), "variable \"name\" {}\n");
            Files.writeString(dir.resolve("dev.tfvars"), tfvars);
            TerraformProject p = TerraformProject.read(dir);
            for (String env : p.environments()) {
                TerraformEnvironment e = p.evaluate(env);
                assertThat(e.warnings()).extracting(Diagnostic::message)
                        .noneMatch(m -> m.startsWith("could not evaluate") || m.startsWith("internal"));
            }
            assertThat(p.diagnostics()).extracting(Diagnostic::message).noneMatch(m -> m.startsWith("internal"));
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
            }
        }
    }

    @Provide
    Arbitrary<String> mutatedMain() {
        return mutate(MAIN);
    }

    @Provide
    Arbitrary<String> mutatedModule() {
        return mutate(MODULE);
    }

    @Provide
    Arbitrary<String> tfvars() {
        return Arbitraries.of("env = \"prod\"\n", "vpc_cidr = \"10.1.0.0/16\"\nazs = []\n", "azs = \"x\"\n",
                "ingress_ports = null\n", "= =\n", "vpc_cidr = {\n", "env = [1, {a = 2}]\n", "");
    }

    private static Arbitrary<String> mutate(String base) {
        Arbitrary<Integer> pos = Arbitraries.integers().between(0, base.length() - 1);
        Arbitrary<Integer> len = Arbitraries.integers().between(0, 20);
        Arbitrary<String> insert = Arbitraries.of("", "}", "{", "\"", "${", "]", "[", "(", ")", "\n", "count = -1\n",
                "for_each = null\n", "for_each = [\"a\", \"a\"]\n", "depends_on = [module.network]\n", "local.x",
                "aws_vpc.main", "module.service[5].x", "each.value", "count.index", "var.nope", "?", ":", "0", "\"a\"");
        return Combinators.combine(pos, len, insert).as((p, l, ins) ->
                base.substring(0, p) + ins + base.substring(Math.min(base.length(), p + l)));
    }
}
