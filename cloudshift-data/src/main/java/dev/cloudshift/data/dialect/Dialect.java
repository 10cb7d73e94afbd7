package dev.cloudshift.data.dialect;

import dev.cloudshift.data.schema.Column;
import dev.cloudshift.data.schema.Schema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What differs between databases. One class per database, extending {@link BaseDialect} and overriding only
 * what differs; catalog queries live in {@code dialects/<name>/*.sql} resources and cast rules in
 * {@code typemaps/<source>-to-<target>.yaml}.
 */
public interface Dialect {

    /** Short name used in cast-rule files and messages: {@code postgresql}, {@code mysql}, {@code sqlite}, {@code h2}. */
    String name();

    /** True when this dialect handles the JDBC URL. */
    boolean accepts(String jdbcUrl);

    /** Quotes an identifier for this database. */
    String quote(String identifier);

    /**
     * Reads user tables (no system or catalog tables) with their columns, primary keys, unique keys, indexes and
     * foreign keys, ordered so that referenced tables come before the tables referencing them.
     */
    Schema introspect(Connection connection) throws SQLException;

    /**
     * Sets up a session for copying: UTC time zone and UTF-8 everywhere, so timestamps and text read and write
     * the same on every database. Call once per connection, source and target alike.
     */
    void prepareSession(Connection connection) throws SQLException;

    /**
     * Reads column {@code index} (1-based) of the current row as a normalised Java value: null for SQL NULL, else
     * Long (integer types up to 64-bit signed), BigDecimal (decimals, unsigned 64-bit integers), Double or Float,
     * Boolean, String, byte[], LocalDate, LocalTime, LocalDateTime (timestamp without zone), OffsetDateTime (with
     * zone, in UTC), or {@link ZeroDate} for a MySQL zero date. Database-specific values (PostgreSQL arrays,
     * json, uuid, intervals) are read as their text form.
     */
    Object readValue(ResultSet rs, int index, Column column) throws SQLException;

    /**
     * A reader of this column's values, equivalent to {@link #readValue} on a result whose column was selected with
     * {@link #selectExpression}; dialects override it to decide the type dispatch once per column.
     */
    default ColumnReader reader(Column column) {
        return (rs, index) -> readValue(rs, index, column);
    }

    /**
     * The select-list expression that reads a column for copying: the quoted name, or an expression giving the
     * same value in a form that is cheaper to read through the driver (MySQL dates and times as their text).
     */
    default String selectExpression(Column column) {
        return quote(column.name());
    }

    /**
     * Driver properties for a connection that streams whole tables out (a copy's source connections), applied only
     * where the URL does not set them itself.
     */
    default java.util.Map<String, String> bulkReadProperties() {
        return java.util.Map.of();
    }
}
