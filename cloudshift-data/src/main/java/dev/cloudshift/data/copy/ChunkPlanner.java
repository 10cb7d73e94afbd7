package dev.cloudshift.data.copy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Splits a table into key ranges so that large tables copy in parallel and recover chunk by chunk. An integer
 * primary key is split evenly between its minimum and maximum; a single text key by quantiles read from the
 * source in its own order (a stride over the ordered keys); any other table is one chunk. The first range is
 * open below and the last open above, so every row falls in exactly one chunk.
 */
public final class ChunkPlanner {
    private final long rowsPerChunk;
    private final int minChunksForLargeTables;

    /**
     * @param rowsPerChunk target rows per chunk (a checkpoint every so many rows)
     * @param parallel     workers: a table larger than one chunk gets at least this many chunks
     */
    public ChunkPlanner(long rowsPerChunk, int parallel) {
        this.rowsPerChunk = Math.max(1, rowsPerChunk);
        this.minChunksForLargeTables = Math.max(1, parallel);
    }

    /**
     * @param keyColumn   the table's only primary-key column, or null when there is none or it is composite
     * @param keyJdbcType its {@link Types} code
     * @param rowCount    rows in the source table
     */
    public List<Chunk> plan(Connection source, UnaryOperator<String> quote, String table, String keyColumn,
            int keyJdbcType, long rowCount) throws SQLException {
        if (keyColumn == null || rowCount <= rowsPerChunk) {
            return List.of(Chunk.whole(table));
        }
        int chunks = (int) Math.min(100_000, Math.max(minChunksForLargeTables, (rowCount + rowsPerChunk - 1) / rowsPerChunk));
        if (isInteger(keyJdbcType)) {
            return integerRanges(source, quote, table, keyColumn, chunks);
        }
        if (isText(keyJdbcType)) {
            return textQuantiles(source, quote, table, keyColumn, rowCount, chunks);
        }
        return List.of(Chunk.whole(table));
    }

    static boolean isInteger(int t) {
        return t == Types.TINYINT || t == Types.SMALLINT || t == Types.INTEGER || t == Types.BIGINT;
    }

    static boolean isText(int t) {
        return t == Types.VARCHAR || t == Types.CHAR || t == Types.NVARCHAR || t == Types.NCHAR
                || t == Types.LONGVARCHAR || t == Types.LONGNVARCHAR;
    }

    private List<Chunk> integerRanges(Connection c, UnaryOperator<String> quote, String table, String key, int chunks)
            throws SQLException {
        String k = quote.apply(key);
        java.math.BigInteger min;
        java.math.BigInteger max;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT MIN(" + k + "), MAX(" + k + ") FROM " + quote.apply(table))) {
            rs.next();
            java.math.BigDecimal lo = rs.getBigDecimal(1);
            java.math.BigDecimal hi = rs.getBigDecimal(2);
            if (lo == null || hi == null) {
                return List.of(Chunk.whole(table));
            }
            min = lo.toBigInteger();
            max = hi.toBigInteger();
        }
        if (min.bitLength() > 63 || max.bitLength() > 63) { // unsigned 64-bit keys beyond long: one chunk
            return List.of(Chunk.whole(table));
        }
        java.math.BigInteger span = max.subtract(min).add(java.math.BigInteger.ONE);
        if (span.compareTo(java.math.BigInteger.ONE) <= 0) {
            return List.of(Chunk.whole(table));
        }
        int n = (int) Math.min(chunks, span.min(java.math.BigInteger.valueOf(chunks)).longValue());
        List<Chunk> out = new ArrayList<>(n);
        Long prev = null;
        for (int i = 0; i < n; i++) {
            Long upper = i == n - 1 ? null
                    : min.add(span.multiply(java.math.BigInteger.valueOf(i + 1)).divide(java.math.BigInteger.valueOf(n))).longValueExact();
            out.add(new Chunk(table, i, key, Chunk.KeyKind.INTEGER, prev, upper));
            prev = upper;
        }
        return out;
    }

    private List<Chunk> textQuantiles(Connection c, UnaryOperator<String> quote, String table, String key,
            long rowCount, int chunks) throws SQLException {
        String k = quote.apply(key);
        long stride = Math.max(1, rowCount / chunks);
        List<String> bounds = new ArrayList<>();
        boolean auto = c.getAutoCommit();
        if (auto) {
            c.setAutoCommit(false); // PostgreSQL streams only inside a transaction
        }
        try (Statement st = c.createStatement()) {
            st.setFetchSize(10_000);
            try (ResultSet rs = st.executeQuery("SELECT " + k + " FROM " + quote.apply(table) + " ORDER BY " + k)) {
                long i = 0;
                long next = stride;
                String last = null;
                while (rs.next()) {
                    String v = rs.getString(1);
                    // a bound goes into the checkpoint table (VARCHAR(2000)): skip over keys too long to store
                    if (i >= next && bounds.size() < chunks - 1 && v != null && v.length() <= 500 && !v.equals(last)) {
                        bounds.add(v);
                        last = v;
                        next = i + stride;
                    }
                    i++;
                }
            }
        } finally {
            if (auto) {
                c.commit();
                c.setAutoCommit(true);
            }
        }
        List<Chunk> out = new ArrayList<>();
        String prev = null;
        for (int i = 0; i <= bounds.size(); i++) {
            String upper = i == bounds.size() ? null : bounds.get(i);
            out.add(new Chunk(table, i, key, Chunk.KeyKind.TEXT, prev, upper));
            prev = upper;
        }
        return out;
    }

    /** The WHERE clause (without the keyword) selecting a chunk's rows, or null for the whole table. */
    public static String predicate(Chunk chunk, UnaryOperator<String> quote) {
        if (chunk.keyColumn() == null || (chunk.lower() == null && chunk.upper() == null)) {
            return null;
        }
        String k = quote.apply(chunk.keyColumn());
        if (chunk.lower() != null && chunk.upper() != null) {
            return k + " >= ? AND " + k + " < ?";
        }
        return chunk.lower() != null ? k + " >= ?" : k + " < ?";
    }

    /** Binds a chunk's bounds to the parameters of {@link #predicate}. */
    public static void bind(java.sql.PreparedStatement ps, Chunk chunk) throws SQLException {
        int i = 1;
        for (Object b : new Object[] {chunk.lower(), chunk.upper()}) {
            if (b == null) {
                continue;
            }
            if (b instanceof Long l) {
                ps.setLong(i++, l);
            } else {
                ps.setString(i++, b.toString());
            }
        }
    }
}
