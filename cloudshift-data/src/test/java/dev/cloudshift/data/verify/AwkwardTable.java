package dev.cloudshift.data.verify;

import dev.cloudshift.data.testing.TestDatabases.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table of awkward values created the same way in PostgreSQL, MariaDB, SQLite and H2, each in its native types:
 * unicode and emoji, tabs and newlines, NULL next to '', -0.0, 1e-300, the largest double, 2^62, fractional-second
 * timestamps, time zones, bytes with 0x00, CHAR padding, float4 values.
 */
final class AwkwardTable {

    static final String NAME = "awkward";

    /** id, big, t, c, n, d, r, ts, tz (UTC text), dt, b, bin, note. */
    static List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {1, 1L << 62, "héllo ✓ 😀 \t tab\nnewline\r\n", "ab", new BigDecimal("12345.670000"), -0.0,
            0.1f, "2024-02-29 23:59:59.123456", "2024-02-29 21:59:59.5", "2024-02-29", true,
            new byte[] {0, (byte) 0xff, 0x10, 0}, null});
        rows.add(new Object[] {2, -(1L << 62), "", "", new BigDecimal("0.000000"), 1e-300, -1.5f,
            "1970-01-01 00:00:00", "1999-12-31 23:59:59", "1970-01-01", false, new byte[0], ""});
        rows.add(new Object[] {3, 0L, "NULL", null, new BigDecimal("-0.000001"), 1.7976931348623157e308,
            3.4028235e38f, "2000-01-01 12:00:00.5", "2000-01-01 12:00:00.000001", "9999-12-31", null, null, "N"});
        rows.add(new Object[] {4, 9007199254740993L, "quote ' \" \\ backslash \u001f unit sep", "x y",
            new BigDecimal("99999999999999.999999"), 0.1, null, "2024-06-01 00:00:00.000001", null, "2000-02-29",
            true, new byte[] {0x5c, 0x27, 0x00}, "ΑΒΓ"});
        double[] doubles = {1e-05, 1.5e15, 123456789012345.6, 5e-324, 0.1 + 0.2, 1.2345e-15, -2.5e-7, 1e14,
            4611686018427387904.0, -123.456, 2.2250738585072014e-308, 1e21, 0.0001, 999999999999999.9};
        for (int i = 0; i < doubles.length; i++) {
            rows.add(new Object[] {10 + i, (long) i, "row " + i, "c" + i, new BigDecimal(i).movePointLeft(3),
                doubles[i], (float) doubles[i] == 0f ? 1f : (float) doubles[i], "2001-02-03 04:05:06." + (i + 1),
                "2001-02-03 04:05:06", "2001-02-03", i % 2 == 0, new byte[] {(byte) i}, null});
        }
        return rows;
    }

    static String ddl(String kind) {
        return switch (kind) {
            case "postgresql" -> "CREATE TABLE awkward (id int PRIMARY KEY, big bigint, t text, c char(5), n numeric(20,6),"
                    + " d double precision, r real, ts timestamp(6), tz timestamptz, dt date, b boolean, bin bytea,"
                    + " note varchar(50))";
            case "mysql" -> "CREATE TABLE awkward (id int PRIMARY KEY, big bigint, t text, c char(5), n decimal(20,6),"
                    + " d double, r float, ts datetime(6), tz timestamp(6) NULL, dt date, b boolean, bin blob,"
                    + " note varchar(50)) CHARACTER SET utf8mb4";
            // SQLite's NUMERIC affinity would turn 99999999999999.999999 into a lossy REAL: such decimals live in
            // TEXT columns there, which verify reads as the other side's decimal type
            case "sqlite" -> "CREATE TABLE awkward (id INTEGER PRIMARY KEY, big INTEGER, t TEXT, c CHAR(5),"
                    + " n TEXT, d DOUBLE, r REAL, ts TIMESTAMP, tz TIMESTAMP, dt DATE, b BOOLEAN, bin BLOB,"
                    + " note VARCHAR(50))";
            case "h2" -> "CREATE TABLE awkward (id int PRIMARY KEY, big bigint, t varchar(200), c char(5), n numeric(20,6),"
                    + " d double precision, r real, ts timestamp(6), tz timestamp(6) with time zone, dt date, b boolean,"
                    + " bin varbinary(100), note varchar(50))";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    static void create(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            create(c, db.kind());
        }
    }

    static void create(Connection c, String kind) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(ddl(kind));
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO awkward VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (Object[] r : rows()) {
                bind(ps, kind, r);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void bind(PreparedStatement ps, String kind, Object[] r) throws SQLException {
        ps.setInt(1, (Integer) r[0]);
        ps.setLong(2, (Long) r[1]);
        ps.setString(3, (String) r[2]);
        ps.setString(4, (String) r[3]);
        if (kind.equals("sqlite")) {
            ps.setString(5, ((BigDecimal) r[4]).toPlainString());
        } else {
            ps.setBigDecimal(5, (BigDecimal) r[4]);
        }
        ps.setDouble(6, (Double) r[5]);
        if (r[6] == null) {
            ps.setNull(7, Types.REAL);
        } else if (kind.equals("sqlite")) {
            ps.setDouble(7, (double) (Float) r[6]); // SQLite REAL holds the float4 value widened to a double
        } else {
            ps.setFloat(7, (Float) r[6]);
        }
        switch (kind) {
            case "postgresql", "h2" -> {
                ps.setObject(8, java.time.LocalDateTime.parse(((String) r[7]).replace(' ', 'T')));
                ps.setObject(9, r[8] == null ? null
                        : java.time.LocalDateTime.parse(((String) r[8]).replace(' ', 'T')).atOffset(java.time.ZoneOffset.UTC));
                ps.setObject(10, java.time.LocalDate.parse((String) r[9]));
            }
            case "mysql" -> {
                ps.setString(8, (String) r[7]);
                ps.setString(9, (String) r[8]);
                ps.setString(10, (String) r[9]);
            }
            default -> {
                ps.setString(8, (String) r[7]);
                ps.setString(9, r[8] == null ? null : r[8] + "+00:00");
                ps.setString(10, (String) r[9]);
            }
        }
        if (r[10] == null) {
            ps.setNull(11, kind.equals("sqlite") ? Types.INTEGER : Types.BOOLEAN);
        } else if (kind.equals("sqlite")) {
            ps.setInt(11, (Boolean) r[10] ? 1 : 0);
        } else {
            ps.setBoolean(11, (Boolean) r[10]);
        }
        ps.setBytes(12, (byte[]) r[11]);
        ps.setString(13, (String) r[12]);
    }

    static String describe(Object[] r) {
        return Arrays.deepToString(r);
    }

    private AwkwardTable() {
    }
}
