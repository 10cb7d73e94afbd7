package dev.cloudshift.data.verify;

import java.util.List;

/**
 * What to verify. {@code tables} empty means every table of the source; {@code queries} (from {@code --query}) are
 * run on both sides and compared instead of tables when not empty. Credentials may be null (then the URL's own or
 * none are used).
 */
public record VerifyRequest(
        String sourceUrl, String sourceUser, String sourcePassword,
        String targetUrl, String targetUser, String targetPassword,
        List<String> tables, VerifyMode mode, List<SqlScript.Statement> queries,
        TableComparer.Settings settings, int parallel) {

    public VerifyRequest {
        tables = tables == null ? List.of() : List.copyOf(tables);
        queries = queries == null ? List.of() : List.copyOf(queries);
        mode = mode == null ? VerifyMode.CHECKSUM : mode;
        settings = settings == null ? TableComparer.Settings.defaults() : settings;
        parallel = parallel < 1 ? DEFAULT_PARALLEL : parallel;
    }

    /** Connections per side for the first, whole-table checksum level (each is one server thread). */
    public static final int DEFAULT_PARALLEL = 1;

    public static VerifyRequest of(String sourceUrl, String targetUrl, VerifyMode mode) {
        return new VerifyRequest(sourceUrl, null, null, targetUrl, null, null, List.of(), mode, List.of(), null,
                DEFAULT_PARALLEL);
    }

    public VerifyRequest withTables(List<String> names) {
        return new VerifyRequest(sourceUrl, sourceUser, sourcePassword, targetUrl, targetUser, targetPassword, names,
                mode, queries, settings, parallel);
    }

    public VerifyRequest withSettings(TableComparer.Settings s) {
        return new VerifyRequest(sourceUrl, sourceUser, sourcePassword, targetUrl, targetUser, targetPassword, tables,
                mode, queries, s, parallel);
    }

    public VerifyRequest withQueries(List<SqlScript.Statement> q) {
        return new VerifyRequest(sourceUrl, sourceUser, sourcePassword, targetUrl, targetUser, targetPassword, tables,
                mode, q, settings, parallel);
    }

    public VerifyRequest withParallel(int n) {
        return new VerifyRequest(sourceUrl, sourceUser, sourcePassword, targetUrl, targetUser, targetPassword, tables,
                mode, queries, settings, n);
    }

    @Override
    public String toString() {
        return "VerifyRequest[" + DatabaseAddress.of(sourceUrl).describe() + " -> "
                + DatabaseAddress.of(targetUrl).describe() + ", mode=" + mode + "]";
    }
}
