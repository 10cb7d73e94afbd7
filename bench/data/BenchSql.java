import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Bench helper run with the CLI jar on the class path ({@code java -cp cloudshift.jar bench/data/BenchSql.java ...}):
 * <ul>
 *   <li>{@code generate-sqlite FILE ROWS}: the mixed-type bench table in a SQLite file (same values as run.sh puts
 *       into MariaDB);</li>
 *   <li>{@code time URL SQL}: runs one query, prints the seconds it took and its first column;</li>
 *   <li>{@code time2 URL1 SQL1 URL2 SQL2}: connects to both, then runs the two queries at the same time (as verify
 *       runs its two sides) and prints the wall seconds of the pair, then each query's seconds.</li>
 * </ul>
 */
public final class BenchSql {

    static final String SQLITE_TABLE = "CREATE TABLE bench_rows (id INTEGER PRIMARY KEY, big INTEGER NOT NULL,"
            + " name TEXT NOT NULL, code VARCHAR(32), amount DECIMAL(12,2) NOT NULL, ratio DOUBLE,"
            + " created TIMESTAMP NOT NULL, active BOOLEAN NOT NULL, payload BLOB, note VARCHAR(64))";

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate-sqlite" -> generateSqlite(args[1], Long.parseLong(args[2]));
            case "time" -> time(args[1], args[2]);
            case "time2" -> time2(args[1], args[2], args[3], args[4]);
            default -> throw new IllegalArgumentException("usage: generate-sqlite FILE ROWS | time URL SQL");
        }
    }

    static void generateSqlite(String file, long rows) throws Exception {
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = OFF");
            s.execute("PRAGMA synchronous = OFF");
            s.execute("DROP TABLE IF EXISTS bench_rows");
            s.execute(SQLITE_TABLE);
            s.execute("WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < " + rows + ")"
                    + " INSERT INTO bench_rows SELECT i, i * 1000003, 'name ' || i || ' é', 'C' || (i % 1000),"
                    + " (i % 100000) / 100.0, CASE WHEN i % 17 = 0 THEN NULL ELSE i / 7.0 END,"
                    + " datetime(1577836800 + i, 'unixepoch') || '.' || printf('%03d', i % 1000), i % 2,"
                    + " unhex(printf('%08X', i)), CASE WHEN i % 10 = 0 THEN NULL ELSE 'note ' || (i % 97) END FROM s");
        }
        System.out.printf("generated %d rows in %s in %.1f s%n", rows, file, (System.nanoTime() - start) / 1e9);
    }

    static void time2(String url1, String sql1, String url2, String sql2) throws Exception {
        try (Connection a = DriverManager.getConnection(url1); Connection b = DriverManager.getConnection(url2)) {
            double[] took = new double[2];
            long start = System.nanoTime();
            Thread other = new Thread(() -> took[0] = run(a, sql1));
            other.start();
            took[1] = run(b, sql2);
            other.join();
            System.out.printf("%.3f %.3f %.3f%n", (System.nanoTime() - start) / 1e9, took[0], took[1]);
        }
    }

    private static double run(Connection c, String sql) {
        long start = System.nanoTime();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            rs.getString(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static void time(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            long start = System.nanoTime();
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                String v = rs.getString(1);
                System.out.printf("%.3f %s%n", (System.nanoTime() - start) / 1e9, v);
            }
        }
    }
}
