package dev.cloudshift.data.verify;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A side whose database computes canonical text, hashes and checksums itself ({@code hashing: sql}). */
public final class SqlTableSide implements TableSide {

    private final Connection connection;
    private final VerifyDialect dialect;
    private final SideTable table;
    private final String from;
    private final String rangeColumn;
    private final String selectList;
    private final String rowHash;
    private final String keyHash;
    private long rowsFetched;

    public SqlTableSide(Connection connection, VerifyDialect dialect, SideTable table) {
        this.connection = connection;
        this.dialect = dialect;
        this.table = table;
        this.from = dialect.quote(table.table());
        List<String> norms = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            String column = dialect.quote(table.columns().get(i));
            ValueKind kind = table.kinds().get(i);
            norms.add(kind == ValueKind.DECIMAL ? dialect.normalizedDecimal(column, table.scales().get(i))
                    : dialect.normalized(kind, column));
        }
        this.selectList = String.join(", ", norms);
        this.rowHash = dialect.hash60(dialect.rowText(norms, table.notNull()));
        if (table.hasKey()) {
            List<String> keyNorms = new ArrayList<>();
            List<Boolean> keyNotNull = new ArrayList<>();
            for (int k : table.keyIndexes()) {
                keyNorms.add(norms.get(k));
                keyNotNull.add(table.notNull().get(k));
            }
            this.keyHash = dialect.hash60(dialect.rowText(keyNorms, keyNotNull));
            this.rangeColumn = table.rangeKey() ? dialect.quote(table.columns().get(table.keyIndexes().get(0))) : null;
        } else {
            this.keyHash = rowHash;
            this.rangeColumn = null;
        }
    }

    /** The SQL of a row's canonical text (for tests and benchmarks that want to see it). */
    public String selectList() {
        return selectList;
    }

    @Override
    public long count() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + from)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public long[] keyBounds() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT min(" + rangeColumn + "), max(" + rangeColumn + ") FROM " + from)) {
            rs.next();
            BigDecimal min = rs.getBigDecimal(1);
            BigDecimal max = rs.getBigDecimal(2);
            if (min == null) {
                return null;
            }
            return new long[] {min.longValueExact(), max.longValueExact()};
        }
    }

    @Override
    public Map<Long, Segment.Checksum> childChecksums(Segment parent, Segment.Split split) throws SQLException {
        String child = split.byRange()
                ? dialect.intDiv("(" + rangeColumn + ") - (" + parent.lo() + ")", Long.toString(split.width()))
                : dialect.modulo(keyHash, Long.toString(split.modulus()));
        String sql = "SELECT " + child + ", count(*), " + dialect.sumOf(rowHash) + " FROM " + from
                + where(List.of(parent)) + " GROUP BY 1";
        Map<Long, Segment.Checksum> out = new HashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getLong(1), new Segment.Checksum(rs.getLong(2), rs.getBigDecimal(3).toBigIntegerExact()));
            }
        }
        return out;
    }

    @Override
    public List<List<String>> fetch(List<Segment> segments) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        int n = table.columns().size();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + selectList + " FROM " + from + where(segments))) {
            while (rs.next()) {
                List<String> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        rowsFetched += rows.size();
        return rows;
    }

    private String where(List<Segment> segments) {
        List<String> ors = new ArrayList<>();
        for (Segment seg : segments) {
            List<String> ands = new ArrayList<>();
            if (seg.ranged()) {
                ands.add(rangeColumn + " >= " + seg.lo() + " AND " + rangeColumn + " < " + seg.hi());
            }
            if (seg.modulus() > 1) {
                ands.add(dialect.modulo(keyHash, Long.toString(seg.modulus())) + " = " + seg.residue());
            }
            if (ands.isEmpty()) {
                return "";
            }
            ors.add("(" + String.join(" AND ", ands) + ")");
        }
        return ors.isEmpty() ? "" : " WHERE " + String.join(" OR ", ors);
    }

    @Override
    public long rowsFetched() {
        return rowsFetched;
    }

    @Override
    public long rowsStreamed() {
        return 0;
    }
}
