import dev.cloudshift.data.verify.ClientTableSide;
import dev.cloudshift.data.verify.Segment;
import dev.cloudshift.data.verify.SideTable;
import dev.cloudshift.data.verify.SqliteTableSide;
import dev.cloudshift.data.verify.TableSide;
import dev.cloudshift.data.verify.ValueKind;
import dev.cloudshift.data.verify.VerifyDialect;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Where SQLite verify time goes, on run.sh's bench table, one step at a time in one JVM with the CPU time of the
 * calling thread (SQLite runs on it) beside the wall time:
 * {@code java -cp cloudshift.jar bench/data/SqliteVerifyProbe.java BENCH.db ROWS [REPEATS]}.
 * <ol>
 *   <li>the scan ceiling's SQLite query (run.sh's {@code sum(length(...))} over all columns);</li>
 *   <li>an aggregate function that only reads each value through the driver (type, then value or bytes), nothing
 *       else: the floor of any verify that hashes SQLite rows in Java;</li>
 *   <li>the first verify level (1024 segments) through {@link SqliteTableSide} (driver function, hashing thread);
 *       its process CPU includes the hashing thread;</li>
 *   <li>the same through {@link ClientTableSide} (the JDBC result set path).</li>
 * </ol>
 */
public final class SqliteVerifyProbe {

    static long sink;

    /** Reads every argument through the driver and does nothing with it. */
    static final class ReadOnly extends org.sqlite.Function.Aggregate {
        private long n;

        @Override
        protected void xStep() throws SQLException {
            for (int i = 0; i < args(); i++) {
                switch (value_type(i)) {
                    case 1 -> sink += value_long(i);
                    case 2 -> sink += (long) value_double(i);
                    case 3, 4 -> {
                        byte[] b = value_blob(i);
                        sink += b == null ? 0 : b.length;
                    }
                    default -> sink++;
                }
            }
            n++;
        }

        @Override
        protected void xFinal() throws SQLException {
            result(n);
        }
    }

    public static void main(String[] args) throws Exception {
        String file = args[0];
        long rows = Long.parseLong(args[1]);
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        String cols = "id, big, name, code, amount, ratio, created, active, payload, note";
        String ceiling = "SELECT sum(length(id) + length(big) + length(name) + ifnull(length(code), 0) + length(amount)"
                + " + ifnull(length(ratio), 0) + length(created) + length(active) + ifnull(length(payload), 0)"
                + " + ifnull(length(note), 0)) FROM bench_rows";
        SideTable table = new SideTable("bench_rows", List.of(cols.split(", ")),
                List.of(ValueKind.INTEGER, ValueKind.INTEGER, ValueKind.TEXT, ValueKind.TEXT, ValueKind.DECIMAL,
                        ValueKind.FLOAT, ValueKind.TIMESTAMP, ValueKind.INTEGER, ValueKind.BYTES, ValueKind.TEXT),
                List.of(0), true);
        Segment all = Segment.range(1, rows + 1);
        Segment.Split split = all.split(1024);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            org.sqlite.Function.create(c, "read_only", new ReadOnly());
            VerifyDialect sqlite = VerifyDialect.load("sqlite");
            for (int r = 0; r < repeats; r++) {
                for (String step : List.of("ceiling", "read-only", "driver-function", "jdbc")) {
                    long w0 = System.nanoTime();
                    long c0 = mx.getCurrentThreadCpuTime();
                    long p0 = processCpu();
                    String result;
                    switch (step) {
                        case "ceiling" -> result = first(s, ceiling);
                        case "read-only" -> result = first(s, "SELECT read_only(" + cols + ") FROM bench_rows");
                        default -> {
                            TableSide side = step.equals("jdbc") ? new ClientTableSide(c, sqlite, table)
                                    : new SqliteTableSide(c, sqlite, table);
                            Map<Long, Segment.Checksum> sums = side.childChecksums(all, split);
                            result = sums.size() + " segments, sum " + sums.values().stream()
                                    .map(Segment.Checksum::sum).reduce(BigInteger.ZERO, BigInteger::add);
                        }
                    }
                    System.out.printf("%-16s %6.2f s wall %6.2f s cpu (SQLite's thread) %6.2f s cpu (process)  load %s  [%s]%n",
                            step, (System.nanoTime() - w0) / 1e9, (mx.getCurrentThreadCpuTime() - c0) / 1e9,
                            (processCpu() - p0) / 1e9, Files.readString(Path.of("/proc/loadavg")).split(" ")[0], result);
                }
            }
        }
    }

    private static String first(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
