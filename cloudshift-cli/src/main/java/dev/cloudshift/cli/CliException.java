package dev.cloudshift.cli;

/**
 * An error meant for the user: its message is printed on stderr as is (it must name the place and say what
 * to do, and never carry a secret), and the process exits with {@link #exitCode()}.
 */
public class CliException extends RuntimeException {
    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static CliException usage(String message) {
        return new CliException(ExitCode.USAGE, message);
    }

    public static CliException runtime(String message, Throwable cause) {
        return new CliException(ExitCode.RUNTIME, message, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
