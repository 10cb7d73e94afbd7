package dev.cloudshift.data.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.data.testing.TestDatabases;
import dev.cloudshift.data.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Planted differences are found exactly, and bisection downloads only the small regions around them. */
class VerifyFindsDifferencesIT {

    static TestDatabase pg;
    static TestDatabase maria;
    static final int ROWS = 200_000;

    @BeforeAll
    static void createLargeTables() throws Exception {
        pg = TestDatabases.newPostgresDatabase();
        maria = TestDatabases.newMariaDbDatabase();
        exec(pg, "CREATE TABLE big (id bigint PRIMARY KEY, a int, t text, n numeric(12,2), d double precision,"
                + " ts timestamp, b boolean)",
                "INSERT INTO big SELECT g, g % 1000, 'row ' || g, (g % 10000) / 100.0, g::float8 / 7,"
                + " timestamp '2024-01-01' + g * interval '1 second', g % 2 = 0 FROM generate_series(1, " + ROWS + ") g");
        exec(maria, "CREATE TABLE big (id bigint PRIMARY KEY, a int, t text, n decimal(12,2), d double,"
                + " ts datetime(6), b boolean)",
                "INSERT INTO big SELECT seq, seq % 1000, CONCAT('row ', seq), (seq % 10000) / 100.0, seq / 7e0,"
                + " TIMESTAMP '2024-01-01 00:00:00' + INTERVAL seq SECOND, seq % 2 = 0 FROM seq_1_to_" + ROWS);
    }

    static void exec(TestDatabase db, String... sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    static Map<String, Difference> byKind(TableResult t) {
        return t.differences().stream().collect(Collectors.toMap(d -> d.key() + "/" + d.kind(), d -> d));
    }

    @Test
    void largeTableEqualThenFiveDifferencesFoundWithSmallDownloads() throws Exception {
        TableComparer.Settings small = new TableComparer.Settings(100, 16, 64, 1000, 20_000);
        VerifyRequest req = VerifyRequest.of(pg.url(), maria.url(), VerifyMode.CHECKSUM).withTables(List.of("big"))
                .withSettings(small);
        VerifyReport equal = new DataVerifier(req).run();
        assertThat(equal.equal()).isTrue();
        assertThat(equal.tables().get(0).rowsFetched()).isZero();

        TestDatabase target = TestDatabases.newMariaDbDatabase();
        exec(target, "CREATE TABLE big LIKE " + maria.databaseName() + ".big",
                "INSERT INTO big SELECT * FROM " + maria.databaseName() + ".big",
                "DELETE FROM big WHERE id = 777",
                "INSERT INTO big VALUES (200001, 1, 'new', 1.00, 0.5, '2030-01-01 00:00:00', 1)",
                "UPDATE big SET t = 'row 50000 ' WHERE id = 50000",
                "UPDATE big SET d = d + 1e-11 WHERE id = 123456" /* a few ulps */,
                "UPDATE big SET ts = ts + INTERVAL 1 MICROSECOND, b = NOT b WHERE id = 199999");
        for (TableComparer.Settings s : List.of(small, TableComparer.Settings.defaults())) {
            // three connections per side split the first level by key range; one does it alone
            VerifyReport r = new DataVerifier(VerifyRequest.of(pg.url(), target.url(), VerifyMode.CHECKSUM)
                    .withSettings(s).withParallel(s == small ? 3 : 1)).run();
            assertThat(r.equal()).isFalse();
            TableResult t = r.tables().get(0);
            assertThat(t.sourceRows()).isEqualTo(ROWS);
            assertThat(t.targetRows()).isEqualTo(ROWS);
            assertThat(t.differences()).hasSize(5);
            Map<String, Difference> d = byKind(t);
            assertThat(d).containsOnlyKeys("777/missing", "200001/extra", "50000/changed", "123456/changed",
                    "199999/changed");
            assertThat(d.get("50000/changed").columns()).containsExactly("t");
            assertThat(d.get("123456/changed").columns()).containsExactly("d");
            assertThat(d.get("199999/changed").columns()).containsExactly("ts", "b");
            assertThat(d.get("777/missing").key()).isEqualTo(777L);
            // only the regions around the five differences were downloaded, never the table
            assertThat(t.rowsFetched()).as("rows fetched with leaf %d", s.leafRows())
                    .isLessThanOrEqualTo(5L * 2 * s.leafRows());
        }
        VerifyReport rows = new DataVerifier(VerifyRequest.of(pg.url(), target.url(), VerifyMode.ROWS)).run();
        assertThat(byKind(rows.tables().get(0))).hasSize(5).containsKeys("777/missing", "200001/extra");
        assertThat(rows.tables().get(0).rowsFetched()).isEqualTo(2L * ROWS);

        VerifyReport counts = new DataVerifier(VerifyRequest.of(pg.url(), target.url(), VerifyMode.COUNT)).run();
        assertThat(counts.equal()).as("one missing and one extra row: counts agree").isTrue();
        exec(target, "DELETE FROM big WHERE id = 1");
        counts = new DataVerifier(VerifyRequest.of(pg.url(), target.url(), VerifyMode.COUNT)).run();
        assertThat(counts.equal()).isFalse();
        assertThat(counts.tables().get(0).targetRows()).isEqualTo(ROWS - 1);

        String json = VerifyJsonReport.render(r(pg, target));
        assertThat(json).contains("\"kind\" : \"missing\"", "\"key\" : 777", "\"source_rows\" : 200000",
                "\"columns\" : [ \"ts\", \"b\" ]");
        String md = VerifyMarkdownReport.render(r(pg, target));
        assertThat(md).contains("# Data verification: DIFFERENT", "| big | 200,000 | 199,999 | **different** | 2 | 1 | 3 |");
    }

    private static VerifyReport r(TestDatabase a, TestDatabase b) throws Exception {
        return new DataVerifier(VerifyRequest.of(a.url(), b.url(), VerifyMode.CHECKSUM)).run();
    }

    @Test
    void textKeysBisectByKeyHashNotByCollation() throws Exception {
        TestDatabase lite = TestDatabases.newSqliteFile();
        TestDatabase target = TestDatabases.newPostgresDatabase();
        String[] odd = {"Émile@x.org", "emile@x.org", "EMILE@x.org", "_under@x", "zz@x", "ä@x", "a@x", "😀@x",
            "space @x", "trailing@x "};
        for (TestDatabase db : List.of(lite, target)) {
            try (Connection c = db.connect()) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE users (email varchar(100) PRIMARY KEY, name text, score int)");
                }
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO users VALUES (?, ?, ?)")) {
                    for (int i = 0; i < 3000; i++) {
                        ps.setString(1, i < odd.length ? odd[i] : "user" + i + "@example.com");
                        ps.setString(2, "Name " + i);
                        ps.setInt(3, i);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
            }
        }
        exec(target, "DELETE FROM users WHERE email = 'Émile@x.org'",
                "INSERT INTO users VALUES ('new@x', 'New', 1)",
                "UPDATE users SET score = -1 WHERE email = 'trailing@x '",
                "UPDATE users SET name = NULL WHERE email = 'user2500@example.com'");
        TableComparer.Settings small = new TableComparer.Settings(20, 8, 16, 1000, 20_000);
        VerifyReport r = new DataVerifier(VerifyRequest.of(lite.url(), target.url(), VerifyMode.CHECKSUM)
                .withSettings(small).withParallel(4)).run();
        TableResult t = r.tables().get(0);
        assertThat(byKind(t)).containsOnlyKeys("Émile@x.org/missing", "new@x/extra", "trailing@x /changed",
                "user2500@example.com/changed");
        assertThat(byKind(t).get("user2500@example.com/changed").columns()).containsExactly("name");
        assertThat(t.rowsFetched()).isLessThan(4L * 2 * 20 * 2);
        VerifyReport reverse = new DataVerifier(VerifyRequest.of(target.url(), lite.url(), VerifyMode.CHECKSUM)).run();
        assertThat(byKind(reverse.tables().get(0))).containsOnlyKeys("Émile@x.org/extra", "new@x/missing",
                "trailing@x /changed", "user2500@example.com/changed");
    }

    @Test
    void compositeKeysReportAnObjectKey() throws Exception {
        TestDatabase h2 = TestDatabases.newH2();
        TestDatabase target = TestDatabases.newPostgresDatabase();
        for (TestDatabase db : List.of(h2, target)) {
            try (Connection c = db.connect()) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE lines (order_id int, line_no int, sku varchar(20), qty int,"
                            + " PRIMARY KEY (order_id, line_no))");
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO lines VALUES (?, ?, ?, ?)")) {
                    for (int o = 1; o <= 5; o++) {
                        for (int l = 1; l <= 400; l++) {
                            ps.setInt(1, o);
                            ps.setInt(2, l);
                            ps.setString(3, "SKU-" + (o * l % 97));
                            ps.setInt(4, l % 7);
                            ps.addBatch();
                        }
                    }
                    ps.executeBatch();
                }
            }
        }
        exec(target, "UPDATE lines SET qty = 99 WHERE order_id = 3 AND line_no = 17",
                "DELETE FROM lines WHERE order_id = 1 AND line_no = 5",
                "INSERT INTO lines VALUES (5, 401, 'SKU-X', 1)");
        TableComparer.Settings small = new TableComparer.Settings(25, 8, 16, 1000, 20_000);
        TableResult t = new DataVerifier(VerifyRequest.of(h2.url(), target.url(), VerifyMode.CHECKSUM)
                .withSettings(small)).run().tables().get(0);
        assertThat(t.differences()).hasSize(3);
        // names as the source (H2, upper-casing unquoted names) spells them
        assertThat(byKind(t)).containsOnlyKeys("{ORDER_ID=3, LINE_NO=17}/changed", "{ORDER_ID=1, LINE_NO=5}/missing",
                "{ORDER_ID=5, LINE_NO=401}/extra");
        assertThat(t.differences()).filteredOn(d -> d.kind().equals("changed")).first()
                .satisfies(d -> assertThat(d.columns()).containsExactly("QTY"))
                .satisfies(d -> assertThat(d.key()).isEqualTo(Map.of("ORDER_ID", 3L, "LINE_NO", 17L)));
        assertThat(t.rowsFetched()).isLessThan(400);
    }

    @Test
    void tablesWithoutPrimaryKeyCompareAsMultisets() throws Exception {
        TestDatabase source = TestDatabases.newMariaDbDatabase();
        TestDatabase target = TestDatabases.newPostgresDatabase();
        exec(source, "CREATE TABLE events (kind varchar(10), n int, note text)",
                "INSERT INTO events SELECT CONCAT('k', seq % 50), seq % 13, NULL FROM seq_1_to_2000",
                "INSERT INTO events VALUES ('dup', 1, ''), ('dup', 1, ''), ('dup', 1, '')");
        exec(target, "CREATE TABLE events (kind varchar(10), n int, note text)",
                "INSERT INTO events SELECT 'k' || (g % 50), g % 13, NULL FROM generate_series(1, 2000) g",
                "INSERT INTO events VALUES ('dup', 1, ''), ('dup', 1, ''), ('dup', 1, NULL), ('only', 2, 'x')");
        TableComparer.Settings small = new TableComparer.Settings(50, 8, 16, 1000, 20_000);
        TableResult t = new DataVerifier(VerifyRequest.of(source.url(), target.url(), VerifyMode.CHECKSUM)
                .withSettings(small)).run().tables().get(0);
        assertThat(t.missing()).isEqualTo(1);
        assertThat(t.extra()).isEqualTo(2);
        assertThat(t.differences()).extracting(d -> d.key() + "/" + d.kind()).containsExactlyInAnyOrder(
                "{kind=dup, n=1, note=}/missing", "{kind=dup, n=1, note=null}/extra", "{kind=only, n=2, note=x}/extra");
        // equal multisets with duplicates are equal
        exec(target, "DELETE FROM events WHERE kind IN ('dup', 'only')",
                "INSERT INTO events VALUES ('dup', 1, ''), ('dup', 1, ''), ('dup', 1, '')");
        assertThat(new DataVerifier(VerifyRequest.of(source.url(), target.url(), VerifyMode.CHECKSUM)).run().equal())
                .isTrue();
        exec(target, "DELETE FROM events WHERE kind = 'dup'", "INSERT INTO events VALUES ('dup', 1, ''), ('dup', 1, '')");
        assertThat(new DataVerifier(VerifyRequest.of(source.url(), target.url(), VerifyMode.ROWS)).run().tables()
                .get(0).missing()).isEqualTo(1);
    }

    @Test
    void queriesCompareOrderedOrAsMultisets() throws Exception {
        TestDatabase target = TestDatabases.newMariaDbDatabase();
        exec(target, "CREATE TABLE big LIKE " + maria.databaseName() + ".big",
                "INSERT INTO big SELECT * FROM " + maria.databaseName() + ".big WHERE id <= 100",
                "UPDATE big SET t = 'changed' WHERE id = 50");
        exec(pg, "CREATE TABLE small AS SELECT * FROM big WHERE id <= 100");
        exec(target, "RENAME TABLE big TO small");
        List<SqlScript.Statement> q = SqlScript.split("""
                SELECT count(*), sum(n), min(ts), max(d) FROM small;
                SELECT id, t FROM small WHERE id BETWEEN 48 AND 52 ORDER BY id;
                SELECT t FROM small WHERE id BETWEEN 48 AND 52;
                SELECT b, count(*) FROM small GROUP BY b;
                SELECT no_such_column FROM small
                """);
        VerifyReport r = new DataVerifier(VerifyRequest.of(pg.url(), target.url(), VerifyMode.CHECKSUM)
                .withQueries(q)).run();
        assertThat(r.equal()).isFalse();
        List<QueryResult> qs = r.queries();
        assertThat(qs).extracting(QueryResult::equal).containsExactly(true, false, false, true, false);
        assertThat(qs.get(1).ordered()).isTrue();
        assertThat(qs.get(1).differences()).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo(Map.of("row", 3));
            assertThat(d.columns()).containsExactly("2");
        });
        assertThat(qs.get(2).ordered()).isFalse();
        assertThat(qs.get(2).differences()).extracting(Difference::kind).containsExactlyInAnyOrder("missing", "extra");
        assertThat(qs.get(4).error()).startsWith("target: ").contains("source: ");
        assertThat(qs.get(4).line()).isEqualTo(5);
    }
}
