package dev.cloudshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cloudshift data verify} end to end on real SQLite and H2 files: exit codes, reports, messages. */
class DataVerifyCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    @AfterEach
    void restoreEnvironment() {
        DataVerifyCommand.environment = System.getenv();
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] full = new String[args.length + 2];
        full[0] = "data";
        full[1] = "verify";
        System.arraycopy(args, 0, full, 2, args.length);
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), full);
        return new Run(code, out.toString(), err.toString());
    }

    private String sqlite(String name, String... sql) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve(name + ".db");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
        return url;
    }

    private String h2(String name, String... sql) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve(name) + ";USER=sa;PASSWORD=";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
        return url;
    }

    private static final String TABLE = "CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(40), price DECIMAL(10,2),"
            + " seen TIMESTAMP)";
    private static final String ROWS = "INSERT INTO items VALUES (1, 'tea', 2.50, '2024-01-01 10:00:00.25'),"
            + " (2, 'café ☕', 3.00, '2024-01-02 11:00:00'), (3, '', NULL, NULL)";

    @Test
    void equalDatabasesExitZero() throws Exception {
        String a = sqlite("a", TABLE, ROWS);
        String b = h2("b", TABLE, ROWS);
        Run r = run("--source", a, "--target", b);
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("items", "equal", "Equal in");
        assertThat(run("--source", a, "--target", b, "--mode", "rows").code()).isEqualTo(0);
        assertThat(run("--source", a, "--target", b, "--mode", "count").code()).isEqualTo(0);
    }

    @Test
    void differencesExitOneAndGoToTheReports() throws Exception {
        String a = sqlite("a", TABLE, ROWS);
        String b = h2("b", TABLE, ROWS, "UPDATE items SET price = 2.51 WHERE id = 1", "DELETE FROM items WHERE id = 3",
                "INSERT INTO items VALUES (4, 'new', 1, NULL)");
        Path json = dir.resolve("out/report.json");
        Path md = dir.resolve("report.md");
        Run r = run("--source", a, "--target", b, "--json", json.toString(), "--md", md.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("DIFFERENT (1 missing, 1 extra, 1 changed)");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.path("equal").asBoolean()).isFalse();
        JsonNode t = report.path("tables").get(0);
        assertThat(t.path("table").asText()).isEqualTo("items");
        assertThat(t.path("source_rows").asLong()).isEqualTo(3);
        assertThat(t.path("target_rows").asLong()).isEqualTo(3);
        assertThat(t.path("differences").toString()).contains(
                "{\"key\":1,\"kind\":\"changed\",\"columns\":[\"price\"]}",
                "{\"key\":3,\"kind\":\"missing\",\"columns\":[]}",
                "{\"key\":4,\"kind\":\"extra\",\"columns\":[]}");
        assertThat(Files.readString(md)).contains("# Data verification: DIFFERENT", "| 1 | changed | price |");
    }

    @Test
    void queryFileComparesResults() throws Exception {
        String a = sqlite("a", TABLE, ROWS);
        String b = h2("b", TABLE, ROWS, "UPDATE items SET name = 'TEA' WHERE id = 1");
        Path q = dir.resolve("q.sql");
        Files.writeString(q, "-- app queries\nSELECT count(*) FROM items;\nSELECT name FROM items ORDER BY id;\n");
        Path json = dir.resolve("q.json");
        Run r = run("--source", a, "--target", b, "--query", q.toString(), "--json", json.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("query 1 (line 2): same result", "query 2 (line 3): DIFFERENT");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.path("queries").get(1).path("differences").get(0).path("key").path("row").asInt()).isEqualTo(1);
        Files.writeString(q, "SELECT 1;\nSELECT 'unclosed\n");
        Run bad = run("--source", a, "--target", b, "--query", q.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("q.sql:2: expected ' to close the quote");
    }

    @Test
    void badUsageExitsTwo() throws Exception {
        String a = sqlite("a", TABLE, ROWS);
        assertThat(run("--source", a, "--target", a, "--mode", "fast").code()).isEqualTo(2);
        Run scheme = run("--source", "jdbc:oracle:thin:scott/tiger@db:1521:x", "--target", a);
        assertThat(scheme.code()).isEqualTo(2);
        assertThat(scheme.err()).contains("unsupported database URL scheme 'jdbc:oracle:'").doesNotContain("tiger");
        Run table = run("--source", a, "--target", a, "--tables", "nope");
        assertThat(table.code()).isEqualTo(2);
        assertThat(table.err()).contains("table 'nope' does not exist in the source");
        assertThat(run("--target", a).code()).isEqualTo(2);
    }

    @Test
    void unreachableDatabaseExitsThreeWithoutCredentials() throws Exception {
        String a = sqlite("a", TABLE, ROWS);
        DataVerifyCommand.environment = Map.of("CLOUDSHIFT_TARGET_PASSWORD", "hunter2-secret");
        Run r = run("--source", a, "--target", "jdbc:postgresql://127.0.0.1:1/shop?user=admin&password=pa55word");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("postgresql database \"shop\" at 127.0.0.1:1", "connection refused")
                .doesNotContain("pa55word", "hunter2-secret", "admin", "Exception");
        Run missing = run("--source", "jdbc:sqlite:" + dir.resolve("absent.db"), "--target", a);
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.err()).contains("absent.db", "does not exist");
        assertThat(Files.exists(dir.resolve("absent.db"))).as("verify never creates a database").isFalse();
    }
}
