package dev.cloudshift.cli;

/** Every exit code the CLI uses, in one place. */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** A finding: differences found, budget exceeded. */
    public static final int FINDING = 1;
    /** Bad usage or input. */
    public static final int USAGE = 2;
    /** Runtime failure: a database unreachable, an I/O error, a bug. */
    public static final int RUNTIME = 3;

    private ExitCode() {
    }
}
