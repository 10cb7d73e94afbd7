package dev.cloudshift.data.ddl;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole schema translated for the target, as the ordered steps of a copy: {@link #createTables()} before the
 * data, then {@link #createConstraintsAndIndexes()} (every table's keys and indexes, then every foreign key, so
 * a foreign key always finds its referenced key), then {@link #resetSequences()}.
 */
public record SchemaDdl(List<TableDdl> tables) {

    public SchemaDdl {
        tables = List.copyOf(tables);
    }

    public List<String> createTables() {
        List<String> out = new ArrayList<>();
        tables.forEach(t -> out.addAll(t.createTable()));
        return out;
    }

    public List<String> createConstraintsAndIndexes() {
        List<String> out = new ArrayList<>();
        tables.forEach(t -> out.addAll(t.keysAndIndexes()));
        tables.forEach(t -> out.addAll(t.foreignKeys()));
        return out;
    }

    public List<String> resetSequences() {
        List<String> out = new ArrayList<>();
        tables.forEach(t -> out.addAll(t.sequences()));
        return out;
    }

    /** Creates the tables on the target. */
    public void createTables(Connection target) throws SQLException {
        SchemaTranslator.execute(target, createTables(), null);
    }

    /** Adds keys, indexes and foreign keys after the data is in. */
    public void createConstraintsAndIndexes(Connection target) throws SQLException {
        SchemaTranslator.execute(target, createConstraintsAndIndexes(), null);
    }

    /** Moves identities past the copied maximum. */
    public void resetSequences(Connection target) throws SQLException {
        SchemaTranslator.execute(target, resetSequences(), null);
    }
}
