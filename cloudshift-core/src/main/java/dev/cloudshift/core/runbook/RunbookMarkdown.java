package dev.cloudshift.core.runbook;

import dev.cloudshift.core.report.MarkdownText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The runbook chapters of plan.md, written from the same values as plan.json. */
final class RunbookMarkdown {

    private static final int MAX_LISTED = 8;

    private RunbookMarkdown() {
    }

    /** Text with `code spans` kept as code and everything else escaped. */
    static String md(Object value) {
        String s = value == null ? "" : value.toString();
        if (s.indexOf('`') < 0) {
            return MarkdownText.text(s); // no code span: the one part below
        }
        StringBuilder out = new StringBuilder();
        String[] parts = s.split("`", -1);
        for (int i = 0; i < parts.length; i++) {
            boolean code = i % 2 == 1 && i < parts.length - 1;
            out.append(code ? MarkdownText.code(parts[i]) : MarkdownText.text(parts[i]));
        }
        return out.toString();
    }

    static String fmt(Object v) {
        if (v == null) {
            return "—";
        }
        if (v instanceof String str && str.isEmpty()) {
            return "(empty)";
        }
        return FactTemplate.format(v instanceof BigDecimal || v instanceof Number || v instanceof List ? v : v.toString());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Object o) {
        return (List<String>) o;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    static String resources(List<String> addresses) {
        if (addresses.isEmpty()) {
            return "—";
        }
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_LISTED, addresses.size()); i++) {
            shown.add(MarkdownText.code(addresses.get(i)));
        }
        String s = String.join(", ", shown);
        return addresses.size() > MAX_LISTED ? s + " and " + (addresses.size() - MAX_LISTED) + " more" : s;
    }

    static String strategy(Runbook rb) {
        Map<String, Object> s = rb.strategy();
        StringBuilder sb = new StringBuilder();
        String recommended = (String) s.get("recommended");
        for (Map<String, Object> o : maps(s.get("options"))) {
            boolean rec = Boolean.TRUE.equals(o.get("recommended"));
            sb.append("### ").append(md(o.get("name"))).append(rec ? " ✅ Recommended" : "").append("\n\n");
            sb.append("**Approach**: ").append(md(o.get("summary"))).append("\n\n");
            sb.append("**Pros**:\n");
            strings(o.get("pros")).forEach(p -> sb.append("- ").append(md(p)).append('\n'));
            sb.append("\n**Cons**:\n");
            strings(o.get("cons")).forEach(p -> sb.append("- ").append(md(p)).append('\n'));
            sb.append("\n**Best for**: ").append(md(o.get("best_for"))).append("\n\n");
        }
        sb.append("### Why ").append(md(nameOf(s, recommended))).append("\n\n");
        strings(s.get("reasons")).forEach(r -> sb.append("- ").append(md(r)).append('\n'));
        sb.append('\n');
        List<Map<String, Object>> data = maps(s.get("data"));
        if (!data.isEmpty()) {
            sb.append("### Data strategy per store\n\n");
            List<List<String>> rows = new ArrayList<>();
            for (Map<String, Object> d : data) {
                rows.add(List.of(MarkdownText.code((String) d.get("resource")), md(d.get("target_service")),
                        d.containsKey("storage_gb") ? fmt(d.get("storage_gb")) + " GB" : "—", "**" + md(d.get("method")) + "**",
                        md(d.get("tool")), md(d.get("reason"))));
            }
            sb.append(MarkdownText.table(List.of("Store", "Target", "Size", "Method", "How", "Reason"), rows)).append('\n');
        }
        Map<String, Object> e = map(s.get("effort"));
        sb.append("### Effort estimate\n\n");
        sb.append("**Total**: ").append(fmt(e.get("low_hours"))).append('-').append(fmt(e.get("high_hours")))
                .append(" hours (point estimate ").append(fmt(e.get("total_hours"))).append(" h), ")
                .append(fmt(e.get("duration_days"))).append(" working days end to end on the timeline below with this team (")
                .append(fmt(e.get("hours_per_day"))).append(" productive hours per person-day; phases overlap where the "
                        + "dependency graph allows, and decommission waits for the soak period).\n\n");
        List<List<String>> rows = new ArrayList<>();
        Map<String, Object> team = map(e.get("team"));
        Map<String, Object> byRole = map(e.get("hours_by_role"));
        for (Map.Entry<String, Object> t : team.entrySet()) {
            rows.add(List.of(md(t.getKey()), fmt(t.getValue()), fmt(byRole.get(t.getKey()))));
        }
        sb.append(MarkdownText.table(List.of("Role", "People", "Hours"), rows));
        return sb.toString();
    }

    private static String nameOf(Map<String, Object> s, String id) {
        for (Map<String, Object> o : maps(s.get("options"))) {
            if (id.equals(o.get("id"))) {
                return (String) o.get("name");
            }
        }
        return id;
    }

    static String phases(Runbook rb) {
        StringBuilder sb = new StringBuilder();
        List<List<String>> summary = new ArrayList<>();
        int n = 1;
        for (Map<String, Object> p : rb.phases()) {
            summary.add(List.of("**Phase " + n++ + ": " + md(p.get("name")) + "**", fmt(p.get("effort_hours")),
                    fmt(p.get("duration_days")), "day " + fmt(p.get("start_day")) + " – " + fmt(p.get("end_day"))));
        }
        Map<String, Object> effort = map(rb.strategy().get("effort"));
        summary.add(List.of("**Total**", "**" + fmt(effort.get("low_hours")) + "-" + fmt(effort.get("high_hours")) + "** (point "
                + fmt(effort.get("total_hours")) + ")", "", "**" + fmt(effort.get("duration_days")) + " working days**"));
        sb.append(MarkdownText.table(List.of("Phase", "Effort (h)", "Duration (days)", "Timeline"), summary)).append('\n');
        sb.append("```mermaid\ngantt\n    title Migration timeline (working days)\n    dateFormat X\n    axisFormat %j\n");
        for (Map<String, Object> p : rb.phases()) {
            sb.append("    section ").append(mermaid((String) p.get("name"))).append('\n');
            sb.append("    ").append(mermaid((String) p.get("name"))).append(" :").append(p.get("id")).append(", ")
                    .append(fmt(p.get("start_day"))).append(", ").append(fmt(p.get("duration_days"))).append("d\n");
        }
        sb.append("```\n\n");
        n = 1;
        for (Map<String, Object> p : rb.phases()) {
            sb.append("### Phase ").append(n++).append(": ").append(md(p.get("name"))).append("\n\n");
            sb.append("**Duration**: ").append(fmt(p.get("duration_days"))).append(" day(s) (day ").append(fmt(p.get("start_day")))
                    .append(" – ").append(fmt(p.get("end_day"))).append(")  \n**Effort**: ").append(fmt(p.get("effort_hours")))
                    .append(" hours");
            for (Map<String, Object> r : maps(rb.rollback().get("phases"))) {
                if (r.get("phase").equals(p.get("name"))) {
                    sb.append("  \n**Rollback**: ").append(fmt(r.get("expected_minutes")))
                            .append(" minutes (see Rollback and decision points)");
                }
            }
            sb.append("\n\n**Entry criteria**:\n");
            strings(p.get("entry")).forEach(x -> sb.append("- ").append(md(x)).append('\n'));
            sb.append('\n');
            List<List<String>> rows = new ArrayList<>();
            for (Map<String, Object> t : maps(p.get("tasks"))) {
                rows.add(List.of(md(t.get("name")), resources(strings(t.get("resources"))), fmt(t.get("effort_hours")),
                        md(t.get("role"))));
            }
            sb.append(MarkdownText.table(List.of("Task", "Resources", "Hours", "Role"), rows)).append('\n');
            sb.append("**Exit criteria**:\n");
            strings(p.get("exit")).forEach(x -> sb.append("- ").append(md(x)).append('\n'));
            sb.append('\n');
        }
        return sb.toString().stripTrailing() + "\n";
    }

    private static String mermaid(String s) {
        return s.replaceAll("[:;#]", " ");
    }

    static String risks(Runbook rb) {
        if (rb.risks().isEmpty()) {
            return "No risk rule fired on this estate.\n";
        }
        StringBuilder sb = new StringBuilder();
        for (String[] group : new String[][] {{"High risk items", "Critical", "High"}, {"Medium risk items", "Medium"},
                {"Low risk items", "Low"}}) {
            List<List<String>> rows = new ArrayList<>();
            for (Map<String, Object> r : rb.risks()) {
                String impact = (String) r.get("impact");
                boolean in = false;
                for (int i = 1; i < group.length; i++) {
                    in |= group[i].equals(impact);
                }
                if (!in) {
                    continue;
                }
                List<String> details = new ArrayList<>();
                strings(r.get("details")).stream().limit(MAX_LISTED).forEach(d -> details.add(md(d)));
                if (strings(r.get("details")).size() > MAX_LISTED) {
                    details.add("and " + (strings(r.get("details")).size() - MAX_LISTED) + " more");
                }
                List<String> mitigation = new ArrayList<>();
                strings(r.get("mitigation")).forEach(m -> mitigation.add("- " + md(m)));
                rows.add(List.of("**" + md(r.get("title")) + "**", impact, md(r.get("probability")),
                        String.join("<br>", mitigation), String.join("<br>", details)));
            }
            if (!rows.isEmpty()) {
                sb.append("### ").append(group[0]).append("\n\n");
                sb.append(MarkdownText.table(List.of("Risk", "Impact", "Probability", "Mitigation", "Concerns"), rows)).append('\n');
            }
        }
        return sb.toString().stripTrailing() + "\n";
    }

    static String rollback(Runbook rb) {
        StringBuilder sb = new StringBuilder();
        for (Map<String, Object> r : maps(rb.rollback().get("phases"))) {
            sb.append("### ").append(md(r.get("phase"))).append(" rollback\n\n");
            sb.append("**Trigger**: ").append(md(r.get("trigger"))).append("\n\n**Steps**:\n");
            int i = 1;
            for (String s : strings(r.get("steps"))) {
                sb.append(i++).append(". ").append(md(s)).append('\n');
            }
            sb.append("\n**Time**: ").append(fmt(r.get("expected_minutes"))).append(" minutes\n\n");
        }
        List<Map<String, Object>> decisions = maps(rb.rollback().get("decision_points"));
        if (!decisions.isEmpty()) {
            sb.append("### Decision points\n\n");
            for (Map<String, Object> d : decisions) {
                sb.append("**").append(md(d.get("name"))).append("** (before ").append(md(d.get("before"))).append(")\n\n");
                strings(d.get("criteria")).forEach(c -> sb.append("- [ ] ").append(md(c)).append('\n'));
                sb.append('\n');
            }
        }
        return sb.toString().stripTrailing() + "\n";
    }

    static String checklists(Runbook rb) {
        return checklists(rb.checklists());
    }

    static String checklists(List<Map<String, Object>> checklists) {
        StringBuilder sb = new StringBuilder();
        for (Map<String, Object> s : checklists) {
            sb.append("### ").append(md(s.get("name"))).append("\n\n");
            List<String> commands = new ArrayList<>();
            for (Map<String, Object> item : maps(s.get("items"))) {
                sb.append("- [ ] ").append(md(item.get("text"))).append('\n');
                if (item.get("command") != null) {
                    commands.add((String) item.get("command"));
                }
            }
            if (!commands.isEmpty()) {
                sb.append("\nVerification commands (set the password variables in the environment first; never put a "
                        + "password in the URL):\n\n```bash\n");
                commands.forEach(c -> sb.append(c).append('\n'));
                sb.append("```\n");
            }
            sb.append('\n');
        }
        return sb.toString().stripTrailing() + "\n";
    }

    static String environmentMatrix(Runbook rb) {
        return environmentMatrix(rb.environmentMatrix());
    }

    static String environmentMatrix(Map<String, Object> m) {
        List<String> envs = strings(m.get("environments"));
        StringBuilder sb = new StringBuilder();
        Map<String, Object> roles = map(m.get("roles"));
        List<String> roleText = new ArrayList<>();
        envs.forEach(e -> roleText.add(MarkdownText.code(e) + " (" + roles.get(e) + ")"));
        sb.append("Environments: ").append(String.join(", ", roleText))
                .append(". Rows marked **≠** differ between environments; — means not set there.\n\n");
        List<Map<String, Object>> rows = maps(m.get("rows"));
        for (String[] part : new String[][] {{"variable", "Variables (tfvars)"}, {"resource", "Resource settings"},
                {"resource_raw", "Caching, concurrency and switches"}}) {
            // written row by row into the chapter (10,000 rows on a large estate), not gathered as cell lists first
            boolean first = true;
            for (Map<String, Object> r : rows) {
                if (!part[0].equals(r.get("source"))) {
                    continue;
                }
                if (first) {
                    List<String> headers = new ArrayList<>(List.of("", "Setting"));
                    headers.addAll(envs);
                    sb.append("### ").append(part[1]).append("\n\n");
                    MarkdownText.tableHead(sb, headers);
                    first = false;
                }
                boolean differs = Boolean.TRUE.equals(r.get("differs"));
                sb.append('|');
                MarkdownText.tableCell(sb, differs ? "**≠**" : "");
                MarkdownText.tableCell(sb, r.containsKey("resource") ? MarkdownText.code((String) r.get("resource")) + " "
                        + MarkdownText.code((String) r.get("setting")) : MarkdownText.code((String) r.get("setting")));
                Map<String, Object> values = map(r.get("values"));
                for (String e : envs) {
                    String v = MarkdownText.text(fmt(values.get(e)));
                    MarkdownText.tableCell(sb, differs && values.get(e) != null ? "**" + v + "**" : v);
                }
                sb.append('\n');
            }
            if (!first) {
                sb.append('\n');
            }
        }
        List<Map<String, Object>> drift = maps(m.get("drift"));
        sb.append("### Drift findings\n\n");
        if (drift.isEmpty()) {
            sb.append("No drift rule fired.\n\n");
        } else {
            List<List<String>> table = new ArrayList<>();
            for (Map<String, Object> d : drift) {
                table.add(List.of(md(d.get("severity")), "**" + md(d.get("title")) + "**",
                        MarkdownText.code((String) d.get("resource")), md(d.get("detail"))));
            }
            sb.append(MarkdownText.table(List.of("Severity", "Finding", "Resource", "Detail"), table)).append('\n');
        }
        List<Map<String, Object>> promotion = maps(m.get("promotion"));
        if (!promotion.isEmpty()) {
            sb.append("### Promotion workflow\n\n");
            List<List<String>> table = new ArrayList<>();
            for (Map<String, Object> p : promotion) {
                table.add(List.of("**" + md(p.get("from")) + " → " + md(p.get("to")) + "**", md(p.get("trigger")),
                        md(p.get("approval")), md(p.get("testing"))));
            }
            sb.append(MarkdownText.table(List.of("Promotion", "Trigger", "Approval required", "Testing requirements"), table));
        }
        return sb.toString().stripTrailing() + "\n";
    }
}
