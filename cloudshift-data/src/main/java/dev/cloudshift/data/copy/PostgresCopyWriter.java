package dev.cloudshift.data.copy;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Loads PostgreSQL through {@code COPY table (columns) FROM STDIN} in text format: rows are encoded into one
 * reusable buffer and handed to the server every {@value #FLUSH_BYTES} bytes, so memory stays bounded whatever
 * the chunk size. The COPY runs inside the connection's transaction (autocommit off), together with the chunk's
 * checkpoint update.
 */
public final class PostgresCopyWriter implements RowWriter {
    static final int FLUSH_BYTES = 1 << 18;

    private final CopyManager copyManager;
    private final String sql;
    private final PgCopyTextEncoder encoder = new PgCopyTextEncoder(FLUSH_BYTES + (1 << 16));
    private CopyIn copyIn;

    /** @param qualifiedTable quoted target table; @param quotedColumns quoted column list in row order */
    public PostgresCopyWriter(Connection connection, String qualifiedTable, java.util.List<String> quotedColumns)
            throws SQLException {
        this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        this.sql = "COPY " + qualifiedTable + " (" + String.join(", ", quotedColumns) + ") FROM STDIN";
    }

    @Override
    public void open() throws SQLException {
        encoder.reset();
        copyIn = copyManager.copyIn(sql);
    }

    @Override
    public int write(Object[] row) throws SQLException {
        int bad = encoder.writeRow(row);
        if (encoder.length() >= FLUSH_BYTES) {
            copyIn.writeToCopy(encoder.buffer(), 0, encoder.length());
            encoder.reset();
        }
        return bad;
    }

    @Override
    public String refusalReason() {
        return "text contains a NUL character (0x00), which PostgreSQL cannot store";
    }

    @Override
    public void close() throws SQLException {
        if (encoder.length() > 0) {
            copyIn.writeToCopy(encoder.buffer(), 0, encoder.length());
            encoder.reset();
        }
        copyIn.endCopy();
        copyIn = null;
    }

    @Override
    public void abort() {
        encoder.reset();
        if (copyIn != null) {
            try {
                if (copyIn.isActive()) {
                    copyIn.cancelCopy();
                }
            } catch (SQLException ignored) {
                // the server already ended the COPY with an error; the rollback that follows cleans up
            }
            copyIn = null;
        }
    }
}
