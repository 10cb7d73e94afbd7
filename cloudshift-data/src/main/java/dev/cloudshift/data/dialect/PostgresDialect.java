package dev.cloudshift.data.dialect;

import dev.cloudshift.data.schema.Column;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** PostgreSQL: exact types and identity/serial from pg_catalog; arrays, timestamptz and text forms on read. */
public class PostgresDialect extends BaseDialect {

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public void prepareSession(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
        }
    }

    @Override
    public Object readValue(ResultSet rs, int index, Column column) throws SQLException {
        String base = baseType(column.declaredType());
        if (column.jdbcType() == Types.ARRAY || base.endsWith("[]")) {
            Array array = rs.getArray(index);
            if (array == null) {
                return null;
            }
            try {
                return toList((Object[]) array.getArray());
            } finally {
                array.free();
            }
        }
        if (base.equals("timestamp with time zone")) {
            try {
                return utc(rs.getObject(index, OffsetDateTime.class));
            } catch (java.time.DateTimeException | SQLException e) {
                // pgjdbc cannot make an OffsetDateTime of 'infinity'
                String text = rs.getString(index);
                if ("infinity".equals(text)) {
                    return OffsetDateTime.MAX;
                }
                if ("-infinity".equals(text)) {
                    return OffsetDateTime.MIN;
                }
                throw e;
            }
        }
        // bit strings as text ("1", "0101"): PostgreSQL reads bit input only in that form
        if (base.equals("time with time zone") || base.equals("money") || base.equals("interval")
                || base.equals("bit") || base.startsWith("bit varying")) {
            return rs.getString(index);
        }
        return super.readValue(rs, index, column);
    }

    private static List<Object> toList(Object[] values) throws SQLException {
        List<Object> out = new ArrayList<>(values.length);
        for (Object v : values) {
            out.add(v instanceof Object[] nested ? toList(nested) : normalise(v));
        }
        return out;
    }
}
