package dev.cloudshift.core.report.html;

import static dev.cloudshift.core.report.html.HtmlText.code;
import static dev.cloudshift.core.report.html.HtmlText.inline;
import static dev.cloudshift.core.report.html.HtmlText.text;
import static dev.cloudshift.core.report.html.HtmlText.value;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Any plan section this writer has no dedicated layout for (a later stage's), rendered from its JSON-like
 * value: a list of objects becomes a table with the union of their members, an object a two-column table,
 * scalars and lists of scalars text.
 */
final class JsonHtml {

    private JsonHtml() {
    }

    static void render(Object json, StringBuilder html) {
        html.append(block(json, 0));
    }

    private static String block(Object json, int depth) {
        if (json instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                return "<p class=\"muted\">(empty)</p>\n";
            }
            HtmlTable t = new HtmlTable("Item", "Value");
            m.forEach((k, v) -> t.row(code(String.valueOf(k)), cell(v, depth + 1)));
            StringBuilder sb = new StringBuilder();
            t.appendTo(sb);
            return sb.toString();
        }
        if (json instanceof List<?> l) {
            if (l.isEmpty()) {
                return "<p class=\"muted\">(none)</p>\n";
            }
            if (l.stream().allMatch(o -> o instanceof Map<?, ?>)) {
                Set<String> keys = new LinkedHashSet<>();
                l.forEach(o -> ((Map<?, ?>) o).keySet().forEach(k -> keys.add(String.valueOf(k))));
                HtmlTable t = new HtmlTable(keys.toArray(String[]::new));
                for (Object o : l) {
                    List<String> cells = new ArrayList<>();
                    for (String k : keys) {
                        cells.add(cell(((Map<?, ?>) o).get(k), depth + 1));
                    }
                    t.row(null, cells);
                }
                StringBuilder sb = new StringBuilder();
                t.appendTo(sb);
                return sb.toString();
            }
            StringBuilder sb = new StringBuilder("<ul>");
            l.forEach(o -> sb.append("<li>").append(cell(o, depth + 1)).append("</li>"));
            return sb.append("</ul>\n").toString();
        }
        return "<p>" + inline(value(json)) + "</p>\n";
    }

    private static String cell(Object v, int depth) {
        if (v instanceof Map<?, ?> || (v instanceof List<?> l && l.stream().anyMatch(o -> o instanceof Map<?, ?> || o instanceof List<?>))) {
            return depth > 3 ? text(String.valueOf(v)) : block(v, depth);
        }
        return inline(value(v));
    }
}
