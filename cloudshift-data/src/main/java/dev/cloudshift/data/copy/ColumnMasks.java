package dev.cloudshift.data.copy;

/** Masking for non-production copies: the strategy for a column, or null to copy it unchanged. */
@FunctionalInterface
public interface ColumnMasks {
    ColumnMasks NONE = (table, column) -> null;

    ValueConversion forColumn(String table, String column);
}
