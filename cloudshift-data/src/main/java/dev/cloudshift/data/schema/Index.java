package dev.cloudshift.data.schema;

import java.util.List;

/** A secondary index (primary keys are held by {@link Table#primaryKey()}). */
public record Index(String name, List<String> columns, boolean unique) {
    public Index {
        columns = List.copyOf(columns);
    }
}
