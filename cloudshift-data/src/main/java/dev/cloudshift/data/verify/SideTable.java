package dev.cloudshift.data.verify;

import java.util.List;

/**
 * A table as one side sees it: its name there, the compared columns (in the order both sides use), their kinds on
 * this side, the positions of the key columns (empty when the table has no primary key) and whether the first key
 * column is an integer that key ranges can split.
 */
public record SideTable(String table, List<String> columns, List<ValueKind> kinds, List<Integer> keyIndexes,
                        boolean rangeKey) {
    public SideTable {
        columns = List.copyOf(columns);
        kinds = List.copyOf(kinds);
        keyIndexes = List.copyOf(keyIndexes);
    }

    public boolean hasKey() {
        return !keyIndexes.isEmpty();
    }
}
