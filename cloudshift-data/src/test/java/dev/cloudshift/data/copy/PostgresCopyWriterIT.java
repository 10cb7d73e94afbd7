package dev.cloudshift.data.copy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.data.testing.TestDatabases;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The COPY text encoding, checked by loading awkward values into a real PostgreSQL and reading them back. */
class PostgresCopyWriterIT {

    private static final Object[][] ROWS = {
        {1L, "plain", new byte[] {1, 2, 3}, 1.5d, new BigDecimal("12.340"), LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000), true, LocalDate.of(2024, 2, 29)},
        {2L, "tab\there\nnewline\rcr\\backslash \\N literal", new byte[] {0, (byte) 0xff, 0x5c, 0x0a}, -0.0d, new BigDecimal("-1E+3"), LocalDateTime.of(1999, 12, 31, 23, 59), false, LocalDate.of(1, 1, 1)},
        {3L, "ünïcödé 日本語 emoji 😀👍🏽", new byte[0], 1e-300, new BigDecimal("0.000000000000000000001"), LocalDateTime.of(2000, 1, 1, 0, 0, 0, 1000), null, null},
        {4L, "", null, 1.7976931348623157e308, null, null, null, null},
        {5L, null, null, Double.NaN, null, null, null, null},
        {(long) Math.pow(2, 62), "x", null, Double.NEGATIVE_INFINITY, null, null, null, null},
        {Long.MIN_VALUE, "min", null, Double.MIN_VALUE, null, null, null, null},
    };

    @Test
    void awkwardValuesSurviveCopyTextFormat() throws Exception {
        var db = TestDatabases.newPostgresDatabase();
        try (Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id bigint, txt text, bin bytea, f float8, n numeric, ts timestamp, b boolean, d date)");
            }
            c.setAutoCommit(false);
            PostgresCopyWriter w = new PostgresCopyWriter(c, "t", List.of("id", "txt", "bin", "f", "n", "ts", "b", "d"));
            w.open();
            for (Object[] r : ROWS) {
                assertThat(w.write(r)).isEqualTo(-1);
            }
            w.close();
            c.commit();
            List<Object[]> back = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, txt, bin, f, n, ts, b, d FROM t ORDER BY id")) {
                while (rs.next()) {
                    back.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getObject(4),
                        rs.getBigDecimal(5), rs.getObject(6, LocalDateTime.class), rs.getObject(7), rs.getObject(8, LocalDate.class)});
                }
            }
            assertThat(back).hasSize(ROWS.length);
            List<Object[]> expected = new ArrayList<>(List.of(ROWS));
            expected.sort((a, b) -> Long.compare((Long) a[0], (Long) b[0]));
            for (int i = 0; i < expected.size(); i++) {
                Object[] e = expected.get(i);
                Object[] a = back.get(i);
                assertThat(a[0]).isEqualTo(e[0]);
                assertThat(a[1]).isEqualTo(e[1]);
                assertThat((byte[]) a[2]).isEqualTo((byte[]) e[2]);
                assertThat(Double.doubleToRawLongBits((Double) a[3])).as("double bits of row %s", e[0])
                        .isEqualTo(Double.doubleToRawLongBits((Double) e[3]));
                if (e[4] == null) {
                    assertThat(a[4]).isNull();
                } else {
                    assertThat(((BigDecimal) a[4]).compareTo((BigDecimal) e[4])).isZero();
                }
                assertThat(a[5]).isEqualTo(e[5]);
                assertThat(a[6]).isEqualTo(e[6]);
                assertThat(a[7]).isEqualTo(e[7]);
            }
        }
    }

    @Test
    void textWithNulIsRefusedWithoutBreakingTheCopy() throws Exception {
        var db = TestDatabases.newPostgresDatabase();
        try (Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id bigint, txt text, ts timestamptz)");
            }
            c.setAutoCommit(false);
            PostgresCopyWriter w = new PostgresCopyWriter(c, "t", List.of("id", "txt", "ts"));
            w.open();
            OffsetDateTime ts = OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 500_000_000, ZoneOffset.ofHours(2));
            assertThat(w.write(new Object[] {1L, "ok", ts})).isEqualTo(-1);
            assertThat(w.write(new Object[] {2L, "bad\u0000nul", ts})).isEqualTo(1);
            assertThat(w.write(new Object[] {3L, "fine", null})).isEqualTo(-1);
            w.close();
            c.commit();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, ts FROM t ORDER BY id")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(1);
                assertThat(rs.getObject(2, OffsetDateTime.class).toInstant()).isEqualTo(ts.toInstant());
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(3);
                assertThat(rs.next()).isFalse();
            }
        }
    }
}
