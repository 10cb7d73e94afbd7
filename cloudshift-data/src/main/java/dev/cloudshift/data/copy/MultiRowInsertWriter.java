package dev.cloudshift.data.copy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.temporal.TemporalAccessor;
import java.util.List;

/**
 * Loads MySQL/MariaDB, H2 and SQLite with multi-row {@code INSERT ... VALUES (...), (...), ...} statements:
 * up to {@link #rowsPerStatement} rows per execution through one prepared statement that is reused, a second
 * one for the last partial group. Rows are copied into a fixed buffer of that many rows, so memory is bounded.
 */
public final class MultiRowInsertWriter implements RowWriter {
    private final Connection connection;
    private final String insertPrefix;
    private final String rowPlaceholders;
    private final int columns;
    private final int rowsPerStatement;
    private final boolean temporalAsText;
    private final Object[][] pending;
    private int count;
    private long pendingBytes;
    private PreparedStatement full;

    /**
     * @param temporalAsText bind java.time and java.sql date/time values as ISO text (SQLite stores dates as text
     *                       and its driver does not bind java.time types)
     */
    public MultiRowInsertWriter(Connection connection, String qualifiedTable, List<String> quotedColumns,
            int maxParameters, boolean temporalAsText) {
        this.connection = connection;
        this.columns = quotedColumns.size();
        this.insertPrefix = "INSERT INTO " + qualifiedTable + " (" + String.join(", ", quotedColumns) + ") VALUES ";
        this.rowPlaceholders = "(" + "?, ".repeat(Math.max(0, columns - 1)) + (columns > 0 ? "?" : "") + ")";
        this.rowsPerStatement = Math.max(1, Math.min(1000, maxParameters / Math.max(1, columns)));
        this.temporalAsText = temporalAsText;
        this.pending = new Object[rowsPerStatement][columns];
    }

    public int rowsPerStatement() {
        return rowsPerStatement;
    }

    @Override
    public void open() {
        count = 0;
    }

    /** Flush early when the buffered rows hold this many bytes of text/binary (stays under max_allowed_packet). */
    static final long MAX_PENDING_BYTES = 4L << 20;

    @Override
    public int write(Object[] row) throws SQLException {
        System.arraycopy(row, 0, pending[count], 0, columns);
        for (int i = 0; i < columns; i++) {
            Object v = row[i];
            if (v instanceof String s) {
                pendingBytes += s.length();
            } else if (v instanceof byte[] b) {
                pendingBytes += b.length;
            }
        }
        if (pendingBytes > MAX_PENDING_BYTES && count + 1 < rowsPerStatement) {
            count++;
            close();
            return -1;
        }
        if (++count == rowsPerStatement) {
            if (full == null) {
                full = connection.prepareStatement(sql(rowsPerStatement));
            }
            execute(full, rowsPerStatement);
        }
        return -1;
    }

    @Override
    public void close() throws SQLException {
        if (count > 0) {
            if (count == rowsPerStatement && full != null) {
                execute(full, count);
                return;
            }
            try (PreparedStatement tail = connection.prepareStatement(sql(count))) {
                execute(tail, count);
            }
        }
    }

    @Override
    public void abort() {
        for (int r = 0; r < count; r++) {
            java.util.Arrays.fill(pending[r], null);
        }
        count = 0;
        pendingBytes = 0;
    }

    /** Releases the cached statement (call when the connection is about to close). */
    public void release() {
        if (full != null) {
            try {
                full.close();
            } catch (SQLException ignored) {
                // closing the connection closes it anyway
            }
            full = null;
        }
    }

    private String sql(int rows) {
        StringBuilder sb = new StringBuilder(insertPrefix.length() + rows * (rowPlaceholders.length() + 2));
        sb.append(insertPrefix);
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(rowPlaceholders);
        }
        return sb.toString();
    }

    private void execute(PreparedStatement ps, int rows) throws SQLException {
        int p = 1;
        for (int r = 0; r < rows; r++) {
            Object[] row = pending[r];
            for (int c = 0; c < columns; c++) {
                Object v = row[c];
                row[c] = null;
                if (temporalAsText && v instanceof TemporalAccessor) {
                    String t = TemporalText.format(v);
                    v = t != null ? t : v.toString();
                }
                ps.setObject(p++, v);
            }
        }
        count = 0;
        pendingBytes = 0;
        ps.executeUpdate();
    }
}
