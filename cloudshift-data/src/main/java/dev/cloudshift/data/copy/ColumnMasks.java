package dev.cloudshift.data.copy;

import dev.cloudshift.data.cast.ValueConverter;
import dev.cloudshift.data.schema.Column;
import dev.cloudshift.data.schema.Table;

/**
 * Masking for non-production copies: the strategy for a source column (applied after its cast, to the value
 * about to be written), or null to copy it unchanged. {@code MaskRules::forColumn} fits.
 */
@FunctionalInterface
public interface ColumnMasks {
    ColumnMasks NONE = (table, column) -> null;

    ValueConverter forColumn(Table table, Column column);
}
