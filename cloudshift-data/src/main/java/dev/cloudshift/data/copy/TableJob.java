package dev.cloudshift.data.copy;

import dev.cloudshift.data.cast.ValueConverter;
import dev.cloudshift.data.dialect.ColumnReader;
import dev.cloudshift.data.dialect.Dialect;
import dev.cloudshift.data.schema.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Everything a worker needs to copy chunks of one table; built once per table, shared by all workers. */
final class TableJob {
    final TablePlan plan;
    final TableProgress progress;
    final Column[] columns;
    /** The source dialect's reader per column, type dispatch decided once. */
    final ColumnReader[] readers;
    /** Conversion then mask per column; null entries pass values through. */
    final ValueConverter[] conversions;
    final ValueConverter[] masks;
    final int[] keyIndexes;
    final List<String> keyNames;
    final String selectSql;
    final AtomicInteger chunksLeft = new AtomicInteger();
    /** Chunks this run still has to copy. */
    List<Chunk> pending = List.of();

    TableJob(TablePlan plan, Dialect sourceDialect, ColumnMasks masks, TableProgress progress) {
        this.plan = plan;
        this.progress = progress;
        List<Column> cols = plan.source().columns();
        this.columns = cols.toArray(new Column[0]);
        this.readers = new ColumnReader[columns.length];
        for (int i = 0; i < columns.length; i++) {
            this.readers[i] = sourceDialect.reader(columns[i]);
        }
        this.conversions = plan.conversions().toArray(new ValueConverter[0]);
        this.masks = new ValueConverter[columns.length];
        for (int i = 0; i < columns.length; i++) {
            this.masks[i] = masks.forColumn(plan.source(), columns[i]);
        }
        List<String> pk = plan.source().primaryKey();
        this.keyNames = pk.isEmpty() ? cols.stream().map(Column::name).limit(0).toList() : pk;
        this.keyIndexes = new int[keyNames.size()];
        for (int k = 0; k < keyNames.size(); k++) {
            int idx = -1;
            for (int i = 0; i < columns.length; i++) {
                if (columns[i].name().equalsIgnoreCase(keyNames.get(k))) {
                    idx = i;
                }
            }
            keyIndexes[k] = idx;
        }
        List<String> quoted = new ArrayList<>();
        for (Column c : cols) {
            quoted.add(sourceDialect.selectExpression(c));
        }
        this.selectSql = "SELECT " + String.join(", ", quoted) + " FROM " + sourceDialect.quote(plan.source().name());
    }

    String table() {
        return plan.source().name();
    }

    /** The row's primary-key values, for the reject file (a table without a key: its row number in the chunk). */
    java.util.Map<String, Object> key(Object[] sourceValues, long rowNumber) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        if (keyIndexes.length == 0) {
            m.put("row_in_chunk", rowNumber);
            return m;
        }
        for (int k = 0; k < keyIndexes.length; k++) {
            m.put(keyNames.get(k), keyIndexes[k] < 0 ? null : sourceValues[keyIndexes[k]]);
        }
        return m;
    }
}
