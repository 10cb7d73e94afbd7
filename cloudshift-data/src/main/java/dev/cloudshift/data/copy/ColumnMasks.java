package dev.cloudshift.data.copy;

import dev.cloudshift.data.cast.ValueConverter;

/** Masking for non-production copies: the strategy for a column, or null to copy it unchanged. */
@FunctionalInterface
public interface ColumnMasks {
    ColumnMasks NONE = (table, column) -> null;

    ValueConverter forColumn(String table, String column);
}
