package dev.cloudshift.data.copy;

import java.sql.SQLException;

/**
 * Streams rows into one target table inside the caller's open transaction: {@link #open()}, any number of
 * {@link #write}, then {@link #close()} (which makes the rows part of the transaction) or {@link #abort()}.
 * One writer per target connection, reused for every chunk that connection loads.
 */
public interface RowWriter {

    void open() throws SQLException;

    /**
     * Writes one row (the array is reused by the caller: copy what must outlive the call). Returns -1, or the
     * index of a column whose value the target can never accept; the row is then not written.
     */
    int write(Object[] row) throws SQLException;

    /** Sends whatever is buffered and ends the load; errors from the server surface here at the latest. */
    void close() throws SQLException;

    /** Abandons a load after an error; the caller rolls the transaction back. */
    void abort();

    /** The reason {@link #write} refused a value, for the reject file. */
    default String refusalReason() {
        return "value not accepted by the target";
    }
}
