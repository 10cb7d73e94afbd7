package dev.cloudshift.data.verify;

import java.util.List;

/**
 * One differing row. {@code kind} is {@code missing} (in the source, not the target), {@code extra} (in the target
 * only) or {@code changed}; {@code key} is the primary-key value (a Long or String, or a map of column to value for
 * composite keys; for tables without a primary key, the map of every column); {@code columns} lists the columns
 * whose canonical values differ (changed rows only).
 */
public record Difference(Object key, String kind, List<String> columns) {
    public Difference {
        columns = List.copyOf(columns);
    }
}
