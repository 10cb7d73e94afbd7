package dev.cloudshift.data.schema;

/**
 * A column as the source database declares it.
 *
 * @param name          column name as stored in the catalog
 * @param declaredType  the type as declared ({@code tinyint(1) unsigned}, {@code varchar(255)}, {@code TIMESTAMP})
 * @param jdbcType      {@link java.sql.Types} code reported by the driver
 * @param length        character length or precision, 0 when not applicable
 * @param scale         numeric scale, 0 when not applicable
 * @param nullable      whether NULL is allowed
 * @param defaultValue  the default expression as declared, or null
 * @param autoIncrement identity, serial or auto_increment
 */
public record Column(
        String name,
        String declaredType,
        int jdbcType,
        int length,
        int scale,
        boolean nullable,
        String defaultValue,
        boolean autoIncrement) {
}
