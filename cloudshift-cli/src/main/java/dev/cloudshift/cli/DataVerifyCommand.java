package dev.cloudshift.cli;

import dev.cloudshift.data.verify.DataVerifier;
import dev.cloudshift.data.verify.DatabaseUnreachableException;
import dev.cloudshift.data.verify.SqlScript;
import dev.cloudshift.data.verify.TableComparer;
import dev.cloudshift.data.verify.TableResult;
import dev.cloudshift.data.verify.QueryResult;
import dev.cloudshift.data.verify.VerifyJsonReport;
import dev.cloudshift.data.verify.VerifyMarkdownReport;
import dev.cloudshift.data.verify.VerifyMode;
import dev.cloudshift.data.verify.VerifyReport;
import dev.cloudshift.data.verify.VerifyRequest;
import dev.cloudshift.data.verify.VerifyUsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cloudshift data verify}: proves a target holds the same rows as a source, through {@link DataVerifier}.
 * Credentials come from the URL, from {@code CLOUDSHIFT_SOURCE_USER}/{@code CLOUDSHIFT_SOURCE_PASSWORD} and
 * {@code CLOUDSHIFT_TARGET_USER}/{@code CLOUDSHIFT_TARGET_PASSWORD} (falling back to the copy command's
 * {@code CLOUDSHIFT_FROM_*}/{@code CLOUDSHIFT_TO_*}), or from variables named by {@code --source-password-env} /
 * {@code --target-password-env}; no message shows them.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Verify that a target database holds the same rows as a source: row counts, then checksums computed "
                    + "inside each database over key ranges, bisecting to the differing rows so only those regions "
                    + "are downloaded. Values are normalised per type first, so equal data compares equal across "
                    + "PostgreSQL, MySQL/MariaDB, SQLite and H2.",
            "Exit codes: 0 equal, 1 different, 2 bad usage, 3 a database unreachable or a database error."
        },
        sortOptions = false)
public final class DataVerifyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "URL",
            description = "Source JDBC URL (jdbc:postgresql://, jdbc:mariadb://, jdbc:mysql://, jdbc:sqlite:, jdbc:h2:).")
    String source;

    @Option(names = "--target", required = true, paramLabel = "URL", description = "Target JDBC URL.")
    String target;

    @Option(names = "--tables", split = ",", paramLabel = "TABLE",
            description = "Verify only these source tables (comma-separated); default all.")
    List<String> tables;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "checksum",
            description = "count (row counts only), checksum (default: push-down checksums, then the differing rows) "
                    + "or rows (download and compare every row).")
    String mode;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON report here.")
    Path json;

    @Option(names = "--md", paramLabel = "FILE", description = "Write the Markdown report here.")
    Path markdown;

    @Option(names = "--query", paramLabel = "FILE",
            description = "Run each query of this SQL file on both sides and compare the results (in order when the "
                    + "query has a top-level ORDER BY, else as multisets) instead of comparing tables.")
    Path query;

    @Option(names = "--leaf-rows", paramLabel = "N", defaultValue = "1000",
            description = "Bisect until a range holds at most this many rows, then compare it row by row "
                    + "(default ${DEFAULT-VALUE}).")
    int leafRows;

    @Option(names = "--max-differences", paramLabel = "N", defaultValue = "1000",
            description = "List at most this many differences per table (all are counted; default ${DEFAULT-VALUE}).")
    int maxDifferences;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
            description = "Connections per side for the whole-table checksum pass, split by key range "
                    + "(default ${DEFAULT-VALUE}: on a busy 2-core machine 2 was slower, see docs/benchmarks.md).")
    int parallel;

    @Option(names = "--source-user", paramLabel = "USER",
            description = "Source user (default: $CLOUDSHIFT_SOURCE_USER, then $CLOUDSHIFT_FROM_USER).")
    String sourceUser;

    @Option(names = "--target-user", paramLabel = "USER",
            description = "Target user (default: $CLOUDSHIFT_TARGET_USER, then $CLOUDSHIFT_TO_USER).")
    String targetUser;

    @Option(names = "--source-password-env", paramLabel = "VAR",
            description = "Environment variable holding the source password (default CLOUDSHIFT_SOURCE_PASSWORD, "
                    + "then CLOUDSHIFT_FROM_PASSWORD).")
    String sourcePasswordEnv;

    @Option(names = "--target-password-env", paramLabel = "VAR",
            description = "Environment variable holding the target password (default CLOUDSHIFT_TARGET_PASSWORD, "
                    + "then CLOUDSHIFT_TO_PASSWORD).")
    String targetPasswordEnv;

    /** Environment lookups go through here so tests can supply variables. */
    static Map<String, String> environment = System.getenv();

    @Override
    public Integer call() {
        VerifyMode m = switch (mode.toLowerCase(Locale.ROOT)) {
            case "count" -> VerifyMode.COUNT;
            case "checksum" -> VerifyMode.CHECKSUM;
            case "rows" -> VerifyMode.ROWS;
            default -> throw CliException.usage("--mode must be count, checksum or rows, got '" + mode + "'");
        };
        if (leafRows < 1) {
            throw CliException.usage("--leaf-rows must be at least 1, got " + leafRows);
        }
        if (parallel < 1 || parallel > 32) {
            throw CliException.usage("--parallel must be between 1 and 32, got " + parallel);
        }
        if (maxDifferences < 0) {
            throw CliException.usage("--max-differences must be 0 or more, got " + maxDifferences);
        }
        List<SqlScript.Statement> queries = List.of();
        if (query != null) {
            String text;
            try {
                text = Files.readString(query, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw CliException.usage(query + ": cannot read the query file (" + e.getClass().getSimpleName() + ")");
            }
            try {
                queries = SqlScript.split(text);
            } catch (VerifyUsageException e) {
                throw CliException.usage(query + ":" + e.getMessage());
            }
            if (queries.isEmpty()) {
                throw CliException.usage(query + ": no queries in the file; separate queries with ';'");
            }
        }
        DatabaseCredentials src = credentials(sourceUser, sourcePasswordEnv, "SOURCE", "FROM", "--source-password-env");
        DatabaseCredentials tgt = credentials(targetUser, targetPasswordEnv, "TARGET", "TO", "--target-password-env");
        TableComparer.Settings defaults = TableComparer.Settings.defaults();
        TableComparer.Settings settings = new TableComparer.Settings(leafRows, defaults.fanout(),
                defaults.maxRootFanout(), maxDifferences, Math.max(leafRows, defaults.rowsModeLeafRows()));
        VerifyRequest request = new VerifyRequest(source, src.user(), src.password(), target, tgt.user(), tgt.password(), tables, m, queries,
                settings, parallel);
        VerifyReport report;
        try {
            report = new DataVerifier(request).run();
        } catch (VerifyUsageException e) {
            throw CliException.usage(e.getMessage());
        } catch (DatabaseUnreachableException e) {
            throw new CliException(ExitCode.RUNTIME, e.getMessage(), e);
        } catch (SQLException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new CliException(ExitCode.RUNTIME, "database error while verifying"
                    + (e.getSQLState() != null ? " (SQLSTATE " + e.getSQLState() + ")" : "") + ": " + msg, e);
        }
        write(json, VerifyJsonReport.render(report));
        write(markdown, VerifyMarkdownReport.render(report));
        print(spec.commandLine().getOut(), report);
        return report.equal() ? ExitCode.OK : ExitCode.FINDING;
    }

    private static void print(PrintWriter out, VerifyReport r) {
        for (TableResult t : r.tables()) {
            String verdict = t.equal() ? "equal" : t.problem() != null && t.differenceCount() == 0 ? t.problem().toUpperCase(Locale.ROOT)
                    : String.format(Locale.ROOT, "DIFFERENT (%d missing, %d extra, %d changed)", t.missing(), t.extra(),
                    t.changed());
            out.printf(Locale.ROOT, "%-30s source %,d rows, target %s rows: %s%n", t.table(),
                    t.sourceRows() == null ? 0 : t.sourceRows(),
                    t.targetRows() == null ? "-" : String.format(Locale.ROOT, "%,d", t.targetRows()), verdict);
        }
        for (QueryResult q : r.queries()) {
            out.printf(Locale.ROOT, "query %d (line %d): %s%n", q.index(), q.line(), q.equal() ? "same result"
                    : q.error() != null ? "ERROR " + q.error()
                    : "DIFFERENT (" + q.differenceCount() + " rows differ; source " + q.sourceRows() + " rows, target "
                    + q.targetRows() + ")");
        }
        out.printf(Locale.ROOT, "%s in %.1f s%n", r.equal() ? "Equal" : "Different", r.seconds());
        out.flush();
    }

    private static void write(Path file, String text) {
        if (file == null) {
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(ExitCode.RUNTIME, file + ": cannot write the report ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static DatabaseCredentials credentials(String user, String passwordEnv, String role, String copyRole,
                                                   String option) {
        return DatabaseCredentials.resolve(environment, user, passwordEnv, option,
                List.of("CLOUDSHIFT_" + role + "_USER", "CLOUDSHIFT_" + copyRole + "_USER"),
                List.of("CLOUDSHIFT_" + role + "_PASSWORD", "CLOUDSHIFT_" + copyRole + "_PASSWORD"));
    }
}
