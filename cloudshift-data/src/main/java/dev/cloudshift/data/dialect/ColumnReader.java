package dev.cloudshift.data.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads one column's values from result rows, as {@link Dialect#readValue} does, with the decision of how (which
 * getter, which parsing) taken once when the reader is made instead of again for every value: a copy reads
 * millions of values of the same column.
 */
@FunctionalInterface
public interface ColumnReader {
    /** The value of column {@code index} (1-based) of the current row, normalised as {@link Dialect#readValue}. */
    Object read(ResultSet rs, int index) throws SQLException;
}
