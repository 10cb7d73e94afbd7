package dev.cloudshift.data.verify;

import java.util.List;

/**
 * What verify found for one table. {@code differences} lists at most the cap given to the verifier while
 * {@code missing}, {@code extra} and {@code changed} count every difference found; {@code problem} says why the
 * table could not be compared (absent on one side), else null. {@code rowsFetched} counts rows downloaded to compare
 * row by row, {@code rowsStreamed} rows streamed to hash on the client (SQLite, H2), both sides together.
 */
public record TableResult(
        String table,
        Long sourceRows,
        Long targetRows,
        boolean equal,
        String problem,
        long missing,
        long extra,
        long changed,
        List<Difference> differences,
        long rowsFetched,
        long rowsStreamed,
        List<String> columnsOnlyInSource,
        List<String> columnsOnlyInTarget,
        double seconds) {

    public TableResult {
        differences = List.copyOf(differences);
        columnsOnlyInSource = List.copyOf(columnsOnlyInSource);
        columnsOnlyInTarget = List.copyOf(columnsOnlyInTarget);
    }

    public long differenceCount() {
        return missing + extra + changed;
    }

    public boolean truncated() {
        return differenceCount() > differences.size();
    }
}
