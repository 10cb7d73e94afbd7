package dev.cloudshift.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cloudshift data}: moves databases and proves they arrived; the work is in its subcommands. */
@Command(
        name = "data",
        mixinStandardHelpOptions = true,
        description = "Copy a database to another (any of PostgreSQL, MySQL/MariaDB, SQLite, H2) and verify the copy.",
        subcommands = {
            DataCopyCommand.class,
            DataVerifyCommand.class,
        })
public final class DataCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing a subcommand: see 'cloudshift data --help'.");
    }
}
