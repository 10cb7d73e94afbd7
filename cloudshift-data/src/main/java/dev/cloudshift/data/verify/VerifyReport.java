package dev.cloudshift.data.verify;

import java.util.List;

/** The outcome of a verify run: equal when every table and every query matched. */
public record VerifyReport(String source, String target, VerifyMode mode, boolean equal, List<TableResult> tables,
                           List<QueryResult> queries, double seconds) {
    public VerifyReport {
        tables = List.copyOf(tables);
        queries = List.copyOf(queries);
    }
}
