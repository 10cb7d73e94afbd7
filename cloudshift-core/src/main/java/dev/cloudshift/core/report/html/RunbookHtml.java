package dev.cloudshift.core.report.html;

import static dev.cloudshift.core.report.html.HtmlText.code;
import static dev.cloudshift.core.report.html.HtmlText.inline;
import static dev.cloudshift.core.report.html.HtmlText.text;
import static dev.cloudshift.core.report.html.HtmlText.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The runbook sections of a plan (issue 6: strategy, phases, risks, rollback, checklists, environment matrix)
 * as HTML, read from the JSON-like value each section contributes to plan.json. A member that is absent is
 * skipped, so a plan with a partial runbook still renders.
 */
final class RunbookHtml {

    static final Set<String> KEYS = Set.of("strategy", "phases", "risks", "rollback", "checklists", "environment_matrix");

    private RunbookHtml() {
    }

    static void render(String key, Object json, StringBuilder html) {
        switch (key) {
            case "strategy" -> strategy(map(json), html);
            case "phases" -> phases(list(json), html);
            case "risks" -> risks(list(json), html);
            case "rollback" -> rollback(map(json), html);
            case "checklists" -> checklists(list(json), html);
            case "environment_matrix" -> matrix(map(json), html);
            default -> JsonHtml.render(json, html);
        }
    }

    // ---- strategy ----

    private static void strategy(Map<String, Object> s, StringBuilder html) {
        String recommended = str(s.get("recommended"));
        Map<String, Object> chosen = null;
        for (Object o : list(s.get("options"))) {
            Map<String, Object> opt = map(o);
            if (Boolean.TRUE.equals(opt.get("recommended")) || (recommended != null && recommended.equals(opt.get("id")))) {
                chosen = opt;
            }
        }
        if (recommended != null) {
            html.append("<div class=\"callout\"><p class=\"callout-title\">Recommended: ")
                    .append(text(chosen != null ? str(chosen.get("name")) : recommended)).append("</p>");
            if (chosen != null && chosen.get("summary") != null) {
                html.append("<p>").append(inline(str(chosen.get("summary")))).append("</p>");
            }
            bullets(list(s.get("reasons")), html);
            html.append("</div>\n");
        }
        List<Object> options = list(s.get("options"));
        if (!options.isEmpty()) {
            html.append("<h3>Options compared</h3>\n");
            HtmlTable t = new HtmlTable("Strategy", "Summary", "Pros", "Cons", "Best for");
            for (Object o : options) {
                Map<String, Object> opt = map(o);
                boolean rec = Boolean.TRUE.equals(opt.get("recommended"));
                t.row(rec ? "recommended" : null, List.of(
                        "<strong>" + text(str(opt.get("name"))) + "</strong>" + (rec ? " <span class=\"badge good\">recommended</span>" : ""),
                        inline(str(opt.get("summary"))), ul(list(opt.get("pros"))), ul(list(opt.get("cons"))),
                        inline(str(opt.get("best_for")))));
            }
            t.appendTo(html);
        }
        List<Object> data = list(s.get("data"));
        if (!data.isEmpty()) {
            html.append("<h3>Data strategy per store</h3>\n");
            HtmlTable t = new HtmlTable("Store", "Environments", "Engine", "Size (GB)", "Method", "Tool", "Target", "Why")
                    .numeric(3);
            for (Object o : data) {
                Map<String, Object> d = map(o);
                t.row(code(str(d.get("resource"))), codes(list(d.get("environments"))),
                        text(str(d.get("engine") != null ? d.get("engine") : d.get("category"))),
                        d.get("storage_gb") == null ? "–" : text(value(d.get("storage_gb"))),
                        "<strong>" + text(str(d.get("method"))) + "</strong>", inline(str(d.get("tool"))),
                        text(str(d.get("target_service"))), inline(str(d.get("reason"))));
            }
            t.appendTo(html);
        }
        Map<String, Object> effort = map(s.get("effort"));
        if (!effort.isEmpty()) {
            html.append("<h3>Effort and team</h3>\n<div class=\"cards\">");
            card(html, "Estimated effort", value(effort.get("total_hours")) + " h",
                    effort.get("low_hours") == null ? null : "range " + value(effort.get("low_hours")) + "–" + value(effort.get("high_hours")) + " h");
            card(html, "Duration", value(effort.get("duration_days")) + " days",
                    effort.get("hours_per_day") == null ? null : value(effort.get("hours_per_day")) + " productive hours a day");
            html.append("</div>\n");
            Map<String, Object> byRole = map(effort.get("hours_by_role"));
            Map<String, Object> team = map(effort.get("team"));
            if (!byRole.isEmpty()) {
                HtmlTable t = new HtmlTable("Role", "Hours", "People").numeric(1, 2).cssClass("narrow");
                byRole.forEach((role, h) -> t.row(text(role), text(value(h)), team.containsKey(role) ? text(value(team.get(role))) : "–"));
                t.appendTo(html);
            }
            List<Object> order = list(effort.get("service_order"));
            if (!order.isEmpty()) {
                html.append("<p>Service order (backends before the frontends that call them): ");
                List<String> steps = new ArrayList<>();
                for (Object step : order) {
                    steps.add(codes(list(step)));
                }
                html.append(String.join(" → ", steps)).append(".</p>\n");
            }
        }
        Map<String, Object> facts = map(s.get("facts"));
        if (!facts.isEmpty()) {
            html.append("<h3>Facts the recommendation is based on</h3>\n");
            HtmlTable t = new HtmlTable("Fact", "Value").cssClass("narrow");
            facts.forEach((k, v) -> t.row(code(k), text(value(v))));
            t.appendTo(html);
        }
    }

    private static void card(StringBuilder html, String label, String big, String small) {
        html.append("<div class=\"card\"><div class=\"card-label\">").append(text(label)).append("</div><div class=\"card-value\">")
                .append(text(big)).append("</div>");
        if (small != null) {
            html.append("<div class=\"card-note\">").append(text(small)).append("</div>");
        }
        html.append("</div>");
    }

    // ---- phases ----

    /** The phases as Gantt bars: start/end days when the plan has them, else laid end to end from durations. */
    static List<GanttChart.Bar> bars(Object phasesJson) {
        List<GanttChart.Bar> bars = new ArrayList<>();
        double cursor = 0;
        for (Object o : list(phasesJson)) {
            Map<String, Object> p = map(o);
            Double start = num(p.get("start_day"));
            Double end = num(p.get("end_day"));
            Double duration = num(p.get("duration_days"));
            if (start == null) {
                start = cursor;
            }
            if (end == null) {
                if (duration == null) {
                    return List.of();
                }
                end = start + duration;
            }
            cursor = Math.max(cursor, end);
            String detail = "day " + HtmlText.number(start) + " to day " + HtmlText.number(end)
                    + (p.get("effort_hours") == null ? "" : ", " + value(p.get("effort_hours")) + " h");
            bars.add(new GanttChart.Bar(str(p.get("name")), start, end, detail));
        }
        return bars;
    }

    private static void phases(List<Object> phases, StringBuilder html) {
        if (phases.isEmpty()) {
            html.append("<p class=\"muted\">No phases in this plan.</p>\n");
            return;
        }
        List<GanttChart.Bar> bars = bars(phases);
        html.append("<h3>Timeline</h3>\n");
        if (bars.isEmpty()) {
            html.append("<p class=\"muted\">The phases carry no start/end days or durations, so no timeline is drawn.</p>\n");
        } else {
            html.append("<figure>").append(GanttChart.svg(bars, "Timeline of the migration phases (days)"))
                    .append("<figcaption>Timeline in working days from the start of the migration; phases that overlap run in parallel.</figcaption></figure>\n");
        }
        html.append("<h3>Phases</h3>\n");
        HtmlTable t = new HtmlTable("#", "Phase", "Start day", "End day", "Duration (days)", "Effort (h)", "Entry criteria", "Exit criteria")
                .numeric(0, 2, 3, 4, 5);
        int n = 1;
        for (Object o : phases) {
            Map<String, Object> p = map(o);
            t.row(String.valueOf(n++), "<strong>" + text(str(p.get("name"))) + "</strong>", text(value(p.get("start_day"))),
                    text(value(p.get("end_day"))), text(value(p.get("duration_days"))), text(value(p.get("effort_hours"))),
                    ul(list(p.get("entry"))), ul(list(p.get("exit"))));
        }
        t.appendTo(html);
        n = 1;
        for (Object o : phases) {
            Map<String, Object> p = map(o);
            List<Object> tasks = list(p.get("tasks"));
            html.append("<h3 class=\"phase-title\">Phase ").append(n++).append(": ").append(text(str(p.get("name")))).append("</h3>\n");
            if (tasks.isEmpty()) {
                html.append("<p class=\"muted\">No tasks.</p>\n");
                continue;
            }
            HtmlTable tt = new HtmlTable("Task", "Resources", "Role", "Effort (h)").numeric(3).cssClass("tasks");
            for (Object to : tasks) {
                Map<String, Object> task = map(to);
                tt.row(inline(str(task.get("name"))), codes(list(task.get("resources"))), text(str(task.get("role"))),
                        text(value(task.get("effort_hours"))));
            }
            tt.appendTo(html);
        }
    }

    // ---- risks ----

    private static void risks(List<Object> risks, StringBuilder html) {
        if (risks.isEmpty()) {
            html.append("<p>No risk rule fired for this estate.</p>\n");
            return;
        }
        HtmlTable t = new HtmlTable("Risk", "Impact", "Probability", "Where", "Mitigation");
        for (Object o : risks) {
            Map<String, Object> r = map(o);
            String where = codes(list(r.get("environments")));
            List<Object> details = list(r.get("details"));
            if (!details.isEmpty()) {
                where += ul(details);
            } else if (!list(r.get("resources")).isEmpty()) {
                where += "<br>" + codes(list(r.get("resources")));
            }
            t.row("<strong>" + text(str(r.get("title"))) + "</strong>", level(str(r.get("impact"))),
                    level(str(r.get("probability"))), where, ul(list(r.get("mitigation"))));
        }
        t.appendTo(html);
    }

    /** A Critical/High/Medium/Low word as a coloured badge. */
    static String level(String s) {
        if (s == null) {
            return "–";
        }
        String cls = switch (s.toLowerCase(Locale.ROOT)) {
            case "critical" -> "critical";
            case "high" -> "bad";
            case "medium" -> "warn";
            case "low" -> "good";
            default -> "neutral";
        };
        return "<span class=\"badge " + cls + "\">" + text(s) + "</span>";
    }

    // ---- rollback ----

    private static void rollback(Map<String, Object> r, StringBuilder html) {
        List<Object> phases = list(r.get("phases"));
        if (!phases.isEmpty()) {
            HtmlTable t = new HtmlTable("Phase", "Trigger", "Steps", "Expected minutes").numeric(3);
            for (Object o : phases) {
                Map<String, Object> p = map(o);
                t.row("<strong>" + text(str(p.get("phase"))) + "</strong>", inline(str(p.get("trigger"))),
                        ol(list(p.get("steps"))), text(value(p.get("expected_minutes"))));
            }
            t.appendTo(html);
        }
        List<Object> points = list(r.get("decision_points"));
        if (!points.isEmpty()) {
            html.append("<h3>Decision points</h3>\n");
            HtmlTable t = new HtmlTable("Decision", "Before", "Go criteria");
            for (Object o : points) {
                Map<String, Object> p = map(o);
                t.row("<strong>" + text(str(p.get("name"))) + "</strong>", text(str(p.get("before"))), ul(list(p.get("criteria"))));
            }
            t.appendTo(html);
        }
    }

    // ---- checklists ----

    private static void checklists(List<Object> lists, StringBuilder html) {
        if (lists.isEmpty()) {
            html.append("<p class=\"muted\">No checklists.</p>\n");
            return;
        }
        html.append("<div class=\"checklists\">\n");
        for (Object o : lists) {
            Map<String, Object> c = map(o);
            List<Object> items = list(c.get("items"));
            html.append("<div class=\"checklist\"><h3>").append(text(str(c.get("name")))).append(" <span class=\"count\">")
                    .append(items.size()).append("</span></h3>\n<ul class=\"checks\">\n");
            for (Object io : items) {
                Map<String, Object> item = map(io);
                html.append("<li>").append(inline(str(item.get("text") != null ? item.get("text") : io)));
                if (item.get("command") != null) {
                    html.append("<pre class=\"command\"><code>").append(text(str(item.get("command")))).append("</code></pre>");
                }
                html.append("</li>\n");
            }
            html.append("</ul></div>\n");
        }
        html.append("</div>\n");
    }

    // ---- environment matrix ----

    private static void matrix(Map<String, Object> m, StringBuilder html) {
        List<String> envs = new ArrayList<>();
        list(m.get("environments")).forEach(e -> envs.add(str(e)));
        Map<String, Object> roles = map(m.get("roles"));
        List<Object> rows = list(m.get("rows"));
        long differing = rows.stream().filter(r -> Boolean.TRUE.equals(map(r).get("differs"))).count();
        if (!roles.isEmpty()) {
            html.append("<p>Environment roles: ");
            List<String> parts = new ArrayList<>();
            roles.forEach((env, role) -> parts.add(code(env) + " " + text(str(role))));
            html.append(String.join(", ", parts)).append(".</p>\n");
        }
        if (!rows.isEmpty()) {
            html.append("<p>").append(rows.size()).append(" settings, <span class=\"differs-key\">").append(differing)
                    .append(" differ between environments</span> (highlighted). ")
                    .append("<label class=\"js-only\"><input type=\"checkbox\" id=\"only-differences\"> show only differences</label></p>\n");
            List<String> headers = new ArrayList<>(List.of("Resource / variable", "Setting"));
            envs.forEach(headers::add);
            HtmlTable t = new HtmlTable(headers.toArray(String[]::new)).cssClass("matrix");
            for (Object o : rows) {
                Map<String, Object> r = map(o);
                Map<String, Object> values = map(r.get("values"));
                List<String> cells = new ArrayList<>();
                cells.add(r.get("resource") == null ? "<span class=\"muted\">variable</span>" : code(str(r.get("resource"))));
                cells.add(code(str(r.get("setting"))));
                for (String env : envs) {
                    Object v = values.get(env);
                    cells.add(v == null ? "<span class=\"muted\">–</span>" : text(value(v)));
                }
                t.row(Boolean.TRUE.equals(r.get("differs")) ? "differs" : "same", cells);
            }
            t.appendTo(html);
        }
        List<Object> drift = list(m.get("drift"));
        html.append("<h3>Drift findings</h3>\n");
        if (drift.isEmpty()) {
            html.append("<p>No drift rule fired.</p>\n");
        } else {
            HtmlTable t = new HtmlTable("Rule", "Severity", "Resource", "Environments", "Detail");
            for (Object o : drift) {
                Map<String, Object> d = map(o);
                t.row("<strong>" + text(str(d.get("title"))) + "</strong>", level(str(d.get("severity"))),
                        code(str(d.get("resource"))), codes(list(d.get("environments"))), inline(str(d.get("detail"))));
            }
            t.appendTo(html);
        }
        List<Object> promotion = list(m.get("promotion"));
        if (!promotion.isEmpty()) {
            html.append("<h3>Promotion rules</h3>\n");
            HtmlTable t = new HtmlTable("From", "To", "Trigger", "Approval", "Testing");
            for (Object o : promotion) {
                Map<String, Object> p = map(o);
                t.row(code(str(p.get("from"))), code(str(p.get("to"))), inline(str(p.get("trigger"))),
                        inline(str(p.get("approval"))), inline(str(p.get("testing"))));
            }
            t.appendTo(html);
        }
    }

    // ---- JSON-like access ----

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    static String str(Object o) {
        return o == null ? null : o instanceof String s ? s : value(o);
    }

    private static Double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    static String ul(List<Object> items) {
        if (items.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("<ul>");
        items.forEach(i -> sb.append("<li>").append(inline(str(i))).append("</li>"));
        return sb.append("</ul>").toString();
    }

    private static String ol(List<Object> items) {
        if (items.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("<ol>");
        items.forEach(i -> sb.append("<li>").append(inline(str(i))).append("</li>"));
        return sb.append("</ol>").toString();
    }

    private static void bullets(List<Object> items, StringBuilder html) {
        html.append(ul(items));
    }

    static String codes(List<Object> items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(code(str(i))));
        return String.join(", ", out);
    }
}
