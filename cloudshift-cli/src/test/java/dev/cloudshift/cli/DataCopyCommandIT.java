package dev.cloudshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cloudshift data copy} end to end through {@link Main#run}: exit codes, messages, summary, secrets. */
class DataCopyCommandIT {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @AfterEach
    void restoreEnvironment() {
        DataCopyCommand.environment = System.getenv();
    }

    private String sqliteSource(String extraSql) throws Exception {
        Path file = tmp.resolve("src.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL, signed_up TEXT, balance NUMERIC(10,2))");
            s.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), total REAL, note TEXT)");
            s.execute("CREATE INDEX orders_customer ON orders(customer_id)");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) "
                    + "INSERT INTO customers SELECT i, 'user' || i || '@example.com', '2024-02-0' || (1 + i % 9) || ' 10:11:12', i * 1.25 FROM n");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                    + "INSERT INTO orders SELECT i, 1 + i % 300, i * 0.5, CASE WHEN i % 3 = 0 THEN NULL ELSE 'n' || i END FROM n");
            if (extraSql != null) {
                s.execute(extraSql);
            }
        }
        return "jdbc:sqlite:" + file;
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void copiesSqliteToPostgresAndPrintsAReconciledSummary() throws Exception {
        String src = sqliteSource(null);
        String dst = CliPostgres.newDatabase();
        Run r = run("data", "copy", "--from", src, "--to", dst, "--parallel", "3", "--chunk-rows", "400", "--progress", "none");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("customers").contains("orders").contains("reconciled");
        assertThat(r.out()).containsPattern("orders\\s+2000\\s+2000\\s+0");
        assertThat(count(dst, "SELECT count(*) FROM orders")).isEqualTo(2000);
        assertThat(count(dst, "SELECT count(*) FROM customers")).isEqualTo(300);
        assertThat(count(dst, "SELECT count(*) FROM information_schema.table_constraints WHERE table_schema = 'public' AND constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')"))
                .isEqualTo(3);
    }

    @Test
    void refusesANonEmptyTargetWithExitTwoAndSaysWhatToDo() throws Exception {
        String src = sqliteSource(null);
        String dst = CliPostgres.newDatabase();
        assertThat(run("data", "copy", "--from", src, "--to", dst, "--tables", "customers", "--progress", "none").code()).isZero();
        Run again = run("data", "copy", "--from", src, "--to", dst, "--tables", "customers", "--progress", "none");
        assertThat(again.code()).isEqualTo(ExitCode.USAGE);
        assertThat(again.err()).contains("already holds 300 rows").contains("--resume").doesNotContain("Exception");
        assertThat(count(dst, "SELECT count(*) FROM customers")).isEqualTo(300);
    }

    @Test
    void unreachableDatabaseExitsThreeNamingHostButNoPassword() throws Exception {
        String src = sqliteSource(null);
        DataCopyCommand.environment = Map.of("CLOUDSHIFT_TO_PASSWORD", "env-secret-42");
        Run r = run("data", "copy", "--from", src, "--to",
                "jdbc:postgresql://127.0.0.1:1/inventory?user=app&password=hunter2", "--progress", "none");
        assertThat(r.code()).isEqualTo(ExitCode.RUNTIME);
        assertThat(r.err()).contains("127.0.0.1:1/inventory").contains("target")
                .doesNotContain("hunter2").doesNotContain("env-secret-42").doesNotContain("at org.");
    }

    @Test
    void badUsageExitsTwo() throws Exception {
        String src = sqliteSource(null);
        assertThat(run("data", "copy", "--from", src, "--to", "jdbc:sqlite:" + tmp.resolve("t.db"), "--parallel", "0").code())
                .isEqualTo(ExitCode.USAGE);
        Run unknownTable = run("data", "copy", "--from", src, "--to", "jdbc:sqlite:" + tmp.resolve("t.db"), "--tables", "nope",
                "--progress", "none");
        assertThat(unknownTable.code()).isEqualTo(ExitCode.USAGE);
        assertThat(unknownTable.err()).contains("nope").contains("customers");
        Run missingEnv = run("data", "copy", "--from", src, "--to", "jdbc:sqlite:" + tmp.resolve("t.db"),
                "--to-password-env", "NO_SUCH_VARIABLE_FOR_TEST");
        assertThat(missingEnv.code()).isEqualTo(ExitCode.USAGE);
        assertThat(missingEnv.err()).contains("NO_SUCH_VARIABLE_FOR_TEST");
        Run oracle = run("data", "copy", "--from", "jdbc:oracle:thin:scott/tiger@h:1521:x", "--to", "jdbc:sqlite:" + tmp.resolve("t.db"));
        assertThat(oracle.code()).isEqualTo(ExitCode.USAGE);
        assertThat(oracle.err()).doesNotContain("tiger");
    }

    @Test
    void rejectedRowsExitOneAndListTheirKeys() throws Exception {
        String src = sqliteSource("UPDATE orders SET note = 'bad' || char(0) WHERE id IN (7, 8)");
        String dst = CliPostgres.newDatabase();
        Path rejects = tmp.resolve("rejects.jsonl");
        Run r = run("data", "copy", "--from", src, "--to", dst, "--reject", rejects.toString(), "--progress", "none");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.FINDING);
        assertThat(r.out()).containsPattern("orders\\s+2000\\s+1998\\s+2").contains("reconciled").contains("2 rows rejected");
        assertThat(Files.readAllLines(rejects)).hasSize(2).allMatch(l -> l.contains("\"table\":\"orders\""));
        assertThat(count(dst, "SELECT count(*) FROM orders")).isEqualTo(1998);
    }

    @Test
    void plainProgressLinesWhenNotATerminal() throws Exception {
        String src = sqliteSource(null);
        Run r = run("data", "copy", "--from", src, "--to", "jdbc:sqlite:" + tmp.resolve("copy.db"), "--progress", "plain");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("\u001b[");
        assertThat(count("jdbc:sqlite:" + tmp.resolve("copy.db"), "SELECT count(*) FROM orders")).isEqualTo(2000);
    }

    private static java.util.List<String> column(String url, String sql) throws Exception {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void masksColumnsDeterministicallyUnderAKey() throws Exception {
        String src = sqliteSource(null);
        Path rules = tmp.resolve("mask.yaml");
        Files.writeString(rules, """
                rules:
                  - match: customers.email
                    strategy: fake_email
                  - match: orders.note
                    strategy: "null"
                """);
        DataCopyCommand.environment = Map.of("CLOUDSHIFT_MASK_KEY", "staging-key-1");
        String first = CliPostgres.newDatabase();
        String second = CliPostgres.newDatabase();
        for (String dst : new String[] {first, second}) {
            Run r = run("data", "copy", "--from", src, "--to", dst, "--mask", rules.toString(), "--progress", "none");
            assertThat(r.code()).as(r.err()).isZero();
        }
        java.util.List<String> emails = column(first, "SELECT email FROM customers ORDER BY id");
        assertThat(emails).hasSize(300).doesNotHaveDuplicates().allMatch(e -> e.contains("@"))
                .noneMatch(e -> e.matches("user\\d+@example\\.com"));
        assertThat(column(second, "SELECT email FROM customers ORDER BY id")).as("same key, same values").isEqualTo(emails);
        assertThat(count(first, "SELECT count(*) FROM orders WHERE note IS NOT NULL")).isZero();
        assertThat(count(first, "SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id")).isEqualTo(2000);

        DataCopyCommand.environment = Map.of("CLOUDSHIFT_MASK_KEY", "another-key");
        String third = CliPostgres.newDatabase();
        assertThat(run("data", "copy", "--from", src, "--to", third, "--tables", "customers", "--mask", rules.toString(),
                "--progress", "none").code()).isZero();
        assertThat(column(third, "SELECT email FROM customers ORDER BY id")).isNotEqualTo(emails);
    }

    @Test
    void maskedValuesAreFittedToShortTargetColumns() throws Exception {
        Path file = tmp.resolve("short.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE members (id INTEGER PRIMARY KEY, email VARCHAR(20) NOT NULL UNIQUE, name VARCHAR(6) NOT NULL,"
                    + " login VARCHAR(12) NOT NULL UNIQUE)");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) "
                    + "INSERT INTO members SELECT i, 'm' || i || '@club.io', 'ann' || (i % 10), 'l' || i || '@x.io' FROM n");
        }
        Path rules = tmp.resolve("mask-short.yaml");
        Files.writeString(rules, """
                rules:
                  - match: members.email
                    strategy: fake_email
                  - match: members.name
                    strategy: fake_name
                  - match: members.login
                    strategy: fake_email
                """);
        DataCopyCommand.environment = Map.of("CLOUDSHIFT_MASK_KEY", "short-key");
        Path rejects = tmp.resolve("rejects.jsonl");
        String first = CliPostgres.newDatabase();
        String second = CliPostgres.newDatabase();
        for (String dst : new String[] {first, second}) {
            Run r = run("data", "copy", "--from", "jdbc:sqlite:" + file, "--to", dst, "--mask", rules.toString(),
                    "--reject", rejects.toString(), "--progress", "none");
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).containsPattern("members\\s+500\\s+500\\s+0");
        }
        java.util.List<String> emails = column(first, "SELECT email FROM members ORDER BY id");
        assertThat(emails).hasSize(500).doesNotHaveDuplicates()
                .allMatch(e -> e.length() <= 20 && e.matches("[a-z2-7]+@example\\.(com|net|org)"), "a fake address of at most 20 characters");
        assertThat(column(first, "SELECT name FROM members ORDER BY id"))
                .hasSize(500).allMatch(n -> !n.isEmpty() && n.length() <= 6 && !n.startsWith("ann"), "a fake name of at most 6 characters");
        java.util.List<String> logins = column(first, "SELECT login FROM members ORDER BY id");
        assertThat(logins).hasSize(500).doesNotHaveDuplicates()
                .allMatch(e -> e.length() <= 12 && e.matches("[a-z2-7]{5}@a\\.test"), "a fake address at a.test in 12 characters");
        assertThat(column(second, "SELECT email FROM members ORDER BY id")).as("same key, same values").isEqualTo(emails);
        assertThat(column(second, "SELECT login FROM members ORDER BY id")).isEqualTo(logins);
        assertThat(column(second, "SELECT name FROM members ORDER BY id")).isEqualTo(column(first, "SELECT name FROM members ORDER BY id"));
    }

    @Test
    void aBadMaskFileIsAUsageErrorNamingThePlace() throws Exception {
        String src = sqliteSource(null);
        Path rules = tmp.resolve("bad-mask.yaml");
        Files.writeString(rules, "rules:\n  - match: customers.email\n    strategy: scramble\n");
        Run r = run("data", "copy", "--from", src, "--to", "jdbc:sqlite:" + tmp.resolve("m.db"), "--mask", rules.toString());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("bad-mask.yaml:3:").contains("scramble");
    }
}
