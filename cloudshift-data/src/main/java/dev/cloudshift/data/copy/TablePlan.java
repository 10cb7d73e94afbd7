package dev.cloudshift.data.copy;

import dev.cloudshift.data.cast.ValueConverter;
import dev.cloudshift.data.schema.Table;
import java.util.List;

/**
 * How one source table lands in the target: the DDL to create it without constraints, the column list to load
 * (in source column order), one conversion per column (null where the value passes through unchanged), and the
 * post-data DDL in the order the copy runs it: keys and indexes of every table first, then foreign keys, then
 * sequences/identities set past the copied maximum.
 *
 * @param source         the introspected source table
 * @param targetTable    the target table name, quoted for the target
 * @param targetColumns  target column names, quoted, in source column order
 * @param conversions    per column, or null entries for pass-through
 * @param createTable    statements creating the table (no keys, no foreign keys)
 * @param keysAndIndexes primary key, unique keys and indexes
 * @param foreignKeys    foreign keys
 * @param sequences      statements moving sequences/identities past the copied maximum
 * @param notes          what the translation dropped or changed, shown to the user
 */
public record TablePlan(
        Table source,
        String targetTable,
        List<String> targetColumns,
        List<ValueConverter> conversions,
        List<String> createTable,
        List<String> keysAndIndexes,
        List<String> foreignKeys,
        List<String> sequences,
        List<String> notes) {

    public TablePlan {
        targetColumns = List.copyOf(targetColumns);
        conversions = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(conversions));
        createTable = List.copyOf(createTable);
        keysAndIndexes = List.copyOf(keysAndIndexes);
        foreignKeys = List.copyOf(foreignKeys);
        sequences = List.copyOf(sequences);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
