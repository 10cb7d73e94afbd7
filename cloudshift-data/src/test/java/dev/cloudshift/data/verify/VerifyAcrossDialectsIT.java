package dev.cloudshift.data.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.data.testing.TestDatabases;
import dev.cloudshift.data.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The canonical text of awkward values is the same whether PostgreSQL or MariaDB computes it in SQL or the client
 * computes it for SQLite and H2, so equal tables verify as equal across every pair of databases.
 */
class VerifyAcrossDialectsIT {

    static final Map<String, TestDatabase> DBS = new LinkedHashMap<>();
    static List<ValueKind> lastKinds;

    @BeforeAll
    static void createAwkwardTables() throws Exception {
        DBS.put("postgresql", TestDatabases.newPostgresDatabase());
        DBS.put("mysql", TestDatabases.newMariaDbDatabase());
        DBS.put("sqlite", TestDatabases.newSqliteFile());
        DBS.put("h2", TestDatabases.newH2());
        for (TestDatabase db : DBS.values()) {
            AwkwardTable.create(db);
        }
    }

    static List<List<String>> canonicalRows(TestDatabase db, List<ValueKind> reference) throws Exception {
        String kind = VerifyDialect.nameForUrl(db.url());
        VerifyDialect d = VerifyDialect.load(kind);
        try (Connection c = db.connect()) {
            try (var s = c.createStatement()) {
                for (String sql : d.session()) {
                    s.execute(sql);
                }
            }
            VerifyCatalog.TableInfo t = new VerifyCatalog(c, kind).table(AwkwardTable.NAME);
            List<String> cols = new ArrayList<>();
            List<ValueKind> kinds = new ArrayList<>();
            for (VerifyCatalog.ColumnInfo col : t.columns()) {
                cols.add(col.name());
                ValueKind k = ColumnKinds.kindOf(kind, col.type());
                // as DataVerifier does: a client-side reader parses text as the other side's kind
                kinds.add(!d.pushDown() && k.textual() && reference != null ? reference.get(kinds.size()) : k);
            }
            SideTable st = new SideTable(t.name(), cols, kinds, List.of(0), true);
            lastKinds = kinds;
            TableSide side = d.pushDown() ? new SqlTableSide(c, d, st) : new ClientTableSide(c, d, st);
            List<List<String>> rows = new ArrayList<>(side.fetch(List.of(Segment.whole())));
            rows.sort(Comparator.comparing(r -> Integer.parseInt(r.get(0))));
            return rows;
        }
    }

    @Test
    void canonicalTextIsIdenticalOnEveryDatabase() throws Exception {
        List<List<String>> pg = canonicalRows(DBS.get("postgresql"), null);
        List<ValueKind> pgKinds = lastKinds;
        assertThat(pg).hasSize(AwkwardTable.rows().size());
        // spot checks of the canonical forms (the header of verify/postgresql.yaml)
        assertThat(pg.get(0)).containsExactly("1", "4611686018427387904", "héllo ✓ 😀 \t tab\nnewline\r\n", "ab",
                "12345.67", "0", "0.10000000149011612", "2024-02-29 23:59:59.123456", "2024-02-29 21:59:59.5",
                "2024-02-29", "1", "00ff1000", null);
        assertThat(pg.get(1)).containsExactly("2", "-4611686018427387904", "", "", "0", "1e-300", "-1.5",
                "1970-01-01 00:00:00", "1999-12-31 23:59:59", "1970-01-01", "0", "", "");
        assertThat(pg.get(2).get(5)).isEqualTo("1.7976931348623157e+308");
        assertThat(pg.get(2).get(4)).isEqualTo("-0.000001");
        for (String kind : List.of("mysql", "sqlite", "h2")) {
            List<List<String>> other = canonicalRows(DBS.get(kind), pgKinds);
            for (int i = 0; i < pg.size(); i++) {
                assertThat(other.get(i)).as("%s row %s", kind, pg.get(i).get(0)).isEqualTo(pg.get(i));
            }
        }
    }

    @Test
    void equalTablesVerifyEqualAcrossDatabasePairs() throws Exception {
        String[][] pairs = {{"postgresql", "mysql"}, {"sqlite", "postgresql"}, {"h2", "postgresql"},
            {"mysql", "sqlite"}, {"mysql", "h2"}};
        for (String[] p : pairs) {
            for (VerifyMode mode : VerifyMode.values()) {
                VerifyReport r = new DataVerifier(VerifyRequest.of(DBS.get(p[0]).url(), DBS.get(p[1]).url(), mode)).run();
                assertThat(r.tables()).as("%s vs %s", p[0], p[1]).hasSize(1);
                TableResult t = r.tables().get(0);
                assertThat(t.differences()).as("%s vs %s %s", p[0], p[1], mode).isEmpty();
                assertThat(r.equal()).as("%s vs %s %s", p[0], p[1], mode).isTrue();
                assertThat(t.sourceRows()).isEqualTo(AwkwardTable.rows().size());
            }
        }
    }
}
