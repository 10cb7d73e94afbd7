package dev.cloudshift.data.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable report: {@code {"equal", "tables": [{"table", "source_rows", "target_rows", "differences":
 * [{"key", "kind", "columns"}]}]}} plus counts, the cap flag and (with {@code --query}) per-query results.
 */
public final class VerifyJsonReport {

    private VerifyJsonReport() {
    }

    public static String render(VerifyReport r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("equal", r.equal());
        root.put("mode", r.mode().cliName());
        root.put("source", r.source());
        root.put("target", r.target());
        root.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        List<Object> tables = new ArrayList<>();
        for (TableResult t : r.tables()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("table", t.table());
            m.put("equal", t.equal());
            m.put("source_rows", t.sourceRows());
            m.put("target_rows", t.targetRows());
            if (t.problem() != null) {
                m.put("problem", t.problem());
            }
            if (!t.columnsOnlyInSource().isEmpty()) {
                m.put("columns_only_in_source", t.columnsOnlyInSource());
            }
            if (!t.columnsOnlyInTarget().isEmpty()) {
                m.put("columns_only_in_target", t.columnsOnlyInTarget());
            }
            m.put("missing", t.missing());
            m.put("extra", t.extra());
            m.put("changed", t.changed());
            m.put("differences_truncated", t.truncated());
            m.put("rows_fetched", t.rowsFetched());
            m.put("differences", differences(t.differences()));
            tables.add(m);
        }
        root.put("tables", tables);
        if (!r.queries().isEmpty()) {
            List<Object> queries = new ArrayList<>();
            for (QueryResult q : r.queries()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("query", q.index());
                m.put("line", q.line());
                m.put("sql", q.sql());
                m.put("equal", q.equal());
                m.put("ordered", q.ordered());
                m.put("source_rows", q.sourceRows());
                m.put("target_rows", q.targetRows());
                if (q.error() != null) {
                    m.put("error", q.error());
                }
                m.put("difference_count", q.differenceCount());
                m.put("differences", differences(q.differences()));
                queries.add(m);
            }
            root.put("queries", queries);
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> differences(List<Difference> ds) {
        List<Object> out = new ArrayList<>();
        for (Difference d : ds) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", d.key());
            m.put("kind", d.kind());
            m.put("columns", d.columns());
            out.add(m);
        }
        return out;
    }
}
