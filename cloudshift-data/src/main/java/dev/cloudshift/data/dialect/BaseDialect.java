package dev.cloudshift.data.dialect;

import dev.cloudshift.data.schema.Column;
import dev.cloudshift.data.schema.ForeignKey;
import dev.cloudshift.data.schema.Index;
import dev.cloudshift.data.schema.Schema;
import dev.cloudshift.data.schema.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Defaults shared by every dialect: introspection through {@link DatabaseMetaData} plus a per-dialect catalog
 * query for the exact declared column types ({@code dialects/<name>/columns.sql}), double-quoted identifiers,
 * and value reading through the standard JDBC getters.
 */
public abstract class BaseDialect implements Dialect {

    private final Map<String, String> sqlCache = new ConcurrentHashMap<>();

    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return name();
    }

    /** Text of the catalog query {@code dialects/<name>/<file>.sql}. */
    protected String sql(String file) {
        return sqlCache.computeIfAbsent(file, f -> {
            String path = "/dialects/" + name() + "/" + f + ".sql";
            try (InputStream in = BaseDialect.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing catalog query resource " + path);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    // ------------------------------------------------------------------------------------------ introspection

    @Override
    public Schema introspect(Connection connection) throws SQLException {
        List<Table> tables = new ArrayList<>();
        for (String name : tableNames(connection)) {
            List<Column> columns = columns(connection, name);
            List<String> pk = primaryKey(connection, name);
            List<Index> indexes = indexes(connection, name, pk).stream()
                    .filter(i -> i.columns().stream().allMatch(col -> columns.stream()
                            .anyMatch(c -> c.name().equals(col))))
                    .toList(); // an index on an expression is not portable: left out
            List<ForeignKey> fks = foreignKeys(connection, name);
            tables.add(new Table(name, columns, pk, indexes, fks));
        }
        return new Schema(TableOrder.referencedFirst(tables));
    }

    /** User tables of the connection's current database/schema, from {@code tables.sql}. */
    protected List<String> tableNames(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql("tables")); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Exact column details from the catalog; see {@link CatalogColumn}. */
    protected record CatalogColumn(String declaredType, String defaultValue, boolean autoIncrement) {
    }

    /**
     * Declared type, default and auto-increment per column name, from {@code columns.sql} whose result has the
     * columns {@code column_name, declared_type, column_default, auto_increment}. Subclasses adjust.
     */
    protected Map<String, CatalogColumn> catalogColumns(Connection c, String table) throws SQLException {
        return catalogColumns(c, table, rs -> new CatalogColumn(rs.getString("declared_type"), rs.getString("column_default"),
                rs.getBoolean("auto_increment")));
    }

    /** How a dialect reads one row of its {@code columns.sql} into a {@link CatalogColumn}. */
    @FunctionalInterface
    protected interface CatalogRow {
        CatalogColumn read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code columns.sql} for a table (its one parameter) and reads each row, keyed by {@code column_name}. */
    protected final Map<String, CatalogColumn> catalogColumns(Connection c, String table, CatalogRow row) throws SQLException {
        Map<String, CatalogColumn> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql("columns"))) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString("column_name"), row.read(rs));
                }
            }
        }
        return out;
    }

    protected List<Column> columns(Connection c, String table) throws SQLException {
        Map<String, CatalogColumn> catalog = catalogColumns(c, table);
        List<Column> columns = new ArrayList<>();
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getColumns(c.getCatalog(), c.getSchema(), escapePattern(md, table), "%")) {
            while (rs.next()) {
                if (!table.equals(rs.getString("TABLE_NAME"))) {
                    continue;
                }
                String name = rs.getString("COLUMN_NAME");
                CatalogColumn detail = catalog.get(name);
                String declared = detail != null ? detail.declaredType() : rs.getString("TYPE_NAME");
                String dflt = detail != null ? detail.defaultValue() : rs.getString("COLUMN_DEF");
                boolean auto = detail != null ? detail.autoIncrement()
                        : "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"));
                columns.add(new Column(name, declared, rs.getInt("DATA_TYPE"), rs.getInt("COLUMN_SIZE"),
                        rs.getInt("DECIMAL_DIGITS"), rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                        dflt, auto));
            }
        }
        return columns;
    }

    private static String escapePattern(DatabaseMetaData md, String name) throws SQLException {
        String escape = md.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    protected List<String> primaryKey(Connection c, String table) throws SQLException {
        Map<Integer, String> byPosition = new TreeMap<>();
        try (ResultSet rs = c.getMetaData().getPrimaryKeys(c.getCatalog(), c.getSchema(), table)) {
            while (rs.next()) {
                byPosition.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return List.copyOf(byPosition.values());
    }

    /** Secondary indexes and unique keys; the index that implements the primary key is left out. */
    protected List<Index> indexes(Connection c, String table, List<String> primaryKey) throws SQLException {
        Map<String, Boolean> unique = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, String>> cols = new LinkedHashMap<>();
        java.util.Set<String> partial = new java.util.HashSet<>();
        try (ResultSet rs = c.getMetaData().getIndexInfo(c.getCatalog(), c.getSchema(), table, false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (name == null || column == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                    continue;
                }
                String filter = rs.getString("FILTER_CONDITION");
                if (filter != null && !filter.isBlank()) {
                    partial.add(name); // a partial index (WHERE ...): not portable, left out
                }
                unique.put(name, !rs.getBoolean("NON_UNIQUE"));
                cols.computeIfAbsent(name, k -> new TreeMap<>()).put((int) rs.getShort("ORDINAL_POSITION"), column);
            }
        }
        List<Index> out = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, String>> e : cols.entrySet()) {
            if (partial.contains(e.getKey())) {
                continue;
            }
            List<String> columns = List.copyOf(e.getValue().values());
            boolean isUnique = unique.get(e.getKey());
            if (isUnique && columns.equals(primaryKey) && isPrimaryKeyIndex(e.getKey())) {
                continue;
            }
            if (isImplicitIndex(c, table, e.getKey())) {
                continue;
            }
            out.add(new Index(e.getKey(), columns, isUnique));
        }
        return out;
    }

    /** Whether an index with the primary key's columns is the primary key's own index. */
    protected boolean isPrimaryKeyIndex(String indexName) {
        return true;
    }

    /** Indexes the database created by itself (for a foreign key, say) that the target makes on its own. */
    protected boolean isImplicitIndex(Connection c, String table, String indexName) throws SQLException {
        return false;
    }

    protected List<ForeignKey> foreignKeys(Connection c, String table) throws SQLException {
        record Part(String refTable, TreeMap<Integer, String[]> pairs) {
        }
        Map<String, Part> byName = new LinkedHashMap<>();
        try (ResultSet rs = c.getMetaData().getImportedKeys(c.getCatalog(), c.getSchema(), table)) {
            while (rs.next()) {
                String name = rs.getString("FK_NAME");
                String refTable = rs.getString("PKTABLE_NAME");
                String key = name != null ? name : refTable;
                byName.computeIfAbsent(key, k -> new Part(refTable, new TreeMap<>()))
                        .pairs().put((int) rs.getShort("KEY_SEQ"),
                                new String[] {rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME")});
            }
        }
        List<ForeignKey> out = new ArrayList<>();
        for (Map.Entry<String, Part> e : byName.entrySet()) {
            List<String> from = new ArrayList<>();
            List<String> to = new ArrayList<>();
            for (String[] pair : e.getValue().pairs().values()) {
                from.add(pair[0]);
                to.add(pair[1]);
            }
            out.add(new ForeignKey(e.getKey(), from, e.getValue().refTable(), to));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ sessions

    @Override
    public void prepareSession(Connection connection) throws SQLException {
        // nothing by default
    }

    // ------------------------------------------------------------------------------------------ values

    private static final Map<String, String> BASE_TYPES = new ConcurrentHashMap<>();

    /**
     * The lower-case base type name of a declared type: {@code int unsigned} for {@code INT(11) UNSIGNED}. Cached:
     * it is asked for every value read.
     */
    public static String baseType(String declaredType) {
        if (declaredType == null) {
            return "";
        }
        return BASE_TYPES.computeIfAbsent(declaredType, d -> d.toLowerCase(Locale.ROOT)
                .replaceAll("\\([^)]*\\)", "").replaceAll("\\s+", " ").trim());
    }

    @Override
    public Object readValue(ResultSet rs, int index, Column column) throws SQLException {
        return standardReader(column).read(rs, index);
    }

    /** Reads a value through the standard JDBC getter for the column's {@link Types} code, chosen once per column. */
    protected static ColumnReader standardReader(Column column) {
        switch (column.jdbcType()) {
            case Types.BIT:
            case Types.BOOLEAN:
                return (rs, index) -> {
                    boolean b = rs.getBoolean(index);
                    return rs.wasNull() ? null : b;
                };
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
                return BaseDialect::readLong;
            case Types.BIGINT:
                if (baseType(column.declaredType()).contains("unsigned")) {
                    return (rs, index) -> rs.getBigDecimal(index);
                }
                return BaseDialect::readLong;
            case Types.REAL:
                return (rs, index) -> {
                    float f = rs.getFloat(index);
                    return rs.wasNull() ? null : f;
                };
            case Types.FLOAT:
            case Types.DOUBLE:
                return (rs, index) -> {
                    double d = rs.getDouble(index);
                    return rs.wasNull() ? null : d;
                };
            case Types.NUMERIC:
            case Types.DECIMAL:
                return (rs, index) -> rs.getBigDecimal(index);
            case Types.CHAR:
            case Types.VARCHAR:
            case Types.LONGVARCHAR:
            case Types.NCHAR:
            case Types.NVARCHAR:
            case Types.LONGNVARCHAR:
            case Types.CLOB:
            case Types.NCLOB:
                return (rs, index) -> rs.getString(index);
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
            case Types.BLOB:
                return (rs, index) -> rs.getBytes(index);
            case Types.DATE:
                return (rs, index) -> rs.getObject(index, LocalDate.class);
            case Types.TIME:
                return (rs, index) -> rs.getObject(index, LocalTime.class);
            case Types.TIMESTAMP:
                return (rs, index) -> rs.getObject(index, LocalDateTime.class);
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return (rs, index) -> utc(rs.getObject(index, OffsetDateTime.class));
            default:
                return (rs, index) -> normalise(rs.getObject(index));
        }
    }

    /** A signed integer up to 64 bits as a Long, or null. */
    protected static Object readLong(ResultSet rs, int index) throws SQLException {
        long v = rs.getLong(index);
        return rs.wasNull() ? null : v;
    }

    /** The same instant at offset UTC; OffsetDateTime.MAX and MIN (PostgreSQL's infinities) as they are. */
    protected static OffsetDateTime utc(OffsetDateTime t) {
        if (t == null || t.equals(OffsetDateTime.MAX) || t.equals(OffsetDateTime.MIN)) {
            return t;
        }
        return t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** Turns a driver-specific object into one of the normalised classes {@link Dialect#readValue} promises. */
    protected static Object normalise(Object v) throws SQLException {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Boolean || v instanceof byte[]
                || v instanceof BigDecimal || v instanceof Double || v instanceof Float) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof Time t) {
            return t.toLocalTime();
        }
        if (v instanceof OffsetDateTime o) {
            return utc(o);
        }
        if (v instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (v instanceof Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        if (v instanceof java.sql.SQLXML xml) {
            return xml.getString();
        }
        if (v instanceof java.sql.Array array) {
            List<Object> out = new ArrayList<>();
            for (Object e : (Object[]) array.getArray()) {
                out.add(normalise(e));
            }
            return out;
        }
        if (v instanceof Object[] array) {
            List<Object> out = new ArrayList<>();
            for (Object e : array) {
                out.add(normalise(e));
            }
            return out;
        }
        return v.toString();
    }
}
