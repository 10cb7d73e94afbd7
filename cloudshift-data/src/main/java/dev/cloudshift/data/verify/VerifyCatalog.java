package dev.cloudshift.data.verify;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Reads what verify needs of a table through JDBC metadata, the same way on every database: table names, and
 * per table the columns (name, declared type) in order and the primary-key columns in key order.
 */
final class VerifyCatalog {

    /** A column: name, declared type, whether it is declared NOT NULL, and its scale (-1 when none or unknown). */
    record ColumnInfo(String name, String type, boolean notNull, int scale) {
    }

    record TableInfo(String name, List<ColumnInfo> columns, List<String> primaryKey) {
        ColumnInfo column(String n) {
            return columns.stream().filter(c -> c.name().equalsIgnoreCase(n)).findFirst().orElse(null);
        }
    }

    private final Connection connection;
    private final String dialect;
    private final String catalog;
    private final String schema;

    VerifyCatalog(Connection connection, String dialect) throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        this.catalog = dialect.equals("mysql") ? connection.getCatalog() : null;
        this.schema = dialect.equals("postgresql") || dialect.equals("h2") ? connection.getSchema() : null;
    }

    List<String> tableNames() throws SQLException {
        List<String> out = new ArrayList<>();
        DatabaseMetaData md = connection.getMetaData();
        try (ResultSet rs = md.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (dialect.equals("sqlite") && name.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
                    continue;
                }
                out.add(name);
            }
        }
        return out;
    }

    /** The table whose name equals {@code name} ignoring case, or null. */
    TableInfo table(String name) throws SQLException {
        String actual = null;
        for (String t : tableNames()) {
            if (t.equals(name)) {
                actual = t;
                break;
            }
            if (actual == null && t.equalsIgnoreCase(name)) {
                actual = t;
            }
        }
        if (actual == null) {
            return null;
        }
        DatabaseMetaData md = connection.getMetaData();
        TreeMap<Integer, ColumnInfo> cols = new TreeMap<>();
        try (ResultSet rs = md.getColumns(catalog, schema, actual, "%")) {
            while (rs.next()) {
                String column = rs.getString("COLUMN_NAME");
                String type = rs.getString("TYPE_NAME");
                boolean notNull = rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls;
                int scale = rs.getInt("DECIMAL_DIGITS");
                if (rs.wasNull()) {
                    scale = -1;
                }
                cols.put(rs.getInt("ORDINAL_POSITION"), new ColumnInfo(column, type, notNull, scale));
            }
        }
        TreeMap<Integer, String> pk = new TreeMap<>();
        try (ResultSet rs = md.getPrimaryKeys(catalog, schema, actual)) {
            while (rs.next()) {
                pk.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return new TableInfo(actual, List.copyOf(cols.values()), List.copyOf(pk.values()));
    }
}
