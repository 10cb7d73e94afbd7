package dev.cloudshift.data.dialect;

import dev.cloudshift.data.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What differs between databases. One class per database, extending {@link BaseDialect} and overriding only
 * what differs; catalog queries and cast rules live in resource files beside it.
 */
public interface Dialect {

    /** Short name used in cast-rule files and messages: {@code postgresql}, {@code mysql}, {@code sqlite}, {@code h2}. */
    String name();

    /** True when this dialect handles the JDBC URL. */
    boolean accepts(String jdbcUrl);

    /** Quotes an identifier for this database. */
    String quote(String identifier);

    /** Reads tables, columns, keys, indexes and foreign keys. */
    Schema introspect(Connection connection) throws SQLException;
}
