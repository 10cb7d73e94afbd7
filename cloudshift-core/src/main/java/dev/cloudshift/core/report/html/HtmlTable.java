package dev.cloudshift.core.report.html;

import java.util.ArrayList;
import java.util.List;

/**
 * A table under construction: header cells (escaped text) and rows of cells that are already HTML. Numeric
 * columns are right-aligned; a row may carry a class ({@code differs}, {@code total}).
 */
final class HtmlTable {

    private final List<String> headers;
    private final boolean[] numeric;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> rowClasses = new ArrayList<>();
    private String tableClass = "";

    HtmlTable(String... headers) {
        this.headers = List.of(headers);
        this.numeric = new boolean[headers.length];
    }

    /** Marks columns (0-based) as numeric: right-aligned with tabular figures. */
    HtmlTable numeric(int... columns) {
        for (int c : columns) {
            numeric[c] = true;
        }
        return this;
    }

    HtmlTable cssClass(String cls) {
        this.tableClass = cls;
        return this;
    }

    HtmlTable row(String... cells) {
        return row(null, List.of(cells));
    }

    HtmlTable row(String cls, List<String> cells) {
        rows.add(List.copyOf(cells));
        rowClasses.add(cls);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void appendTo(StringBuilder html) {
        html.append("<div class=\"table-wrap\"><table").append(tableClass.isEmpty() ? "" : " class=\"" + tableClass + "\"")
                .append(">\n<thead><tr>");
        for (int i = 0; i < headers.size(); i++) {
            html.append(numeric[i] ? "<th class=\"num\">" : "<th>").append(HtmlText.text(headers.get(i))).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < rows.size(); r++) {
            String cls = rowClasses.get(r);
            html.append(cls == null ? "<tr>" : "<tr class=\"" + cls + "\">");
            List<String> cells = rows.get(r);
            for (int i = 0; i < cells.size(); i++) {
                boolean num = i < numeric.length && numeric[i];
                html.append(num ? "<td class=\"num\">" : "<td>").append(cells.get(i)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table></div>\n");
    }
}
