package dev.cloudshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudshift.hcl.HclParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cloudshift plan ... --out DIR} writes DIR/terraform/ and reports its TODOs in plan.json and plan.md. */
class PlanTerraformOutputTest {

    static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path tmp;

    @Test
    void writesTargetTerraformWithTodosAsWarnings() throws IOException {
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("plan", EXAMPLES.resolve("aws-container-platform").toString(), "--to", "azure", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        Path tf = out.resolve("terraform");
        for (String f : List.of("providers.tf", "network.tf", "data.tf", "compute.tf", "messaging.tf", "security.tf",
                "variables.tf", "outputs.tf", "dev.tfvars", "prod.tfvars")) {
            assertThat(tf.resolve(f)).isRegularFile();
            assertThat(HclParser.parse(f, Files.readString(tf.resolve(f))).diagnostics()).as(f).isEmpty();
        }
        assertThat(run.out()).contains("Wrote " + tf);
        String compute = Files.readString(tf.resolve("compute.tf"));
        assertThat(compute).contains("value = azurerm_postgresql_flexible_server.main.fqdn");

        JsonNode plan = new ObjectMapper().readTree(out.resolve("plan.json").toFile());
        JsonNode section = plan.get("terraform");
        assertThat(section.get("files").toString()).contains("providers.tf").contains("prod.tfvars");
        assertThat(section.get("todos").size()).isPositive();
        JsonNode todo = section.get("todos").get(0);
        String file = todo.get("file").asText();
        String line = Files.readAllLines(out.resolve(file)).get(todo.get("line").asInt() - 1);
        assertThat(line.trim()).startsWith("# TODO(cloudshift): " + todo.get("address").asText() + ":");
        boolean listed = false;
        for (JsonNode w : plan.get("warnings")) {
            listed |= w.toString().contains(file) && w.toString().contains("TODO(cloudshift)");
        }
        assertThat(listed).as("TODOs are plan.json warnings").isTrue();
        assertThat(run.err()).contains("terraform/").contains("TODO(cloudshift)");
        assertThat(Files.readString(out.resolve("plan.md"))).contains("## Target Terraform").contains("`network.tf`").contains("`terraform/network.tf:");

        // the example's tfvars hold database passwords: none may reach a generated file
        try (Stream<Path> files = Files.list(tf)) {
            for (Path f : files.toList()) {
                assertThat(Files.readString(f)).doesNotContain("dev-Not-A-Real-Pass-7f3a9c").doesNotContain("prod-FAKE-do-not-use-91c2e0b7d4");
            }
        }
    }
}
