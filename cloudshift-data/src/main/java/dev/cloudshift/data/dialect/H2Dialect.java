package dev.cloudshift.data.dialect;

import dev.cloudshift.data.schema.Column;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** H2 2.x: declared types rebuilt from INFORMATION_SCHEMA.COLUMNS; foreign-key helper indexes left out. */
public class H2Dialect extends BaseDialect {

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    @Override
    public void prepareSession(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
        }
    }

    @Override
    protected Map<String, CatalogColumn> catalogColumns(Connection c, String table) throws SQLException {
        return catalogColumns(c, table, rs -> {
            String dataType = rs.getString("data_type");
            if ("INTERVAL".equalsIgnoreCase(dataType) && rs.getString("interval_type") != null) {
                dataType = "INTERVAL " + rs.getString("interval_type"); // INTERVAL DAY TO SECOND
            }
            String declared = "ARRAY".equalsIgnoreCase(dataType)
                    ? arrayType(c, table, rs.getString("dtd_identifier")) : declaredType(dataType,
                    (Long) rs.getObject("character_maximum_length", Long.class),
                    (Integer) rs.getObject("numeric_precision", Integer.class),
                    (Integer) rs.getObject("numeric_scale", Integer.class),
                    (Integer) rs.getObject("datetime_precision", Integer.class));
            return new CatalogColumn(declared, rs.getString("column_default"), "YES".equalsIgnoreCase(rs.getString("is_identity")));
        });
    }

    /** {@code INTEGER ARRAY}: the element type from INFORMATION_SCHEMA.ELEMENT_TYPES. */
    private String arrayType(Connection c, String table, String dtd) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql("element_types"))) {
            ps.setString(1, table);
            ps.setString(2, dtd);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return declaredType(rs.getString("data_type"),
                            (Long) rs.getObject("character_maximum_length", Long.class),
                            (Integer) rs.getObject("numeric_precision", Integer.class),
                            (Integer) rs.getObject("numeric_scale", Integer.class),
                            (Integer) rs.getObject("datetime_precision", Integer.class)) + " ARRAY";
                }
            }
        }
        return "ARRAY";
    }

    /** {@code CHARACTER VARYING} + 255 -> {@code CHARACTER VARYING(255)}; numeric precision and scale likewise. */
    static String declaredType(String dataType, Long charLength, Integer precision, Integer scale,
                               Integer datetimePrecision) {
        String t = dataType.toUpperCase(Locale.ROOT);
        switch (t) {
            case "CHARACTER VARYING", "CHARACTER", "BINARY VARYING", "BINARY", "VARCHAR_IGNORECASE":
                return charLength == null ? t : t + "(" + charLength + ")";
            case "NUMERIC", "DECIMAL":
                if (precision == null) {
                    return t;
                }
                return t + "(" + precision + (scale == null ? "" : ", " + scale) + ")";
            case "TIMESTAMP", "TIME":
                return datetimePrecision == null ? t : t + "(" + datetimePrecision + ")";
            case "TIMESTAMP WITH TIME ZONE", "TIME WITH TIME ZONE": {
                String head = t.substring(0, t.indexOf(' '));
                return datetimePrecision == null ? t : head + "(" + datetimePrecision + ") WITH TIME ZONE";
            }
            default:
                return t;
        }
    }

    @Override
    protected boolean isImplicitIndex(Connection c, String table, String indexName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql("implicit_indexes"))) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (indexName.equals(rs.getString(1))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Override
    public Object readValue(ResultSet rs, int index, Column column) throws SQLException {
        String base = baseType(column.declaredType());
        if (column.jdbcType() == Types.ARRAY || base.endsWith(" array")) {
            Array array = rs.getArray(index);
            if (array == null) {
                return null;
            }
            List<Object> out = new ArrayList<>();
            for (Object v : (Object[]) array.getArray()) {
                out.add(normalise(v));
            }
            return out;
        }
        if (base.equals("uuid")) {
            Object v = rs.getObject(index);
            return v == null ? null : v.toString();
        }
        if (base.equals("json") || base.equals("interval") || base.startsWith("interval ")
                || base.equals("time with time zone")) {
            return rs.getString(index);
        }
        return super.readValue(rs, index, column);
    }
}
