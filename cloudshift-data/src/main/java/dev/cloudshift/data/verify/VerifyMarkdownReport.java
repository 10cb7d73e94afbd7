package dev.cloudshift.data.verify;

import java.util.Locale;
import java.util.Map;

/** The report for people: a verdict, one line per table, then the differences found (up to the cap). */
public final class VerifyMarkdownReport {

    private static final int SHOWN = 50;

    private VerifyMarkdownReport() {
    }

    public static String render(VerifyReport r) {
        StringBuilder b = new StringBuilder();
        b.append("# Data verification: ").append(r.equal() ? "equal" : "DIFFERENT").append("\n\n");
        b.append("- Source: ").append(r.source()).append('\n');
        b.append("- Target: ").append(r.target()).append('\n');
        b.append("- Mode: ").append(r.queries().isEmpty() ? r.mode().cliName() : "query").append('\n');
        b.append(String.format(Locale.ROOT, "- Took: %.1f s%n%n", r.seconds()));
        if (!r.tables().isEmpty()) {
            b.append("| table | source rows | target rows | result | missing | extra | changed |\n");
            b.append("| --- | ---: | ---: | --- | ---: | ---: | ---: |\n");
            for (TableResult t : r.tables()) {
                b.append("| ").append(cell(t.table())).append(" | ").append(n(t.sourceRows())).append(" | ")
                        .append(n(t.targetRows())).append(" | ")
                        .append(t.equal() ? "equal" : t.problem() != null ? "**" + t.problem() + "**" : "**different**")
                        .append(" | ").append(t.missing()).append(" | ").append(t.extra()).append(" | ")
                        .append(t.changed()).append(" |\n");
            }
            for (TableResult t : r.tables()) {
                if (t.differences().isEmpty() && t.columnsOnlyInSource().isEmpty() && t.columnsOnlyInTarget().isEmpty()) {
                    continue;
                }
                b.append("\n## ").append(t.table()).append("\n\n");
                if (!t.columnsOnlyInSource().isEmpty()) {
                    b.append("Columns only in the source: ").append(String.join(", ", t.columnsOnlyInSource())).append("\n\n");
                }
                if (!t.columnsOnlyInTarget().isEmpty()) {
                    b.append("Columns only in the target: ").append(String.join(", ", t.columnsOnlyInTarget())).append("\n\n");
                }
                differences(b, t.differences(), t.differenceCount());
            }
        }
        for (QueryResult q : r.queries()) {
            b.append("\n## Query ").append(q.index()).append(" (line ").append(q.line()).append("): ")
                    .append(q.equal() ? "same result" : "**different**").append("\n\n");
            b.append("```sql\n").append(q.sql()).append("\n```\n\n");
            b.append("Rows: source ").append(q.sourceRows()).append(", target ").append(q.targetRows())
                    .append(q.ordered() ? " (compared in order)" : " (compared as multisets)").append("\n\n");
            if (q.error() != null) {
                b.append("Error: ").append(q.error()).append("\n\n");
            }
            differences(b, q.differences(), q.differenceCount());
        }
        return b.toString();
    }

    private static void differences(StringBuilder b, java.util.List<Difference> ds, long total) {
        if (ds.isEmpty()) {
            return;
        }
        b.append("| key | kind | columns |\n| --- | --- | --- |\n");
        int shown = 0;
        for (Difference d : ds) {
            if (shown++ == SHOWN) {
                break;
            }
            b.append("| ").append(cell(key(d.key()))).append(" | ").append(d.kind()).append(" | ")
                    .append(cell(String.join(", ", d.columns()))).append(" |\n");
        }
        if (total > Math.min(ds.size(), SHOWN)) {
            b.append("\n").append(total - Math.min(ds.size(), SHOWN)).append(" more not shown here")
                    .append(" (the JSON report lists up to ").append(ds.size()).append(").\n");
        }
    }

    private static String key(Object k) {
        if (k instanceof Map<?, ?> m) {
            StringBuilder s = new StringBuilder();
            m.forEach((a, v) -> s.append(s.length() == 0 ? "" : ", ").append(a).append('=').append(v));
            return s.toString();
        }
        return String.valueOf(k);
    }

    private static String n(Long v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%,d", v);
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", "\\n").replace("\r", "\\r");
    }
}
