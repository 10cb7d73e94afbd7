package dev.cloudshift.data.copy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.data.testing.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Chunks must cover every row exactly once, whatever the key distribution; checked on real SQLite and PostgreSQL. */
class ChunkPlannerIT {
    private static final UnaryOperator<String> QUOTE = s -> "\"" + s + "\"";

    @Test
    void integerRangesCoverEveryRowOnceOnSqlite() throws Exception {
        var db = TestDatabases.newSqliteFile();
        try (Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
                // gaps, negatives and one huge key
                s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
                        + "INSERT INTO t SELECT CASE WHEN i % 7 = 0 THEN -i ELSE i * 3 END, 'v' || i FROM n");
                s.execute("INSERT INTO t VALUES (4611686018427387904, 'big')");
            }
            List<Chunk> chunks = new ChunkPlanner(500, 4).plan(c, QUOTE, "t", "id", Types.INTEGER, 5001);
            assertThat(chunks.size()).isGreaterThanOrEqualTo(10);
            assertThat(chunks.get(0).lower()).isNull();
            assertThat(chunks.get(chunks.size() - 1).upper()).isNull();
            assertCoveredOnce(c, chunks, 5001);
        }
    }

    @Test
    void textQuantilesCoverEveryRowOnceOnPostgres() throws Exception {
        var db = TestDatabases.newPostgresDatabase();
        try (Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (code text PRIMARY KEY)");
                s.execute("INSERT INTO t SELECT md5(i::text) || 'é' FROM generate_series(1, 3000) i");
            }
            List<Chunk> chunks = new ChunkPlanner(300, 2).plan(c, QUOTE, "t", "code", Types.VARCHAR, 3000);
            assertThat(chunks.size()).isBetween(8, 11);
            assertThat(chunks).allMatch(ch -> ch.keyKind() == Chunk.KeyKind.TEXT);
            assertCoveredOnce(c, chunks, 3000);
        }
    }

    @Test
    void smallTablesAndTablesWithoutKeyAreOneChunk() throws Exception {
        var db = TestDatabases.newSqliteFile();
        try (Connection c = db.connect()) {
            assertThat(new ChunkPlanner(1000, 4).plan(c, QUOTE, "t", "id", Types.INTEGER, 999))
                    .containsExactly(Chunk.whole("t"));
            assertThat(new ChunkPlanner(10, 4).plan(c, QUOTE, "t", null, 0, 1_000_000))
                    .containsExactly(Chunk.whole("t"));
        }
    }

    private static void assertCoveredOnce(Connection c, List<Chunk> chunks, int expectedRows) throws Exception {
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (Chunk ch : chunks) {
            String where = ChunkPlanner.predicate(ch, QUOTE);
            String col = "\"" + ch.keyColumn() + "\"";
            try (PreparedStatement ps = c.prepareStatement("SELECT " + col + " FROM t" + (where == null ? "" : " WHERE " + where))) {
                ChunkPlanner.bind(ps, ch);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        assertThat(seen.add(rs.getString(1))).as("key in two chunks").isTrue();
                        total++;
                    }
                }
            }
        }
        assertThat(total).isEqualTo(expectedRows);
    }
}
