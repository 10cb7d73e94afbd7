package dev.cloudshift.data.copy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The copy's memory in the target database: {@code cloudshift_copy_state}, one row per planned chunk (its key
 * range, and once done the rows copied and rejected and when) plus one row per finished post-data step
 * (chunk_id below zero). A chunk is marked done by an UPDATE inside the same transaction that writes its rows,
 * so the mark and the rows commit or vanish together. Plain portable types only, so every target dialect
 * accepts the same DDL.
 */
public final class CheckpointTable {
    public static final String NAME = "cloudshift_copy_state";
    static final String STEPS = "(post-data steps)";

    /** A planned chunk and, when done, what it wrote. */
    public record Entry(Chunk chunk, boolean done, long rowsCopied, long rowsRejected) {
    }

    public static void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + NAME + " ("
                    + "table_name VARCHAR(255) NOT NULL, chunk_id INTEGER NOT NULL, key_column VARCHAR(255), "
                    + "key_kind VARCHAR(10) NOT NULL, lower_bound VARCHAR(2000), upper_bound VARCHAR(2000), "
                    + "range_text VARCHAR(1000), rows_copied BIGINT, rows_rejected BIGINT, done_at VARCHAR(40), "
                    + "PRIMARY KEY (table_name, chunk_id))");
        }
        commitIfNeeded(c);
    }

    public static boolean exists(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        for (String n : new String[] {NAME, NAME.toUpperCase()}) {
            try (ResultSet rs = md.getTables(null, null, n, null)) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema == null || !schema.equalsIgnoreCase("information_schema")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    public static void drop(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + NAME);
        }
        commitIfNeeded(c);
    }

    /** The stored plan for a table, in chunk order; empty when the table was never planned. */
    public static List<Entry> load(Connection c, String table) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT chunk_id, key_column, key_kind, lower_bound, upper_bound, "
                + "rows_copied, rows_rejected, done_at FROM " + NAME + " WHERE table_name = ? AND chunk_id >= 0 ORDER BY chunk_id")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Chunk.KeyKind kind = Chunk.KeyKind.valueOf(rs.getString(3));
                    Chunk chunk = new Chunk(table, rs.getInt(1), rs.getString(2), kind,
                            bound(kind, rs.getString(4)), bound(kind, rs.getString(5)));
                    out.add(new Entry(chunk, rs.getString(8) != null, rs.getLong(6), rs.getLong(7)));
                }
            }
        }
        commitIfNeeded(c);
        return out;
    }

    /** Stores a table's plan (all chunks not done) in one transaction. */
    public static void savePlan(Connection c, List<Chunk> chunks) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + NAME + " (table_name, chunk_id, key_column, "
                + "key_kind, lower_bound, upper_bound, range_text) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Chunk ch : chunks) {
                ps.setString(1, ch.table());
                ps.setInt(2, ch.id());
                ps.setString(3, ch.keyColumn());
                ps.setString(4, ch.keyKind().name());
                ps.setString(5, ch.lower() == null ? null : ch.lower().toString());
                ps.setString(6, ch.upper() == null ? null : ch.upper().toString());
                ps.setString(7, ch.describe());
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** Marks a chunk done; call inside the transaction that wrote the chunk's rows, before its commit. */
    public static void markDone(Connection c, Chunk chunk, long copied, long rejected) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + NAME
                + " SET rows_copied = ?, rows_rejected = ?, done_at = ? WHERE table_name = ? AND chunk_id = ?")) {
            ps.setLong(1, copied);
            ps.setLong(2, rejected);
            ps.setString(3, Instant.now().toString());
            ps.setString(4, chunk.table());
            ps.setInt(5, chunk.id());
            if (ps.executeUpdate() != 1) {
                throw new SQLException("checkpoint row missing for " + chunk.table() + " chunk " + chunk.id());
            }
        }
    }

    /** True when this post-data statement already ran. */
    public static boolean stepDone(Connection c, String statement) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + NAME + " WHERE table_name = ? AND chunk_id = ?")) {
            ps.setString(1, STEPS);
            ps.setInt(2, stepId(statement));
            try (ResultSet rs = ps.executeQuery()) {
                boolean done = rs.next();
                commitIfNeeded(c);
                return done;
            }
        }
    }

    /** A post-data step's row id: negative, from the statement's text, so resuming finds it whatever the order. */
    static int stepId(String statement) {
        return -1 - (statement.hashCode() & 0x3fffffff);
    }

    public static void markStepDone(Connection c, String description) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + NAME
                + " (table_name, chunk_id, key_kind, range_text, done_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, STEPS);
            ps.setInt(2, stepId(description));
            ps.setString(3, Chunk.KeyKind.NONE.name());
            ps.setString(4, description.length() > 1000 ? description.substring(0, 1000) : description);
            ps.setString(5, Instant.now().toString());
            ps.executeUpdate();
        }
        commitIfNeeded(c);
    }

    private static Object bound(Chunk.KeyKind kind, String s) {
        if (s == null) {
            return null;
        }
        return kind == Chunk.KeyKind.INTEGER ? (Object) Long.parseLong(s) : s;
    }

    private static void commitIfNeeded(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    private CheckpointTable() {
    }
}
