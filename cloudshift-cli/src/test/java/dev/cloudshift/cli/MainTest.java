package dev.cloudshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void versionPrintsTheBuildVersion() {
        Result r = run("--version");
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("cloudshift ").doesNotContain("${project.version}").doesNotContain("unknown");
    }

    @Test
    void helpListsUsage() {
        Result r = run("--help");
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("Usage: cloudshift");
    }

    @Test
    void noCommandIsBadUsage() {
        Result r = run();
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("Missing a command");
    }

    @Test
    void unknownOptionIsBadUsageWithoutStackTrace() {
        Result r = run("--no-such-option");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("Unknown option").doesNotContain("\tat ");
    }
}
