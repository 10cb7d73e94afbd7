package dev.cloudshift.data.copy;

import dev.cloudshift.data.cast.RejectedValueException;
import dev.cloudshift.data.cast.ValueConverter;
import dev.cloudshift.data.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One worker's connections (a source and a target connection) and the copy of one chunk at a time:
 * stream the chunk's rows out of the source, convert and mask them, write them through the target's
 * {@link RowWriter}, mark the chunk done in the checkpoint table and commit, all in one target transaction.
 *
 * <p>When the target refuses the load (a value too long, a constraint), the transaction is rolled back and the
 * chunk is copied again in small groups, each under a savepoint; a refused group is halved until the single
 * refused rows are found and rejected with the database's reason, and everything else is kept.
 */
final class ChunkCopier implements AutoCloseable {
    static final int ISOLATION_GROUP = 1000;
    static final int FETCH_SIZE = 10_000;
    private static final int PROGRESS_EVERY = 4096;

    private final Connection source;
    private final Connection target;
    private final Dialect sourceDialect;
    private final WriterFactory writers;
    private final RejectLog rejectLog;
    private final Map<String, RowWriter> writerByTable = new HashMap<>();

    /** Builds the row writer for a table on a target connection. */
    interface WriterFactory {
        RowWriter create(Connection target, TablePlan plan) throws SQLException;
    }

    ChunkCopier(Connection source, Connection target, Dialect sourceDialect, WriterFactory writers, RejectLog rejectLog)
            throws SQLException {
        this.source = source;
        this.target = target;
        this.sourceDialect = sourceDialect;
        this.writers = writers;
        this.rejectLog = rejectLog;
        source.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
        target.setAutoCommit(false);
    }

    /** Thrown when the target refused rows (as opposed to the source failing); the chunk is retried row-safely. */
    private static final class TargetRefused extends Exception {
        TargetRefused(SQLException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** Copies one chunk and commits it with its checkpoint. */
    void copy(TableJob job, Chunk chunk) throws SQLException {
        RowWriter writer = writerByTable.get(job.table());
        if (writer == null) {
            writer = writers.create(target, job.plan);
            writerByTable.put(job.table(), writer);
        }
        job.progress.started();
        try {
            runChunk(job, chunk, writer, false);
        } catch (TargetRefused refused) {
            rollbackQuietly();
            try {
                runChunk(job, chunk, writer, true);
            } catch (TargetRefused again) {
                rollbackQuietly();
                throw (SQLException) again.getCause();
            }
        }
    }

    private void runChunk(TableJob job, Chunk chunk, RowWriter writer, boolean isolate)
            throws SQLException, TargetRefused {
        int n = job.columns.length;
        Object[] row = new Object[n];
        Object[] keyValues = new Object[n];
        List<RejectLog.Reject> rejects = new ArrayList<>();
        List<Object[]> group = isolate ? new ArrayList<>(ISOLATION_GROUP) : null;
        List<Map<String, Object>> groupKeys = isolate ? new ArrayList<>(ISOLATION_GROUP) : null;
        long read = 0;
        long copied = 0;
        long shown = 0;
        String where = ChunkPlanner.predicate(chunk, sourceDialect::quote);
        String sql = where == null ? job.selectSql : job.selectSql + " WHERE " + where;
        boolean writerOpen = false;
        try (PreparedStatement ps = source.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(FETCH_SIZE);
            ChunkPlanner.bind(ps, chunk);
            if (!isolate) {
                try {
                    writer.open();
                } catch (SQLException e) {
                    throw new TargetRefused(e);
                }
                writerOpen = true;
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    read++;
                    if (read - shown >= PROGRESS_EVERY) {
                        job.progress.reading(read - shown);
                        shown = read;
                    }
                    int bad = -1;
                    String reason = null;
                    for (int i = 0; i < n; i++) {
                        Object v;
                        try {
                            v = job.readers[i].read(rs, i + 1);
                        } catch (java.sql.SQLDataException e) {
                            // the dialect's verdict on one value (an invalid MySQL date): reject the row
                            keyValues[i] = null;
                            bad = i;
                            reason = "source value cannot be read: " + firstLine(e.getMessage());
                            break;
                        } catch (RuntimeException e) {
                            // a value the driver cannot represent: the row is rejected; the exception's message
                            // may quote the value, so only its kind is kept
                            keyValues[i] = null;
                            bad = i;
                            reason = "source value cannot be read (" + e.getClass().getSimpleName() + ")";
                            break;
                        }
                        keyValues[i] = v;
                        ValueConverter conv = job.conversions[i];
                        if (conv != null) {
                            try {
                                v = conv.convert(v);
                            } catch (RejectedValueException e) {
                                bad = i;
                                reason = e.getMessage();
                                break;
                            } catch (RuntimeException e) {
                                bad = i;
                                reason = "conversion failed: " + e.getClass().getSimpleName();
                                break;
                            }
                        }
                        ValueConverter mask = job.masks[i];
                        if (mask != null) {
                            try {
                                v = mask.convert(v);
                            } catch (RejectedValueException e) {
                                bad = i;
                                reason = e.getMessage();
                                break;
                            }
                        }
                        row[i] = v;
                    }
                    if (bad >= 0) {
                        for (int i = bad + 1; i < n; i++) {
                            try {
                                keyValues[i] = job.readers[i].read(rs, i + 1);
                            } catch (java.sql.SQLDataException | RuntimeException e) {
                                keyValues[i] = null;
                            }
                        }
                        rejects.add(RejectLog.of(job.table(), chunk.id(), job.key(keyValues, read), job.columns[bad].name(),
                                reason, keyValues[bad]));
                        continue;
                    }
                    if (isolate) {
                        group.add(row.clone());
                        groupKeys.add(job.key(keyValues, read));
                        if (group.size() == ISOLATION_GROUP) {
                            copied += writeIsolated(job, chunk, writer, group, groupKeys, rejects);
                            group.clear();
                            groupKeys.clear();
                        }
                        continue;
                    }
                    int refused;
                    try {
                        refused = writer.write(row);
                    } catch (SQLException e) {
                        throw new TargetRefused(e);
                    }
                    if (refused >= 0) {
                        rejects.add(RejectLog.of(job.table(), chunk.id(), job.key(keyValues, read),
                                job.columns[refused].name(), writer.refusalReason(), row[refused]));
                    } else {
                        copied++;
                    }
                }
            }
            if (isolate) {
                if (!group.isEmpty()) {
                    copied += writeIsolated(job, chunk, writer, group, groupKeys, rejects);
                }
            } else {
                try {
                    writerOpen = false;
                    writer.close();
                } catch (SQLException e) {
                    throw new TargetRefused(e);
                }
            }
            try {
                CheckpointTable.markDone(target, chunk, copied, rejects.size());
                target.commit();
            } catch (SQLException e) {
                throw new TargetRefused(e);
            }
        } catch (SQLException | TargetRefused | RuntimeException | Error e) {
            if (writerOpen) {
                writer.abort();
            }
            job.progress.reading(-shown);
            throw e;
        } finally {
            endSourceTransaction();
        }
        job.progress.committed(copied, rejects.size(), shown);
        rejectLog.write(rejects);
    }

    /** Writes a group under a savepoint, halving refused groups down to single rows; returns rows written. */
    private long writeIsolated(TableJob job, Chunk chunk, RowWriter writer, List<Object[]> rows,
            List<Map<String, Object>> keys, List<RejectLog.Reject> rejects) throws SQLException {
        List<RejectLog.Reject> local = new ArrayList<>();
        Savepoint sp = target.setSavepoint();
        long written = 0;
        try {
            writer.open();
            for (int r = 0; r < rows.size(); r++) {
                int refused = writer.write(rows.get(r));
                if (refused >= 0) {
                    local.add(RejectLog.of(job.table(), chunk.id(), keys.get(r), job.columns[refused].name(),
                            writer.refusalReason(), rows.get(r)[refused]));
                } else {
                    written++;
                }
            }
            writer.close();
            target.releaseSavepoint(sp);
            rejects.addAll(local);
            return written;
        } catch (SQLException e) {
            writer.abort();
            target.rollback(sp);
            if (!target.isValid(5)) {
                throw e;
            }
            if (rows.size() == 1) {
                rejects.add(RejectLog.of(job.table(), chunk.id(), keys.get(0), null,
                        "refused by the target: " + firstLine(e.getMessage()), null));
                return 0;
            }
            int half = rows.size() / 2;
            return writeIsolated(job, chunk, writer, rows.subList(0, half), keys.subList(0, half), rejects)
                    + writeIsolated(job, chunk, writer, rows.subList(half, rows.size()), keys.subList(half, keys.size()), rejects);
        }
    }

    private static final java.util.regex.Pattern QUOTED_VALUE = java.util.regex.Pattern.compile(
            "(?i)((?:value|syntax for type [^:]{1,60}|for type [^:]{1,60}):\\s*)(\"[^\"]*\"|'[^']*')");

    /**
     * The database's reason, first line only, with a quoted offending value (PostgreSQL's {@code invalid input
     * syntax for type integer: "x"}, MySQL's {@code Incorrect ... value: 'x'}) replaced by an ellipsis: the value
     * may be a secret.
     */
    static String firstLine(String s) {
        if (s == null) {
            return "no reason given";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return QUOTED_VALUE.matcher(JdbcEndpoint.redact(line)).replaceAll("$1\"…\"");
    }

    private void rollbackQuietly() {
        try {
            target.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the next use reports it
        }
    }

    private void endSourceTransaction() {
        try {
            source.commit();
        } catch (SQLException ignored) {
            // read-only work; nothing to keep
        }
    }

    @Override
    public void close() {
        for (RowWriter w : writerByTable.values()) {
            if (w instanceof MultiRowInsertWriter m) {
                m.release();
            }
        }
        for (Connection c : new Connection[] {source, target}) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // closing anyway
            }
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing left to do
            }
        }
    }
}
