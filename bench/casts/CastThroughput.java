import dev.cloudshift.data.cast.CastRules;
import dev.cloudshift.data.cast.ColumnCast;
import dev.cloudshift.data.schema.Column;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.function.IntFunction;

/**
 * Values per second through one column's cast converter (the per-value work the copy adds between reading and
 * writing), for the column kinds of the copy benchmark's table. Run from the repository root after building the
 * CLI jar:  java -cp cloudshift-cli/target/cloudshift.jar bench/casts/CastThroughput.java [values]
 */
public class CastThroughput {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        run(n, "sqlite", "postgresql", "DATETIME", i -> "2024-02-29 13:14:" + (10 + i % 50) + ".123456");
        run(n, "sqlite", "postgresql", "INTEGER", i -> (long) i);
        run(n, "sqlite", "postgresql", "TEXT", i -> "name number " + i);
        run(n, "sqlite", "postgresql", "REAL", i -> i * 0.5);
        run(n, "mysql", "postgresql", "datetime(6)", i -> LocalDateTime.of(2024, 2, 29, 13, 14, i % 60, 123456000));
        run(n, "mysql", "postgresql", "decimal(12,2)", i -> BigDecimal.valueOf(i, 2));
        run(n, "mysql", "postgresql", "varchar(64)", i -> "name number " + i);
        run(n, "mysql", "postgresql", "tinyint(1)", i -> (long) (i & 1));
        run(n / 5, "mysql", "postgresql", "json", i -> "{\"id\": " + i + ", \"tags\": [\"a\", \"b\"]}");
    }

    private static void run(int n, String source, String target, String type, IntFunction<Object> value)
            throws Exception {
        ColumnCast cast = CastRules.load(source, target)
                .castFor(new Column("c", type, Types.OTHER, 64, 0, true, null, false));
        Object[] values = new Object[1 << 16];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(i);
        }
        long sink = 0;
        for (int i = 0; i < 1_000_000; i++) { // warm-up
            sink += cast.convert(values[i & (values.length - 1)]) == null ? 0 : 1;
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink += cast.convert(values[i & (values.length - 1)]) == null ? 0 : 1;
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-10s -> %-10s %-14s -> %-28s %,12.0f values/s  (%d values, %.2f s)%n", source, target,
                type, cast.targetType(), n / s, sink - 1_000_000, s);
    }
}
