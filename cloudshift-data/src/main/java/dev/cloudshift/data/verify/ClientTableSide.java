package dev.cloudshift.data.verify;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A side hashed on the client ({@code hashing: client}: SQLite, H2): the rows of the key range being checked are
 * streamed, normalised by {@link CanonicalText} and hashed by {@link RowHash} exactly as the push-down SQL does;
 * hash buckets are filtered here. Memory stays bounded by the segment being fetched, never the table.
 */
public final class ClientTableSide implements TableSide {

    private final Connection connection;
    private final VerifyDialect dialect;
    private final SideTable table;
    private final String select;
    private final String rangeColumn;
    private final RowHash hasher = new RowHash();
    private long rowsFetched;
    private long rowsStreamed;

    public ClientTableSide(Connection connection, VerifyDialect dialect, SideTable table) {
        this.connection = connection;
        this.dialect = dialect;
        this.table = table;
        List<String> cols = new ArrayList<>();
        for (String c : table.columns()) {
            cols.add(dialect.quote(c));
        }
        this.select = "SELECT " + String.join(", ", cols) + " FROM " + dialect.quote(table.table());
        this.rangeColumn = table.rangeKey() ? dialect.quote(table.columns().get(table.keyIndexes().get(0))) : null;
    }

    @Override
    public long count() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + dialect.quote(table.table()))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public long[] keyBounds() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT min(" + rangeColumn + "), max(" + rangeColumn + ") FROM "
                     + dialect.quote(table.table()))) {
            rs.next();
            Object min = rs.getObject(1);
            if (min == null) {
                return null;
            }
            return new long[] {Long.parseLong(CanonicalText.of(ValueKind.INTEGER, min)),
                Long.parseLong(CanonicalText.of(ValueKind.INTEGER, rs.getObject(2)))};
        }
    }

    @Override
    public Map<Long, Segment.Checksum> childChecksums(Segment parent, Segment.Split split) throws SQLException {
        Map<Long, RowHash.Sum> sums = new HashMap<>();
        scan(List.of(parent), (row, key, keyHash, rowHashValue) -> {
            long child = split.childOf(parent, key, keyHash);
            sums.computeIfAbsent(child, c -> new RowHash.Sum()).add(rowHashValue);
        }, true, !split.byRange());
        Map<Long, Segment.Checksum> out = new HashMap<>();
        sums.forEach((k, v) -> out.put(k, new Segment.Checksum(v.count(), v.value())));
        return out;
    }

    @Override
    public List<List<String>> fetch(List<Segment> segments) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        scan(segments, (row, key, keyHash, rowHashValue) -> rows.add(row), false, false);
        rowsFetched += rows.size();
        return rows;
    }

    private interface RowSink {
        void accept(List<String> row, long key, long keyHash, long rowHash);
    }

    private void scan(List<Segment> segments, RowSink sink, boolean needRowHash, boolean splitByHash)
            throws SQLException {
        int n = table.columns().size();
        boolean bucketed = splitByHash || segments.stream().anyMatch(s -> s.modulus() > 1);
        boolean ranged = rangeColumn != null && segments.stream().anyMatch(Segment::ranged);
        StringBuilder sql = new StringBuilder(select);
        if (rangeColumn != null && segments.stream().allMatch(Segment::ranged)) {
            List<String> ors = new ArrayList<>();
            for (Segment s : segments) {
                ors.add("(" + rangeColumn + " >= " + s.lo() + " AND " + rangeColumn + " < " + s.hi() + ")");
            }
            sql.append(" WHERE ").append(String.join(" OR ", ors));
        }
        List<Integer> keys = table.keyIndexes();
        List<String> keyValues = new ArrayList<>(keys.size());
        try (Statement st = connection.createStatement()) {
            st.setFetchSize(5000);
            try (ResultSet rs = st.executeQuery(sql.toString())) {
                while (rs.next()) {
                    rowsStreamed++;
                    List<String> row = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        row.add(CanonicalText.read(rs, i + 1, table.kinds().get(i)));
                    }
                    long key = ranged ? Long.parseLong(row.get(keys.get(0))) : 0;
                    long rowHashValue = 0;
                    long keyHash = 0;
                    if (needRowHash || !table.hasKey()) {
                        rowHashValue = hasher.hash(row);
                    }
                    if (table.hasKey()) {
                        if (bucketed) {
                            keyValues.clear();
                            for (int k : keys) {
                                keyValues.add(row.get(k));
                            }
                            keyHash = hasher.hash(keyValues);
                        }
                    } else {
                        keyHash = rowHashValue;
                    }
                    boolean inside = false;
                    for (Segment s : segments) {
                        if (s.contains(key, keyHash)) {
                            inside = true;
                            break;
                        }
                    }
                    if (inside) {
                        sink.accept(row, key, keyHash, rowHashValue);
                    }
                }
            }
        }
    }

    @Override
    public long rowsFetched() {
        return rowsFetched;
    }

    @Override
    public long rowsStreamed() {
        return rowsStreamed;
    }
}
