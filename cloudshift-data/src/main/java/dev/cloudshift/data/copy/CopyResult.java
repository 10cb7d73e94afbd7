package dev.cloudshift.data.copy;

import java.util.List;

/**
 * The outcome of a copy, per table: source rows counted at the start, rows copied and rejected (including
 * chunks committed by an earlier run that this one resumed), and time spent.
 */
public record CopyResult(List<TableResult> tables, long rejected, double seconds) {

    public record TableResult(String table, long sourceRows, long copied, long rejected, double seconds,
            double rowsPerSecond) {
        /** True when every source row was either copied or rejected. */
        public boolean reconciles() {
            return sourceRows == copied + rejected;
        }
    }

    public CopyResult {
        tables = List.copyOf(tables);
    }

    public boolean reconciles() {
        return tables.stream().allMatch(TableResult::reconciles);
    }

    public long copied() {
        return tables.stream().mapToLong(TableResult::copied).sum();
    }
}
