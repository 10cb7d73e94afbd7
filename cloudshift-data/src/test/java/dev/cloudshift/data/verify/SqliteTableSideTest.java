package dev.cloudshift.data.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver-function checksums of {@link SqliteTableSide} hash every row exactly as {@link ClientTableSide} does
 * (the JDBC path that leaf rows are read by), for every column kind and every SQLite storage class a value can have.
 */
class SqliteTableSideTest {

    @TempDir
    Path dir;

    /** Values of every storage class, including the ones whose canonical text needs CanonicalText's slow path. */
    static List<Object> values() {
        return new ArrayList<>(Arrays.asList(
                0L, -1L, 42L, 1L << 62, Long.MIN_VALUE, 1_700_000_000_000L,
                0.0, -0.0, 1.5, 0.1, 1 / 3.0, 1e-300, 5e-324, 1e300, 12345.67, Math.scalb(1.0, 896), 1e22, 100.0,
                -2.5e-7, 1e15, 123456789012345.6, 0.30000000000000004, 2.0 / 7,
                "", "abc  ", "héllo ✓ 😀 \t tab\nnewline\r\n", "2024-02-29", "2024-13-45", "2024-02-29 23:59:59.1234567",
                "2024-02-29T01:02:03", "2024-02-29 01:02:03.", "2024-02-29 01:02:03.000", "0000-01-01 00:00:00",
                "12:34:56", "25:61:00", "12:34", "007", "1.50", " 42 ", "true", "off", "NaN", "a\u0000b", "1e5",
                "2024-02-29 21:59:59.5+02:00", "unit \u001f sep", "ΑΒΓ",
                new byte[0], new byte[] {0, (byte) 0xff}, "ABC".getBytes(), new byte[] {(byte) 0xc3, (byte) 0xa9},
                null));
    }

    private Connection table(String ddl, int columns, boolean invalidUtf8) throws Exception {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"));
        try (Statement s = c.createStatement()) {
            s.execute(ddl);
        }
        List<Object> values = values();
        String marks = String.join(", ", java.util.Collections.nCopies(columns + 1, "?"));
        try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (" + marks + ")")) {
            for (int i = 0; i < values.size(); i++) {
                p.setLong(1, i + 1);
                for (int col = 0; col < columns; col++) {
                    p.setObject(col + 2, values.get((i + col * 7) % values.size()));
                }
                p.executeUpdate();
            }
        }
        if (invalidUtf8) {
            try (Statement s = c.createStatement()) {
                // bytes that are not UTF-8, stored as TEXT: decoded by the driver on both paths
                s.execute("INSERT INTO t VALUES (1000, CAST(x'ff41' AS TEXT), CAST(x'c0af' AS TEXT), 'x')");
            }
        }
        return c;
    }

    @Test
    void everyRowHashesAsTheJdbcPathForEveryKindAndStorageClass() throws Exception {
        try (Connection c = table("CREATE TABLE t (id INTEGER PRIMARY KEY, a, b, cc)", 3, true)) {
            VerifyDialect d = VerifyDialect.load("sqlite");
            long rows = values().size() + 1;
            for (ValueKind kind : ValueKind.values()) {
                SideTable t = new SideTable("t", List.of("id", "a", "b", "cc"),
                        List.of(ValueKind.INTEGER, kind, kind, kind), List.of(0), true);
                SqliteTableSide fast = new SqliteTableSide(c, d, t);
                ClientTableSide jdbc = new ClientTableSide(c, d, t);
                // one child per key: every single row's hash is compared
                Segment all = Segment.range(1, 1001);
                Segment.Split split = all.split(1000);
                Map<Long, Segment.Checksum> expected = jdbc.childChecksums(all, split);
                assertThat(expected).hasSize((int) rows);
                assertThat(fast.childChecksums(all, split)).as("kind %s", kind).isEqualTo(expected);
                // hash buckets of the key, inside a key range
                Segment part = Segment.range(5, 40);
                Segment.Split byHash = new Segment.Split(false, 0, 7);
                assertThat(fast.childChecksums(part, byHash)).as("kind %s", kind)
                        .isEqualTo(jdbc.childChecksums(part, byHash));
            }
        }
    }

    @Test
    void tablesWithoutIntegerKeysSplitByTheSameKeyAndRowHashes() throws Exception {
        try (Connection c = table("CREATE TABLE t (k TEXT, a, b, PRIMARY KEY (k, a))", 2, false)) {
            VerifyDialect d = VerifyDialect.load("sqlite");
            for (List<Integer> keys : List.of(List.of(0, 1), List.<Integer>of())) {
                SideTable t = new SideTable("t", List.of("k", "a", "b"),
                        List.of(ValueKind.TEXT, ValueKind.TEXT, ValueKind.FLOAT), keys, false);
                SqliteTableSide fast = new SqliteTableSide(c, d, t);
                ClientTableSide jdbc = new ClientTableSide(c, d, t);
                Segment.Split split = Segment.whole().split(64);
                Map<Long, Segment.Checksum> expected = jdbc.childChecksums(Segment.whole(), split);
                assertThat(expected.size()).isGreaterThan(20);
                assertThat(fast.childChecksums(Segment.whole(), split)).as("keys %s", keys).isEqualTo(expected);
                Segment bucket = Segment.whole().child(split, expected.keySet().iterator().next());
                Segment.Split again = bucket.split(4);
                assertThat(fast.childChecksums(bucket, again)).isEqualTo(jdbc.childChecksums(bucket, again));
                assertThat(fast.rowsStreamed()).isPositive();
            }
        }
    }

    @Test
    void verifyBetweenTwoSqliteFilesFindsExactlyThePlantedDifferences() throws Exception {
        List<String> urls = new ArrayList<>();
        for (String name : List.of("a.db", "b.db")) {
            String url = "jdbc:sqlite:" + dir.resolve(name);
            urls.add(url);
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price DECIMAL(10,2),"
                        + " ratio DOUBLE, seen TIMESTAMP, note VARCHAR(20))");
                s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)"
                        + " INSERT INTO items SELECT i, 'item ' || i || ' é', (i % 1000) / 100.0, i / 7.0,"
                        + " '2024-01-01 00:00:00.' || printf('%03d', i % 1000), CASE WHEN i % 5 = 0 THEN NULL"
                        + " ELSE '' END FROM n");
            }
        }
        try (Connection c = DriverManager.getConnection(urls.get(1)); Statement s = c.createStatement()) {
            s.execute("DELETE FROM items WHERE id = 777");
            s.execute("INSERT INTO items VALUES (20001, 'new', 1, 1, '2024-01-01 00:00:00', NULL)");
            s.execute("UPDATE items SET note = NULL WHERE id = 1234");                       // '' becomes NULL
            s.execute("UPDATE items SET ratio = 15000 / 7.0 + 4.547473508864641e-13 WHERE id = 15000"); // 1 ulp
            s.execute("UPDATE items SET seen = '2024-01-01 00:00:00.0001' WHERE id = 19000");  // 100 microseconds
        }
        VerifyReport r = new DataVerifier(VerifyRequest.of(urls.get(0), urls.get(1), VerifyMode.CHECKSUM)
                .withSettings(new TableComparer.Settings(50, 8, 64, 1000, 20_000))).run();
        TableResult t = r.tables().get(0);
        List<String> found = new ArrayList<>();
        for (Difference d : t.differences()) {
            found.add(d.key() + "/" + d.kind() + "/" + d.columns());
        }
        assertThat(found).containsExactlyInAnyOrder("777/missing/[]", "20001/extra/[]", "1234/changed/[note]",
                "15000/changed/[ratio]", "19000/changed/[seen]");
        assertThat(t.rowsFetched()).isLessThan(2 * 5 * 50 * 2);
        assertThat(t.rowsStreamed()).isGreaterThanOrEqualTo(40_000);
    }

    @Test
    void wellFormedUtf8IsTold() {
        assertThat(SqliteTableSide.RowCapture.validUtf8("héllo ✓ 😀".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(SqliteTableSide.RowCapture.validUtf8(new byte[] {(byte) 0xff, 0x41})).isFalse();
        assertThat(SqliteTableSide.RowCapture.validUtf8(new byte[] {(byte) 0xc0, (byte) 0xaf})).isFalse(); // overlong
        assertThat(SqliteTableSide.RowCapture.validUtf8(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}))
                .isFalse(); // a surrogate
        assertThat(SqliteTableSide.RowCapture.validUtf8(new byte[] {(byte) 0xe2, (byte) 0x82})).isFalse(); // cut
    }
}
