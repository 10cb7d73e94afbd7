package dev.cloudshift.cli;

import dev.cloudshift.data.copy.CastRulePlanner;
import dev.cloudshift.data.copy.ColumnMasks;
import dev.cloudshift.data.mask.MaskRules;
import dev.cloudshift.data.rulefile.RuleFileException;
import dev.cloudshift.data.copy.CopyEngine;
import dev.cloudshift.data.copy.CopyException;
import dev.cloudshift.data.copy.CopyRequest;
import dev.cloudshift.data.copy.CopyResult;
import dev.cloudshift.data.copy.JdbcEndpoint;
import dev.cloudshift.data.progress.CopyProgressDisplay;
import dev.cloudshift.data.progress.CopySummaryTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cloudshift data copy}: copies tables between databases through {@link CopyEngine}. Credentials come
 * from the URL, from {@code CLOUDSHIFT_FROM_USER}/{@code CLOUDSHIFT_FROM_PASSWORD} and
 * {@code CLOUDSHIFT_TO_USER}/{@code CLOUDSHIFT_TO_PASSWORD}, or from a variable named by
 * {@code --from-password-env}/{@code --to-password-env}; no message ever shows a password.
 */
@Command(
        name = "copy",
        mixinStandardHelpOptions = true,
        description = {
            "Copy tables from one database to another: create the tables, load the rows in parallel chunks, then "
                    + "keys, indexes, foreign keys and sequences.",
            "Each chunk commits with its checkpoint, so an interrupted copy continues with --resume without "
                    + "duplicating or losing rows. The checkpoint table (cloudshift_copy_state) is dropped when the "
                    + "copy completes unless --keep-state.",
            "Exit codes: 0 copied, 1 some rows rejected (see --reject), 2 bad usage, 3 a database unreachable or "
                    + "the copy failed."
        },
        sortOptions = false)
public final class DataCopyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "URL",
            description = "Source JDBC URL (jdbc:postgresql://, jdbc:mariadb://, jdbc:mysql://, jdbc:sqlite:, jdbc:h2:).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "URL", description = "Target JDBC URL.")
    String to;

    @Option(names = "--tables", split = ",", paramLabel = "TABLE",
            description = "Copy only these source tables (comma-separated); default all.")
    List<String> tables;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "Worker threads, each with a source and a target connection (default ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--chunk-rows", paramLabel = "N", defaultValue = "50000",
            description = "Rows per chunk: the unit of parallel work and of crash recovery (default ${DEFAULT-VALUE}).")
    long chunkRows;

    @Option(names = "--mask", paramLabel = "FILE", description = "YAML masking rules applied before writing.")
    Path mask;

    @Option(names = "--mask-key", paramLabel = "KEY",
            description = "Key for the keyed masking strategies (prefer the environment variable CLOUDSHIFT_MASK_KEY, "
                    + "which stays out of shell history). The same key gives the same masked values.")
    String maskKey;

    @Option(names = "--resume", description = "Continue an interrupted copy from the target's checkpoint table.")
    boolean resume;

    @Option(names = "--reject", paramLabel = "FILE",
            description = "Write rejected rows here as JSON lines (table, key, column, reason; never the value).")
    Path reject;

    @Option(names = "--keep-state", description = "Keep the checkpoint table cloudshift_copy_state after success.")
    boolean keepState;

    @Option(names = "--from-user", paramLabel = "USER", description = "Source user (default: $CLOUDSHIFT_FROM_USER).")
    String fromUser;

    @Option(names = "--to-user", paramLabel = "USER", description = "Target user (default: $CLOUDSHIFT_TO_USER).")
    String toUser;

    @Option(names = "--from-password-env", paramLabel = "VAR",
            description = "Environment variable holding the source password (default CLOUDSHIFT_FROM_PASSWORD).")
    String fromPasswordEnv;

    @Option(names = "--to-password-env", paramLabel = "VAR",
            description = "Environment variable holding the target password (default CLOUDSHIFT_TO_PASSWORD).")
    String toPasswordEnv;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (bars on a terminal, plain lines otherwise), bar, plain or none.")
    String progress;

    /** Environment lookups go through here so tests can supply variables. */
    static Map<String, String> environment = System.getenv();

    @Override
    public Integer call() {
        if (parallel < 1 || parallel > 64) {
            throw CliException.usage("--parallel must be between 1 and 64, got " + parallel);
        }
        if (chunkRows < 1) {
            throw CliException.usage("--chunk-rows must be at least 1, got " + chunkRows);
        }
        JdbcEndpoint source = endpoint(from, fromUser, fromPasswordEnv, "FROM");
        JdbcEndpoint target = endpoint(to, toUser, toPasswordEnv, "TO");
        ColumnMasks masks = masks(mask);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean live;
        long interval;
        switch (progress) {
            case "auto" -> {
                live = CopyProgressDisplay.terminal();
                interval = live ? 250 : 5000;
            }
            case "bar" -> {
                live = true;
                interval = 250;
            }
            case "plain" -> {
                live = false;
                interval = 5000;
            }
            case "none" -> {
                live = false;
                interval = -1;
            }
            default -> throw CliException.usage("--progress must be auto, bar, plain or none, got '" + progress + "'");
        }
        CopyRequest request = new CopyRequest(source, target, tables, parallel, chunkRows, resume, keepState,
                reject, masks);
        CopyResult result;
        try (CopyProgressDisplay display = interval < 0 ? null : new CopyProgressDisplay(err, live, interval)) {
            CopyEngine.Listener listener = display != null ? display : new CopyEngine.Listener() {
            };
            result = new CopyEngine(request, CastRulePlanner.factory(), listener).run();
        } catch (CopyException e) {
            int code = switch (e.kind()) {
                case USAGE -> ExitCode.USAGE;
                case UNREACHABLE, RUNTIME -> ExitCode.RUNTIME;
            };
            throw new CliException(code, e.getMessage(), e);
        }
        out.print(CopySummaryTable.render(result));
        if (result.rejected() > 0) {
            out.println(result.rejected() + " rows rejected" + (reject != null ? "; see " + reject : "; rerun with --reject FILE to list them"));
        }
        out.flush();
        if (!result.reconciles()) {
            return ExitCode.FINDING;
        }
        return result.rejected() > 0 ? ExitCode.FINDING : ExitCode.OK;
    }

    private ColumnMasks masks(Path file) {
        if (file == null) {
            if (maskKey != null) {
                throw CliException.usage("--mask-key needs --mask FILE");
            }
            return ColumnMasks.NONE;
        }
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw CliException.usage("--mask: no such file " + file);
        }
        String key = maskKey != null ? maskKey : environment.get(MaskRules.KEY_VARIABLE);
        try {
            MaskRules rules = MaskRules.load(file, key);
            // the Table/Column form: knows each column's length and nullability, so masked values are fitted to it
            return (table, column) -> rules.forColumn(table, column);
        } catch (RuleFileException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    private static JdbcEndpoint endpoint(String url, String user, String passwordEnv, String role) {
        DatabaseCredentials c = DatabaseCredentials.resolve(environment, user, passwordEnv,
                "--" + role.toLowerCase(java.util.Locale.ROOT) + "-password-env",
                List.of("CLOUDSHIFT_" + role + "_USER"), List.of("CLOUDSHIFT_" + role + "_PASSWORD"));
        return new JdbcEndpoint(url, c.user(), c.password());
    }
}
