package dev.cloudshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes, messages and files of {@code cloudshift plan} and {@code cloudshift inventory}. */
class PlanCommandTest {

    static final Path EXAMPLES = Path.of("..", "examples");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void plansAnExampleAndWritesBothFiles() throws IOException {
        Path out = tmp.resolve("nested/plan");
        CliRun run = CliRun.of("plan", EXAMPLES.resolve("aws-container-platform").toString(), "--to", "azure", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(out.resolve("plan.json")).isRegularFile();
        assertThat(out.resolve("plan.md")).isRegularFile();
        assertThat(run.out()).contains("Planned aws-container-platform to azure").contains("2 environments (dev, prod)");
        JsonNode plan = JSON.readTree(out.resolve("plan.json").toFile());
        assertThat(plan.get("target").asText()).isEqualTo("azure");
        assertThat(plan.get("environments").toString()).isEqualTo("[\"dev\",\"prod\"]");
        assertThat(plan.get("resources").size()).isGreaterThan(40);
    }

    @Test
    void envFilterKeepsOnlyTheNamedEnvironment() throws IOException {
        Path out = tmp.resolve("prod");
        CliRun run = CliRun.of("plan", EXAMPLES.resolve("aws-serverless-platform").toString(), "--to", "gcp", "--env", "prod", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode plan = JSON.readTree(out.resolve("plan.json").toFile());
        assertThat(plan.get("environments").toString()).isEqualTo("[\"prod\"]");
        for (JsonNode r : plan.get("resources")) {
            assertThat(r.get("environment").asText()).isEqualTo("prod");
        }
    }

    @Test
    void unknownEnvironmentIsAUsageErrorListingTheKnownOnes() {
        CliRun run = CliRun.of("plan", EXAMPLES.resolve("aws-container-platform").toString(), "--to", "azure", "--env", "qa", "--out", tmp.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("unknown environment 'qa'").contains("dev, prod");
        assertThat(tmp.resolve("plan.json")).doesNotExist();
    }

    @Test
    void unknownTargetIsAUsageError() {
        CliRun run = CliRun.of("plan", EXAMPLES.resolve("compose-backend").toString(), "--to", "oracle", "--out", tmp.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("unknown target cloud 'oracle'").contains("aws, azure, gcp");
    }

    @Test
    void missingRequiredOptionsAreUsageErrors() {
        CliRun noTarget = CliRun.of("plan", EXAMPLES.resolve("compose-backend").toString(), "--out", tmp.toString());
        CliRun noPath = CliRun.of("plan", "--to", "aws", "--out", tmp.toString());

        assertThat(noTarget.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noTarget.err()).contains("--to");
        assertThat(noPath.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noPath.err()).contains("PATH");
    }

    @Test
    void missingDirectoryAndEmptyDirectoryExitWithTwo() throws IOException {
        CliRun missing = CliRun.of("plan", tmp.resolve("nope").toString(), "--to", "aws", "--out", tmp.resolve("o").toString());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve("README.md"), "# nothing here\n");
        CliRun nothing = CliRun.of("plan", empty.toString(), "--to", "aws", "--out", tmp.resolve("o").toString());

        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("no such directory");
        assertThat(nothing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(nothing.err()).contains("nothing to plan");
        assertThat(missing.err() + nothing.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void malformedTerraformIsAWarningWithItsPlaceAndTheRestIsPlanned() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("main.tf"), """
                resource "aws_sqs_queue" "jobs" {
                  name = "jobs"
                }
                """);
        Files.writeString(project.resolve("broken.tf"), """
                resource "aws_s3_bucket" "logs" {
                  bucket = "logs"

                resource "aws_sns_topic" "alerts" {
                  name = = "alerts"
                }
                """);
        Files.writeString(project.resolve("docker-compose.yml"), """
                services:
                  cache:
                    image: redis:7
                """);
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("plan", project.toString(), "--to", "azure", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).containsPattern("broken\\.tf:\\d+:\\d+: ");
        assertThat(run.err()).doesNotContain("\tat ");
        JsonNode plan = JSON.readTree(out.resolve("plan.json").toFile());
        JsonNode warning = plan.get("warnings").get(0);
        assertThat(warning.get("file").asText()).isEqualTo("broken.tf");
        assertThat(warning.get("line").asInt()).isPositive();
        assertThat(warning.get("column").asInt()).isPositive();
        assertThat(plan.get("resources").findValuesAsText("address")).contains("compose.cache");
        assertThat(Files.readString(out.resolve("plan.md"))).contains("broken.tf:" + warning.get("line").asInt());
    }

    @Test
    void nothingReadableExitsWithTwoAndNamesThePlace() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(project.resolve("main.tf"), "= = this is not terraform\n");
        Files.writeString(project.resolve("docker-compose.yml"), "services: [unclosed\n");
        CliRun run = CliRun.of("plan", project.toString(), "--to", "gcp", "--out", tmp.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("nothing could be read").containsPattern("main\\.tf:1:1: ")
                .containsPattern("docker-compose\\.yml:\\d+:\\d+: ");
        assertThat(tmp.resolve("out/plan.json")).doesNotExist();
    }

    @Test
    void anOutputPathThatIsAFileIsARuntimeErrorWithoutStackTrace() throws IOException {
        Path file = Files.writeString(tmp.resolve("taken"), "not a directory");
        CliRun run = CliRun.of("plan", EXAMPLES.resolve("compose-backend").toString(), "--to", "aws", "--out", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.RUNTIME);
        assertThat(run.err()).contains("taken").contains("cannot create the output directory").doesNotContain("\tat ");
    }

    @Test
    void helpIsAvailableEverywhere() {
        CliRun top = CliRun.of("--help");
        CliRun plan = CliRun.of("plan", "--help");
        CliRun inventory = CliRun.of("inventory", "--help");

        assertThat(top.exitCode()).isZero();
        assertThat(top.out()).contains("plan").contains("inventory");
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out()).contains("--to").contains("--env").contains("--out").contains("Exit codes");
        assertThat(inventory.exitCode()).isZero();
        assertThat(inventory.out()).contains("--format").contains("table, json");
    }

    @Test
    void inventoryPrintsTableAndJson() throws IOException {
        CliRun table = CliRun.of("inventory", EXAMPLES.resolve("compose-backend").toString());
        CliRun json = CliRun.of("inventory", EXAMPLES.resolve("compose-backend").toString(), "--format", "json", "--env", "prod");

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("Environment default").contains("Environment prod").contains("compose.postgres")
                .contains("compose_postgres");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode inv = JSON.readTree(json.out());
        assertThat(inv.get("environments").toString()).isEqualTo("[\"prod\"]");
        assertThat(inv.get("resources").findValuesAsText("address")).contains("compose.app", "compose.worker", "compose.postgres", "compose.redis");
    }

    @Test
    void inventoryRejectsAnUnknownFormat() {
        CliRun run = CliRun.of("inventory", EXAMPLES.resolve("compose-backend").toString(), "--format", "xml");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--format").contains("xml");
    }
}
