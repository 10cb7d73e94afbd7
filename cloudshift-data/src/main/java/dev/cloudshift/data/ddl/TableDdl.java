package dev.cloudshift.data.ddl;

import dev.cloudshift.data.cast.ColumnCast;
import dev.cloudshift.data.schema.Table;
import java.util.List;

/**
 * One source table translated for the target, as statements in the order a copy runs them.
 *
 * @param source         the introspected source table
 * @param targetTable    the target table name, quoted for the target
 * @param targetColumns  target column names, quoted, in source column order
 * @param casts          one cast per column, in source column order (types, converters)
 * @param createTable    CREATE TABLE (with only what the target cannot add later: SQLite keys, MySQL's primary key)
 * @param keysAndIndexes after the load: primary key, unique keys, indexes
 * @param foreignKeys    after every table's keys: foreign keys
 * @param sequences      after the load: identity/serial/auto-increment moved past the copied maximum
 * @param notes          what the translation dropped or changed, for the user
 */
public record TableDdl(
        Table source,
        String targetTable,
        List<String> targetColumns,
        List<ColumnCast> casts,
        List<String> createTable,
        List<String> keysAndIndexes,
        List<String> foreignKeys,
        List<String> sequences,
        List<String> notes) {

    public TableDdl {
        targetColumns = List.copyOf(targetColumns);
        casts = List.copyOf(casts);
        createTable = List.copyOf(createTable);
        keysAndIndexes = List.copyOf(keysAndIndexes);
        foreignKeys = List.copyOf(foreignKeys);
        sequences = List.copyOf(sequences);
        notes = List.copyOf(notes);
    }
}
