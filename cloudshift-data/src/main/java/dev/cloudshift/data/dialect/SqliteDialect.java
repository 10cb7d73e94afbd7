package dev.cloudshift.data.dialect;

import dev.cloudshift.data.schema.Column;
import dev.cloudshift.data.schema.ForeignKey;
import dev.cloudshift.data.schema.Index;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite: everything from PRAGMA table-valued functions; a JDBC type derived from the declared type the way
 * SQLite derives column affinity; values read as stored (a DATETIME column may hold text or a unix number, the
 * cast rule decides), text checked to be valid UTF-8.
 */
public class SqliteDialect extends BaseDialect {

    private static final Pattern TYPE_ARGS = Pattern.compile("\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:sqlite:");
    }

    @Override
    protected List<Column> columns(Connection c, String table) throws SQLException {
        List<Column> out = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        int pkCount = 0;
        try (PreparedStatement ps = c.prepareStatement(sql("columns"))) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString("type");
                    int pk = rs.getInt("pk");
                    if (pk > 0) {
                        pkCount++;
                    }
                    rows.add(new String[] {rs.getString("name"), type == null ? "" : type,
                            Integer.toString(rs.getInt("notnull")), rs.getString("dflt_value"), Integer.toString(pk)});
                }
            }
        }
        for (String[] r : rows) {
            String declared = r[1];
            boolean pk = !"0".equals(r[4]);
            // INTEGER PRIMARY KEY (exactly that type name, alone in the key) is the rowid: it auto-assigns
            boolean rowid = pk && pkCount == 1 && declared.trim().equalsIgnoreCase("integer");
            int[] args = typeArgs(declared);
            out.add(new Column(r[0], declared, jdbcType(declared), args[0], args[1],
                    !"1".equals(r[2]) && !rowid, r[3], rowid));
        }
        return out;
    }

    private static int[] typeArgs(String declared) {
        Matcher m = TYPE_ARGS.matcher(declared);
        if (!m.find()) {
            return new int[] {0, 0};
        }
        return new int[] {Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2))};
    }

    /**
     * The JDBC type a declared type names. SQLite itself only knows affinities (section 3.1 of its datatype
     * documentation: INT, then CHAR/CLOB/TEXT, then BLOB or none, then REAL/FLOA/DOUB, else NUMERIC); the common
     * names inside the NUMERIC affinity (BOOLEAN, DATE, DATETIME, DECIMAL) are told apart so cast rules can
     * match them.
     */
    static int jdbcType(String declared) {
        String t = declared.toUpperCase(Locale.ROOT);
        if (t.contains("INT")) {
            return t.contains("BIG") ? Types.BIGINT : Types.INTEGER;
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return Types.VARCHAR;
        }
        if (t.isBlank() || t.contains("BLOB")) {
            return t.isBlank() ? Types.OTHER : Types.BLOB;
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return Types.DOUBLE;
        }
        if (t.contains("BOOL")) {
            return Types.BOOLEAN;
        }
        if (t.contains("DATETIME") || t.contains("TIMESTAMP")) {
            return Types.TIMESTAMP;
        }
        if (t.contains("DATE")) {
            return Types.DATE;
        }
        if (t.contains("TIME")) {
            return Types.TIME;
        }
        return Types.NUMERIC;
    }

    /**
     * SQLite's column affinity for a declared type (section 3.1 of its datatype documentation):
     * {@code integer}, {@code text}, {@code blob}, {@code real} or {@code numeric}.
     */
    public static String affinity(String declared) {
        String t = declared == null ? "" : declared.toUpperCase(Locale.ROOT);
        if (t.contains("INT")) {
            return "integer";
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return "text";
        }
        if (t.isBlank() || t.contains("BLOB")) {
            return "blob";
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return "real";
        }
        return "numeric";
    }

    @Override
    protected List<String> primaryKey(Connection c, String table) throws SQLException {
        Map<Integer, String> byPosition = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql("columns"))) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int pk = rs.getInt("pk");
                    if (pk > 0) {
                        byPosition.put(pk, rs.getString("name"));
                    }
                }
            }
        }
        return List.copyOf(byPosition.values());
    }

    @Override
    protected List<Index> indexes(Connection c, String table, List<String> primaryKey) throws SQLException {
        Map<String, Boolean> found = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql("index_list"))) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!"pk".equals(rs.getString("origin"))) {
                        found.put(rs.getString("name"), rs.getInt("unique") == 1);
                    }
                }
            }
        }
        List<Index> out = new ArrayList<>();
        for (Map.Entry<String, Boolean> e : found.entrySet()) {
            List<String> columns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql("index_info"))) {
                ps.setString(1, e.getKey());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        columns.add(rs.getString(1));
                    }
                }
            }
            if (columns.contains(null)) {
                continue; // an index on an expression: not portable, left out
            }
            String name = e.getKey();
            if (name.startsWith("sqlite_autoindex_")) {
                // SQLite's own name for a UNIQUE constraint's index; reserved, so name it as PostgreSQL would
                name = table + "_" + String.join("_", columns) + "_key";
            }
            out.add(new Index(name, columns, e.getValue()));
        }
        return out;
    }

    @Override
    protected List<ForeignKey> foreignKeys(Connection c, String table) throws SQLException {
        record Part(String refTable, List<String> from, List<String> to) {
        }
        Map<Integer, Part> byId = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql("foreign_key_list"))) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Part p = byId.computeIfAbsent(rs.getInt("id"),
                            k -> new Part(rsString(rs, "table"), new ArrayList<>(), new ArrayList<>()));
                    p.from().add(rs.getString("from"));
                    p.to().add(rs.getString("to"));
                }
            }
        }
        List<ForeignKey> out = new ArrayList<>();
        for (Map.Entry<Integer, Part> e : byId.entrySet()) {
            Part p = e.getValue();
            List<String> to = p.to();
            if (to.contains(null)) {
                to = primaryKey(c, p.refTable()); // REFERENCES parent without columns: the parent's key
            }
            out.add(new ForeignKey("fk_" + table + "_" + e.getKey(), p.from(), p.refTable(), to));
        }
        return out;
    }

    private static String rsString(ResultSet rs, String column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The value as stored, whatever the declared type: Long, Double, String, byte[] or null. Text that is not
     * valid UTF-8 comes back as {@link MalformedText}.
     */
    @Override
    public Object readValue(ResultSet rs, int index, Column column) throws SQLException {
        Object v = rs.getObject(index);
        if (v == null) {
            return null;
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof String s) {
            if (s.indexOf('\uFFFD') >= 0) {
                byte[] raw = rs.getBytes(index);
                try {
                    return StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(raw)).toString();
                } catch (CharacterCodingException e) {
                    return new MalformedText(raw);
                }
            }
            return s;
        }
        return normalise(v);
    }
}
