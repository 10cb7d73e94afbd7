package dev.cloudshift.data.mask;

import dev.cloudshift.data.cast.RejectedValueException;
import dev.cloudshift.data.cast.ValueConverter;
import java.util.Locale;
import java.util.Map;

/** Masks the values of one table's columns; columns no rule names pass through unchanged. */
public final class Masker {

    private final String table;
    private final Map<String, ValueConverter> byColumn;

    Masker(String table, Map<String, ValueConverter> byColumn) {
        this.table = table;
        this.byColumn = Map.copyOf(byColumn);
    }

    public String table() {
        return table;
    }

    /** Whether any rule changes this column. */
    public boolean masks(String column) {
        return byColumn.containsKey(column.toLowerCase(Locale.ROOT));
    }

    /** The masking function for a column, or null when it is copied unchanged. */
    public ValueConverter forColumn(String column) {
        return byColumn.get(column.toLowerCase(Locale.ROOT));
    }

    /** The masked value of one column. */
    public Object mask(String column, Object value) {
        ValueConverter f = forColumn(column);
        if (f == null) {
            return value;
        }
        try {
            return f.convert(value);
        } catch (RejectedValueException e) {
            throw new IllegalStateException("masking " + table + "." + column + ": " + e.reason(), e);
        }
    }
}
