package dev.cloudshift.data.copy;

import dev.cloudshift.data.cast.RejectedValueException;
import dev.cloudshift.data.cast.ValueConverter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudshift.data.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's mechanics (chunks, parallel workers, checkpoints, rejects, refusal of non-empty targets, resume)
 * from a real SQLite file into a real PostgreSQL, with the target table planned by hand so that these tests do
 * not depend on the cast rules (covered by the cross-database tests).
 */
class CopyEngineIT {
    @TempDir
    Path tmp;

    private static final int ROWS = 20_000;

    private static TestDatabases.TestDatabase sqliteSource(int rows) throws Exception {
        var db = TestDatabases.newSqliteFile();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT, code TEXT, score REAL)");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows + ") "
                    + "INSERT INTO people SELECT i * 2, 'name ' || i, 'c' || (i % 1000), i / 4.0 FROM n");
        }
        return db;
    }

    /** people -> PostgreSQL people(id bigint, name text, code varchar(5), score float8); score < 0 is refused. */
    private static CopyEngine.PlannerFactory planner(AtomicLong failAfterRows) {
        return (sd, td) -> tables -> tables.stream().map(t -> new TablePlan(t, "people", List.of("id", "name", "code", "score"),
                Arrays.asList(null, failAfterRows == null ? null : (ValueConverter) v -> {
                    if (failAfterRows.decrementAndGet() < 0) {
                        throw new AssertionError("simulated crash"); // an Error: not a reject, the worker dies
                    }
                    return v;
                }, null, v -> {
                    if (v instanceof Double d && d < 0) {
                        throw new RejectedValueException("negative score");
                    }
                    return v;
                }),
                List.of("CREATE TABLE people (id bigint, name text, code varchar(5), score double precision)"),
                List.of("ALTER TABLE people ADD PRIMARY KEY (id)"), List.of(), List.of(), List.of())).toList();
    }

    private static CopyRequest request(String from, String to, boolean resume, Path rejects) {
        return new CopyRequest(JdbcEndpoint.of(from), JdbcEndpoint.of(to), List.of(), 4, 1000, resume, false, rejects, null);
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void copiesEveryRowOnceInParallelChunksAndCleansUp() throws Exception {
        var src = sqliteSource(ROWS);
        var dst = TestDatabases.newPostgresDatabase();
        List<String> notes = new ArrayList<>();
        CopyResult r = new CopyEngine(request(src.url(), dst.url(), false, null), planner(null), new CopyEngine.Listener() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        }).run();
        assertThat(r.reconciles()).isTrue();
        assertThat(r.tables()).singleElement().satisfies(t -> {
            assertThat(t.sourceRows()).isEqualTo(ROWS);
            assertThat(t.copied()).isEqualTo(ROWS);
            assertThat(t.rejected()).isZero();
        });
        assertThat(count(dst.url(), "SELECT count(DISTINCT id) FROM people")).isEqualTo(ROWS);
        assertThat(count(dst.url(), "SELECT sum(id) FROM people")).isEqualTo((long) ROWS * (ROWS + 1));
        assertThat(count(dst.url(), "SELECT count(*) FROM pg_indexes WHERE tablename = 'people'")).isEqualTo(1);
        assertThat(count(dst.url(), "SELECT count(*) FROM pg_tables WHERE tablename = 'cloudshift_copy_state'")).isZero();
    }

    @Test
    void rejectsBadRowsKeepsTheRestAndReconciles() throws Exception {
        var src = sqliteSource(5000);
        try (Connection c = src.connect(); Statement s = c.createStatement()) {
            s.execute("UPDATE people SET code = 'much too long' WHERE id IN (10, 4000, 9998)"); // target varchar(5) refuses
            s.execute("UPDATE people SET name = 'nul' || char(0) || 'inside' WHERE id = 20");   // PostgreSQL cannot store NUL
            s.execute("UPDATE people SET score = -1 WHERE id IN (30, 32)");                      // the conversion refuses
        }
        var dst = TestDatabases.newPostgresDatabase();
        Path rejects = tmp.resolve("rejects.jsonl");
        CopyResult r = new CopyEngine(request(src.url(), dst.url(), false, rejects), planner(null), null).run();
        assertThat(r.rejected()).isEqualTo(6);
        assertThat(r.copied()).isEqualTo(4994);
        assertThat(r.reconciles()).isTrue();
        assertThat(count(dst.url(), "SELECT count(*) FROM people")).isEqualTo(4994);
        assertThat(count(dst.url(), "SELECT count(*) FROM people WHERE id IN (10, 20, 30, 32, 4000, 9998)")).isZero();

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(rejects)) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertThat(lines).hasSize(6);
        assertThat(lines).extracting(n -> n.get("key").get("id").asLong()).containsExactlyInAnyOrder(10L, 20L, 30L, 32L, 4000L, 9998L);
        JsonNode tooLong = lines.stream().filter(n -> n.get("key").get("id").asLong() == 4000).findFirst().orElseThrow();
        assertThat(tooLong.get("table").asText()).isEqualTo("people");
        assertThat(tooLong.get("reason").asText()).contains("too long");
        JsonNode nul = lines.stream().filter(n -> n.get("key").get("id").asLong() == 20).findFirst().orElseThrow();
        assertThat(nul.get("column").asText()).isEqualTo("name");
        assertThat(nul.get("reason").asText()).contains("NUL");
        assertThat(nul.get("value").get("length").asInt()).isEqualTo(10);
        JsonNode negative = lines.stream().filter(n -> n.get("key").get("id").asLong() == 30).findFirst().orElseThrow();
        assertThat(negative.get("column").asText()).isEqualTo("score");
        assertThat(negative.get("reason").asText()).isEqualTo("negative score");
        assertThat(Files.readString(rejects)).doesNotContain("much too long").doesNotContain("inside");
    }

    @Test
    void refusesANonEmptyTargetWithoutResume() throws Exception {
        var src = sqliteSource(100);
        var dst = TestDatabases.newPostgresDatabase();
        try (Connection c = dst.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE people (id bigint, name text, code varchar(5), score double precision)");
            s.execute("INSERT INTO people VALUES (1, 'already', 'x', 1)");
        }
        assertThatThrownBy(() -> new CopyEngine(request(src.url(), dst.url(), false, null), planner(null), null).run())
                .isInstanceOfSatisfying(CopyException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CopyException.Kind.USAGE);
                    assertThat(e.getMessage()).contains("people").contains("already holds 1 rows").contains("--resume");
                });
        assertThatThrownBy(() -> new CopyEngine(request(src.url(), dst.url(), true, null), planner(null), null).run())
                .isInstanceOfSatisfying(CopyException.class, e -> assertThat(e.getMessage()).contains("empty it first"));
        assertThat(count(dst.url(), "SELECT count(*) FROM people")).isEqualTo(1);
    }

    @Test
    void aCrashedCopyResumesToExactlyTheSourceRows() throws Exception {
        var src = sqliteSource(ROWS);
        var dst = TestDatabases.newPostgresDatabase();
        AtomicLong budget = new AtomicLong(ROWS / 2 + 137); // dies in the middle of some chunk
        assertThatThrownBy(() -> new CopyEngine(request(src.url(), dst.url(), false, null), planner(budget), null).run())
                .isInstanceOfSatisfying(CopyException.class, e -> assertThat(e.getMessage()).contains("--resume"));
        long partial = count(dst.url(), "SELECT count(*) FROM people");
        assertThat(partial).isLessThan(ROWS).isEqualTo(partial / 1000 * 1000); // whole chunks only
        long done = count(dst.url(), "SELECT coalesce(sum(rows_copied), 0) FROM cloudshift_copy_state WHERE done_at IS NOT NULL");
        assertThat(done).isEqualTo(partial);

        assertThatThrownBy(() -> new CopyEngine(request(src.url(), dst.url(), false, null), planner(null), null).run())
                .isInstanceOfSatisfying(CopyException.class, e -> assertThat(e.getMessage()).contains("unfinished copy"));

        List<String> notes = new ArrayList<>();
        CopyResult r = new CopyEngine(request(src.url(), dst.url(), true, null), planner(null), new CopyEngine.Listener() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        }).run();
        assertThat(notes).anyMatch(n -> n.startsWith("resuming people"));
        assertThat(r.reconciles()).isTrue();
        assertThat(r.copied()).isEqualTo(ROWS);
        assertThat(count(dst.url(), "SELECT count(*) FROM people")).isEqualTo(ROWS);
        assertThat(count(dst.url(), "SELECT count(DISTINCT id) FROM people")).isEqualTo(ROWS);
    }
}
