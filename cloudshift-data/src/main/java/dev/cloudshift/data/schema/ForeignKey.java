package dev.cloudshift.data.schema;

import java.util.List;

/** A foreign key from {@code columns} of the owning table to {@code refColumns} of {@code refTable}. */
public record ForeignKey(String name, List<String> columns, String refTable, List<String> refColumns) {
    public ForeignKey {
        columns = List.copyOf(columns);
        refColumns = List.copyOf(refColumns);
    }
}
