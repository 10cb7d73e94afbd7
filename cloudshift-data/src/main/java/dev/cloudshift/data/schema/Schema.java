package dev.cloudshift.data.schema;

import java.util.List;

/** The tables of one database (or schema) in dependency order: referenced tables first. */
public record Schema(List<Table> tables) {
    public Schema {
        tables = List.copyOf(tables);
    }

    public Table table(String name) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }
}
