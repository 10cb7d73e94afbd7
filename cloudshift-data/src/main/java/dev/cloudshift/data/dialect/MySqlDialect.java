package dev.cloudshift.data.dialect;

import dev.cloudshift.data.schema.Column;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MySQL and MariaDB: COLUMN_TYPE from information_schema, backtick quoting, zero dates read as
 * {@link ZeroDate}, tinyint(1) read as a number (the cast rule decides about boolean), unsigned 64-bit integers as
 * BigDecimal.
 */
public class MySqlDialect extends BaseDialect {

    private static final Set<String> NUMERIC_DATA_TYPES = Set.of("tinyint", "smallint", "mediumint", "int",
            "integer", "bigint", "decimal", "numeric", "float", "double", "real", "bit", "year");

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:mysql:") || jdbcUrl.startsWith("jdbc:mariadb:");
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    /**
     * UTC, utf8mb4, and a strict sql_mode so a value the target cannot hold fails instead of being truncated;
     * NO_AUTO_VALUE_ON_ZERO so a copied id 0 stays 0.
     */
    @Override
    public void prepareSession(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET time_zone = '+00:00'");
            s.execute("SET NAMES utf8mb4");
            s.execute("SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_AUTO_VALUE_ON_ZERO,NO_ENGINE_SUBSTITUTION,"
                    + "ERROR_FOR_DIVISION_BY_ZERO'");
        }
    }

    @Override
    protected Map<String, CatalogColumn> catalogColumns(Connection c, String table) throws SQLException {
        boolean mariaDb = c.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT).contains("mariadb");
        Set<String> json = mariaDb ? jsonColumns(c, table) : Set.of();
        return catalogColumns(c, table, rs -> {
            String dflt = rs.getString("column_default");
            String dataType = rs.getString("data_type").toLowerCase(Locale.ROOT);
            String extra = rs.getString("extra");
            if (mariaDb) {
                if ("NULL".equals(dflt)) {
                    dflt = null;
                }
            } else if (dflt != null && (extra == null || !extra.contains("DEFAULT_GENERATED"))
                    && !NUMERIC_DATA_TYPES.contains(dataType)) {
                dflt = "'" + dflt.replace("'", "''") + "'";
            }
            String declared = json.contains(rs.getString("column_name")) && "longtext".equals(dataType) ? "json"
                    : rs.getString("declared_type");
            return new CatalogColumn(declared, dflt, rs.getBoolean("auto_increment"));
        });
    }

    /** Columns MariaDB declares JSON (a longtext with a json_valid check). */
    private Set<String> jsonColumns(Connection c, String table) throws SQLException {
        Set<String> out = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql("json_columns"))) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String clause = rs.getString(1).trim();
                    // json_valid(`doc`)
                    int open = clause.indexOf('(');
                    int close = clause.lastIndexOf(')');
                    if (open > 0 && close > open) {
                        String col = clause.substring(open + 1, close).trim();
                        if (col.startsWith("`") && col.endsWith("`") && col.length() > 1) {
                            out.add(col.substring(1, col.length() - 1).replace("``", "`"));
                        }
                    }
                }
            }
        }
        return out;
    }

    @Override
    public Object readValue(ResultSet rs, int index, Column column) throws SQLException {
        return reader(column).read(rs, index);
    }

    /**
     * Dates and times are selected as the server's text ({@code CAST(x AS CHAR)}): the driver would otherwise parse
     * them and, for {@code getString}, format them again through a {@code DateTimeFormatter} and
     * {@code String.format} for every value; the text is what {@link #reader} parses by hand, zero dates included.
     */
    @Override
    public String selectExpression(Column column) {
        return switch (head(column)) {
            case "date", "datetime", "timestamp", "time" -> "CAST(" + quote(column.name()) + " AS CHAR)";
            default -> quote(column.name());
        };
    }

    /**
     * The binary result protocol (server-side prepared statements): numbers, doubles included, arrive as binary
     * values instead of text the driver parses again, which costs the client and the server less per value. Rows
     * still stream with the fetch size.
     */
    @Override
    public Map<String, String> bulkReadProperties() {
        return Map.of("useServerPrepStmts", "true");
    }

    private static String head(Column column) {
        String base = baseType(column.declaredType());
        int space = base.indexOf(' ');
        return space < 0 ? base : base.substring(0, space);
    }

    @Override
    public ColumnReader reader(Column column) {
        ColumnReader read = typedReader(column);
        return (rs, index) -> {
            try {
                return read.read(rs, index);
            } catch (java.time.DateTimeException e) {
                // ALLOW_INVALID_DATES lets MySQL hold 2024-02-30; no other database can
                throw new java.sql.SQLDataException("invalid date or time value", "22007");
            }
        };
    }

    private static ColumnReader typedReader(Column column) {
        String head = head(column);
        switch (head) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "year":
                return BaseDialect::readLong;
            case "bigint":
                if (baseType(column.declaredType()).contains("unsigned")) {
                    return (rs, index) -> rs.getBigDecimal(index);
                }
                return BaseDialect::readLong;
            case "bit": {
                boolean single = column.length() <= 1;
                return (rs, index) -> {
                    byte[] bytes = rs.getBytes(index);
                    if (bytes == null) {
                        return null;
                    }
                    long v = new BigInteger(1, bytes).longValue();
                    return single ? (Object) (v != 0) : (Object) v;
                };
            }
            case "date":
                return (rs, index) -> {
                    String s = rs.getString(index);
                    if (s == null) {
                        return null;
                    }
                    return isZeroDate(s) ? new ZeroDate(s) : LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
                };
            case "datetime", "timestamp":
                return (rs, index) -> {
                    String s = rs.getString(index);
                    if (s == null) {
                        return null;
                    }
                    return isZeroDate(s) ? new ZeroDate(s) : dateTime(s);
                };
            case "time":
                return (rs, index) -> {
                    String s = rs.getString(index);
                    if (s == null) {
                        return null;
                    }
                    // MySQL TIME spans -838:59:59 to 838:59:59; only a time of day becomes a LocalTime
                    if (s.length() >= 8 && s.charAt(2) == ':' && s.charAt(0) != '-' && s.compareTo("24") < 0) {
                        return LocalTime.parse(s);
                    }
                    return s;
                };
            case "enum", "set", "json":
                return (rs, index) -> rs.getString(index);
            default:
                return standardReader(column);
        }
    }

    /**
     * {@code yyyy-MM-dd HH:mm:ss[.f...]} as the server prints it, parsed by hand: a copy reads millions of them and
     * java.time's formatter is several times slower.
     */
    static LocalDateTime dateTime(String s) {
        if (s.length() < 19 || s.charAt(10) != ' ') {
            return LocalDateTime.parse(s.replace(' ', 'T'));
        }
        int nanos = 0;
        if (s.length() > 20 && s.charAt(19) == '.') {
            int digits = s.length() - 20;
            nanos = digits(s, 20, s.length());
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        return LocalDateTime.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10), digits(s, 11, 13),
                digits(s, 14, 16), digits(s, 17, 19), nanos);
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new java.time.format.DateTimeParseException("not a MySQL date/time", s, i);
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** {@code 0000-00-00}, {@code 2024-00-10}, {@code 2024-01-00} and datetimes starting so. */
    static boolean isZeroDate(String s) {
        return s.length() >= 10 && (s.startsWith("0000-") || s.startsWith("-00", 4) || s.startsWith("-00", 7));
    }
}
