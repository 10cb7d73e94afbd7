package dev.cloudshift.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code cloudshift} command. One class per verb; this class only wires them and turns exceptions into
 * exit codes, in one place: a {@link CliException} prints its message, anything else prints a one-line
 * summary; the stack trace is shown only with {@code --debug}.
 */
@Command(
        name = "cloudshift",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Plans cloud migrations from the infrastructure code you have, then moves the data and proves it arrived.",
        subcommands = {
            CommandLine.HelpCommand.class,
            PlanCommand.class,
            InventoryCommand.class,
            CostCommand.class,
            CatalogCommand.class,
            DataCommand.class,
        })
public final class Main implements Runnable {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of unexpected errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: see 'cloudshift --help'.");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(out, err, args));
    }

    /** Runs the CLI without exiting the JVM: tests call this. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cl = commandLine(out, err, debug);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean debug) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(
                System.getenv("NO_COLOR") != null ? CommandLine.Help.Ansi.OFF : CommandLine.Help.Ansi.AUTO));
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println("cloudshift: " + ex.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, e)) {
                e.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            }
            return ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            int code;
            if (ex instanceof CliException ce) {
                e.println("cloudshift: " + ce.getMessage());
                code = ce.exitCode();
            } else {
                e.println("cloudshift: internal error: " + ex.getClass().getSimpleName()
                        + (debug ? "" : " (run again with --debug for the stack trace)"));
                code = ExitCode.RUNTIME;
            }
            if (debug) {
                ex.printStackTrace(e);
            }
            e.flush();
            return code;
        });
        return cl;
    }
}
