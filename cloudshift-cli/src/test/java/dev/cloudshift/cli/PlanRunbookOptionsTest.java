package dev.cloudshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cloudshift plan --format} and {@code --max-downtime} (issue 6). */
class PlanRunbookOptionsTest {

    static final Path EXAMPLE = Path.of("..", "examples", "aws-container-platform");

    @TempDir
    Path tmp;

    @Test
    void jsonOnlyWritesOnlyPlanJsonWithTheRunbookSections() throws IOException {
        CliRun run = CliRun.of("plan", EXAMPLE.toString(), "--to", "azure", "--format", "json", "--out", tmp.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(tmp.resolve("plan.json")).isRegularFile();
        assertThat(tmp.resolve("plan.md")).doesNotExist();
        JsonNode plan = new ObjectMapper().readTree(tmp.resolve("plan.json").toFile());
        for (String key : new String[] {"strategy", "phases", "risks", "rollback", "checklists", "environment_matrix"}) {
            assertThat(plan.has(key)).as(key).isTrue();
        }
        assertThat(plan.get("strategy").get("recommended").asText()).isEqualTo("incremental");
        String text = Files.readString(tmp.resolve("plan.json"));
        assertThat(text).doesNotContain("prod-FAKE-do-not-use-91c2e0b7d4").doesNotContain("dev-Not-A-Real-Pass-7f3a9c");
    }

    @Test
    void maxDowntimeThatFitsTheCopyRecommendsHybrid() throws IOException {
        CliRun run = CliRun.of("plan", EXAMPLE.toString(), "--to", "azure", "--max-downtime", "600", "--out", tmp.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode plan = new ObjectMapper().readTree(tmp.resolve("plan.json").toFile());
        assertThat(plan.get("strategy").get("recommended").asText()).isEqualTo("hybrid");
        assertThat(plan.get("strategy").get("facts").get("max_downtime_minutes").asInt()).isEqualTo(600);
        assertThat(Files.readString(tmp.resolve("plan.md"))).contains("### Hybrid ✅ Recommended");
    }

    @Test
    void htmlIsAClearUsageErrorUntilTheReportExists() {
        CliRun run = CliRun.of("plan", EXAMPLE.toString(), "--to", "azure", "--format", "md,html", "--out", tmp.toString());

        if (run.exitCode() == ExitCode.OK) {
            // the HTML report has landed: then it must be written
            assertThat(tmp.resolve("plan.html")).isRegularFile();
            return;
        }
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--format html").contains("not available yet").doesNotContain("Exception");
        assertThat(tmp.resolve("plan.md")).doesNotExist();
    }

    @Test
    void unknownFormatAndNegativeDowntimeAreUsageErrors() {
        CliRun bad = CliRun.of("plan", EXAMPLE.toString(), "--to", "azure", "--format", "pdf", "--out", tmp.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("unknown format 'pdf'").contains("md, json or html");

        CliRun negative = CliRun.of("plan", EXAMPLE.toString(), "--to", "azure", "--max-downtime", "-5", "--out", tmp.toString());
        assertThat(negative.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(negative.err()).contains("--max-downtime must be zero or more minutes");
    }
}
