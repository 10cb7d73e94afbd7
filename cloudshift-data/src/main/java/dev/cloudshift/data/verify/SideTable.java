package dev.cloudshift.data.verify;

import java.util.List;

/**
 * A table as one side sees it: its name there, the compared columns (in the order both sides use), their kinds on
 * this side, the positions of the key columns (empty when the table has no primary key), whether the first key
 * column is an integer that key ranges can split, and per column what the schema promises: declared NOT NULL, and
 * the declared scale of a decimal (-1 when unknown), which let the SQL normalisation skip work (NULL handling, a
 * test for a decimal point).
 */
public record SideTable(String table, List<String> columns, List<ValueKind> kinds, List<Integer> keyIndexes,
                        boolean rangeKey, List<Boolean> notNull, List<Integer> scales) {
    public SideTable {
        columns = List.copyOf(columns);
        kinds = List.copyOf(kinds);
        keyIndexes = List.copyOf(keyIndexes);
        notNull = List.copyOf(notNull);
        scales = List.copyOf(scales);
        if (notNull.size() != columns.size() || scales.size() != columns.size()) {
            throw new IllegalArgumentException("one NOT NULL flag and one scale per column");
        }
    }

    /** A table of which nothing more is known: every column nullable, no scales. */
    public SideTable(String table, List<String> columns, List<ValueKind> kinds, List<Integer> keyIndexes,
                     boolean rangeKey) {
        this(table, columns, kinds, keyIndexes, rangeKey, java.util.Collections.nCopies(columns.size(), false),
                java.util.Collections.nCopies(columns.size(), -1));
    }

    public boolean hasKey() {
        return !keyIndexes.isEmpty();
    }
}
