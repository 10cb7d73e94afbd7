package dev.cloudshift.core.report.html;

import static dev.cloudshift.core.report.html.HtmlText.code;
import static dev.cloudshift.core.report.html.HtmlText.text;
import static dev.cloudshift.core.report.html.HtmlText.usd;
import static dev.cloudshift.core.report.html.HtmlText.usdRange;

import dev.cloudshift.core.cost.CostEstimate;
import dev.cloudshift.core.cost.CostLine;
import dev.cloudshift.core.cost.CostSection;
import dev.cloudshift.core.cost.EnvironmentCost;
import dev.cloudshift.core.model.ConfigChange;
import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.plan.AddressOrder;
import dev.cloudshift.core.plan.InputFile;
import dev.cloudshift.core.plan.Plan;
import dev.cloudshift.core.plan.PlanSection;
import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.core.plan.TargetMapping;
import dev.cloudshift.core.report.ReportLabels;
import dev.cloudshift.core.report.AttributeSummary;
import dev.cloudshift.core.report.MappingRows;
import dev.cloudshift.core.report.PlanRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes plan.html: one self-contained page (styles and the small script inline, system fonts, drawings as
 * inline SVG, a Content-Security-Policy that forbids every request) with every table of plan.md rendered
 * from the plan model, the architecture before and after per environment, cost charts, and the runbook with
 * its Gantt chart. The content needs no JavaScript; the script only adds the "show only differences" filter.
 * Output is deterministic for a given plan (no timestamps), so it has golden tests.
 */
public final class HtmlReportWriter implements PlanRenderer {

    /** The page's Content-Security-Policy: nothing may be fetched; inline styles, scripts and data: images only. */
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

    private static final int MAX_LISTED = 4;
    private static final String STYLE = resource("plan.css");
    private static final String SCRIPT = resource("plan.js");

    /** Renders {@code plan} and writes it to {@code file} (UTF-8). */
    public void write(Plan plan, Path file) throws IOException {
        Files.writeString(file, render(plan), StandardCharsets.UTF_8);
    }

    @Override
    public String render(Plan plan) {
        List<String[]> toc = new ArrayList<>();
        StringBuilder body = new StringBuilder(65536);
        section(body, toc, "overview", "Overview");
        overview(body, plan);
        close(body);
        section(body, toc, "architecture", "Architecture before and after");
        architecture(body, plan);
        close(body);
        section(body, toc, "inventory", "Current inventory");
        inventory(body, plan);
        close(body);
        section(body, toc, "mapping", "Service mapping");
        mapping(body, plan);
        close(body);
        if (plan.environments().size() > 1) {
            section(body, toc, "differences", "Environment differences");
            differences(body, plan);
            close(body);
        }
        section(body, toc, "config-changes", "Configuration changes");
        configChanges(body, plan);
        close(body);
        section(body, toc, "unmapped", "Unmapped resources");
        unmapped(body, plan);
        close(body);
        Set<String> keys = new LinkedHashSet<>();
        for (PlanSection s : plan.sections()) {
            keys.add(s.key());
            section(body, toc, "s-" + HtmlText.slug(s.key()), s.title());
            if (s instanceof CostSection c) {
                cost(body, plan, c.estimate());
            } else if (RunbookHtml.KEYS.contains(s.key())) {
                RunbookHtml.render(s.key(), s.toJson(), body);
            } else {
                JsonHtml.render(s.toJson(), body);
            }
            close(body);
        }
        if (!keys.contains("phases")) {
            section(body, toc, "timeline", "Timeline");
            body.append("<p class=\"muted\">This plan has no runbook phases yet, so there is no Gantt chart. "
                    + "Plans written by <code>cloudshift plan</code> include them.</p>\n");
            close(body);
        }
        section(body, toc, "warnings", "Warnings");
        warnings(body, plan);
        close(body);

        StringBuilder html = new StringBuilder(body.length() + STYLE.length() + 4096);
        String title = "Migration plan: " + plan.project() + " (" + ReportLabels.sourceLabel(plan.source()) + " to "
                + ReportLabels.providerLabel(plan.target()) + ")";
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"cloudshift plan\">\n")
                .append("<title>").append(text(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<header class=\"report-header\"><div class=\"eyebrow\">CloudShift migration plan</div><h1>")
                .append(text(plan.project())).append("</h1><p class=\"route\"><span class=\"pill\">")
                .append(text(ReportLabels.sourceLabel(plan.source()))).append("</span> <span class=\"arrow\">→</span> <span class=\"pill target\">")
                .append(text(ReportLabels.providerLabel(plan.target()))).append("</span> <span class=\"envs\">")
                .append(plan.environments().size()).append(plan.environments().size() == 1 ? " environment: " : " environments: ")
                .append(String.join(", ", plan.environments().stream().map(HtmlText::code).toList()))
                .append("</span></p></header>\n");
        html.append("<nav class=\"toc\" aria-label=\"Contents\"><ol>\n");
        for (String[] t : toc) {
            html.append("<li><a href=\"#").append(t[0]).append("\">").append(text(t[1])).append("</a></li>\n");
        }
        html.append("</ol></nav>\n<main>\n").append(body).append("</main>\n")
                .append("<footer>Generated by <code>cloudshift plan</code> from the project's infrastructure code. "
                        + "Secret values are never included.</footer>\n")
                .append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void section(StringBuilder body, List<String[]> toc, String id, String title) {
        toc.add(new String[] {id, title});
        body.append("<section id=\"").append(id).append("\" class=\"major\">\n<h2>").append(text(title)).append("</h2>\n");
    }

    private static void close(StringBuilder body) {
        body.append("</section>\n");
    }

    // ---- overview ----

    private static void overview(StringBuilder b, Plan plan) {
        Map<InputFile.Kind, Integer> kinds = new EnumMap<>(InputFile.Kind.class);
        plan.inputs().forEach(f -> kinds.merge(f.kind(), 1, Integer::sum));
        List<String> read = new ArrayList<>();
        kinds.forEach((k, n) -> read.add(n + " " + ReportLabels.inputKindLabel(k, n)));
        long mapped = plan.resources().stream().filter(PlannedResource::mapped).count();
        b.append("<p>This plan moves <strong>").append(text(plan.project())).append("</strong> from ")
                .append(text(ReportLabels.sourceLabel(plan.source()))).append(" to ").append(text(ReportLabels.providerLabel(plan.target())))
                .append(". It was generated from ").append(text(read.isEmpty() ? "no readable files" : String.join(", ", read)))
                .append(" and covers ").append(plan.environments().size())
                .append(plan.environments().size() == 1 ? " environment." : " environments.").append("</p>\n");
        b.append("<div class=\"cards\">");
        card(b, "Resources", String.valueOf(plan.resources().size()), "across all environments");
        card(b, "Mapped", String.valueOf(mapped), plan.resources().isEmpty() ? null
                : Math.round(100.0 * mapped / plan.resources().size()) + "% have a target service");
        card(b, "Unmapped", String.valueOf(plan.resources().size() - mapped), "need a decision");
        card(b, "Config changes", String.valueOf(plan.configChanges().size()), "application settings");
        card(b, "Warnings", String.valueOf(plan.warnings().size()), "from reading the files");
        b.append("</div>\n");
        HtmlTable t = new HtmlTable("Environment", "Resources", "Mapped", "Unmapped", "Config changes").numeric(1, 2, 3, 4);
        for (String env : plan.environments()) {
            List<PlannedResource> rs = plan.resourcesOf(env);
            long m = rs.stream().filter(PlannedResource::mapped).count();
            long changes = plan.configChanges().stream().filter(c -> env.equals(c.environment())).count();
            t.row(code(env), String.valueOf(rs.size()), String.valueOf(m), String.valueOf(rs.size() - m), String.valueOf(changes));
        }
        t.appendTo(b);
        if (!plan.inputs().isEmpty()) {
            b.append("<p class=\"files\">Files read: ")
                    .append(String.join(", ", plan.inputs().stream().map(f -> code(f.path())).toList())).append(".</p>\n");
        }
    }

    private static void card(StringBuilder b, String label, String value, String note) {
        b.append("<div class=\"card\"><div class=\"card-label\">").append(text(label)).append("</div><div class=\"card-value\">")
                .append(text(value)).append("</div>");
        if (note != null) {
            b.append("<div class=\"card-note\">").append(text(note)).append("</div>");
        }
        b.append("</div>");
    }

    // ---- architecture ----

    private static void architecture(StringBuilder b, Plan plan) {
        b.append("<p>Drawn from the dependency graph: an arrow goes from a resource to what it depends on. Resources are "
                + "grouped in layers; instances of one resource share a box (×n), and the foundation layer shows one box per type. "
                + "Settings that become part of another resource on the target are left out. Unmapped resources are dashed.</p>\n");
        for (String env : plan.environments()) {
            List<PlannedResource> rs = plan.resourcesOf(env);
            b.append("<div class=\"env-diagrams\"><h3>Environment ").append(code(env)).append("</h3>\n");
            if (rs.isEmpty()) {
                b.append("<p class=\"muted\">No resources.</p></div>\n");
                continue;
            }
            b.append("<figure><figcaption>Before: ").append(text(ReportLabels.sourceLabel(plan.source()))).append("</figcaption>\n")
                    .append(ArchitectureDiagram.svg(rs, false, "Architecture of " + env + " before the move ("
                            + ReportLabels.sourceLabel(plan.source()) + ")"))
                    .append("</figure>\n");
            b.append("<figure><figcaption>After: ").append(text(ReportLabels.providerLabel(plan.target())))
                    .append(" (labelled with the mapped target services)</figcaption>\n")
                    .append(ArchitectureDiagram.svg(rs, true, "Architecture of " + env + " after the move ("
                            + ReportLabels.providerLabel(plan.target()) + ")"))
                    .append("</figure></div>\n");
        }
    }

    // ---- inventory ----

    private static void inventory(StringBuilder b, Plan plan) {
        for (String env : plan.environments()) {
            b.append("<h3>Environment ").append(code(env)).append("</h3>\n");
            List<PlannedResource> rs = plan.resourcesOf(env);
            if (rs.isEmpty()) {
                b.append("<p class=\"muted\">No resources.</p>\n");
                continue;
            }
            Map<String, Map<String, List<PlannedResource>>> byCategory = new TreeMap<>();
            for (PlannedResource r : rs) {
                byCategory.computeIfAbsent(nz(r.category(), "other"), k -> new TreeMap<>())
                        .computeIfAbsent(r.type(), k -> new ArrayList<>()).add(r);
            }
            HtmlTable t = new HtmlTable("Category", "Type", "Count", "Resources", "Key settings").numeric(2);
            for (Map.Entry<String, Map<String, List<PlannedResource>>> c : byCategory.entrySet()) {
                for (Map.Entry<String, List<PlannedResource>> ty : c.getValue().entrySet()) {
                    List<PlannedResource> group = ty.getValue();
                    t.row(text(ReportLabels.categoryLabel(c.getKey())), code(ty.getKey()), String.valueOf(group.size()),
                            String.join(", ", group.stream().map(r -> code(r.address())).toList()), text(MappingRows.attributeSummaries(group, MAX_LISTED)));
                }
            }
            t.appendTo(b);
        }
    }

    // ---- mapping ----

    private static void mapping(StringBuilder b, Plan plan) {
        List<MappingRows> rows = MappingRows.of(plan);
        if (rows.isEmpty()) {
            b.append("<p>No resource could be mapped to ").append(text(ReportLabels.providerLabel(plan.target()))).append(".</p>\n");
            return;
        }
        HtmlTable t = new HtmlTable(ReportLabels.sourceLabel(plan.source()) + " service", "Instances", ReportLabels.providerLabel(plan.target()) + " service",
                "Target resource types", "Notes");
        for (MappingRows row : rows) {
            TargetMapping.Mapped m = row.target();
            List<String> notes = new ArrayList<>();
            if (m.absorbedBy() != null) {
                notes.add("Becomes settings of " + code(m.absorbedBy()) + ", not a resource of its own.");
            }
            m.notes().forEach(n -> notes.add(text(n)));
            if (!m.alternatives().isEmpty()) {
                notes.add("<em>Alternatives:</em> " + text(String.join("; ", m.alternatives())));
            }
            t.row("<strong>" + text(row.sourceService()) + "</strong><br>" + code(row.sourceType()),
                    text(MappingRows.perEnvironmentCount(plan, row.resources())), "<strong>" + text(m.service()) + "</strong>",
                    String.join(", ", m.resourceTypes().stream().map(HtmlText::code).toList()),
                    notes.isEmpty() ? "" : notes.size() == 1 ? notes.get(0) : "<ul><li>" + String.join("</li><li>", notes) + "</li></ul>");
        }
        t.appendTo(b);
    }

    // ---- differences ----

    private static void differences(StringBuilder b, Plan plan) {
        List<String> envs = plan.environments();
        Map<String, Map<String, PlannedResource>> byAddress = new TreeMap<>(AddressOrder.INSTANCE);
        for (PlannedResource r : plan.resources()) {
            byAddress.computeIfAbsent(r.address(), k -> new LinkedHashMap<>()).put(r.environment(), r);
        }
        List<String> headers = new ArrayList<>(List.of("Resource", "Setting"));
        headers.addAll(envs);
        HtmlTable t = new HtmlTable(headers.toArray(String[]::new)).cssClass("matrix");
        List<String> onlySome = new ArrayList<>();
        for (Map.Entry<String, Map<String, PlannedResource>> e : byAddress.entrySet()) {
            Map<String, PlannedResource> per = e.getValue();
            if (per.size() < envs.size()) {
                onlySome.add(code(e.getKey()) + " only in "
                        + String.join(", ", envs.stream().filter(per::containsKey).map(HtmlText::code).toList()));
            }
            if (per.size() < 2) {
                continue;
            }
            Set<String> keys = new TreeSet<>();
            per.values().forEach(r -> keys.addAll(r.attributes().keySet()));
            for (String key : keys) {
                Set<String> values = new LinkedHashSet<>();
                List<String> cells = new ArrayList<>(List.of(code(e.getKey()), code(key)));
                for (String env : envs) {
                    PlannedResource r = per.get(env);
                    String v = r == null ? "" : AttributeSummary.value(r.attributes().get(key));
                    if (r != null) {
                        values.add(v);
                    }
                    cells.add(r == null ? "<span class=\"muted\">absent</span>" : text(v));
                }
                if (values.size() > 1) {
                    t.row(null, cells);
                }
            }
        }
        if (t.isEmpty() && onlySome.isEmpty()) {
            b.append("<p>The environments are sized the same.</p>\n");
            return;
        }
        if (!t.isEmpty()) {
            b.append("<p>Settings that differ between environments (the target should keep these differences):</p>\n");
            t.appendTo(b);
        }
        if (!onlySome.isEmpty()) {
            b.append("<p>Resources that exist in some environments only:</p>\n<ul class=\"compact\">\n");
            onlySome.forEach(s -> b.append("<li>").append(s).append("</li>\n"));
            b.append("</ul>\n");
        }
    }

    // ---- configuration changes, unmapped, warnings ----

    private static void configChanges(StringBuilder b, Plan plan) {
        if (plan.configChanges().isEmpty()) {
            b.append("<p>No application setting points at a service that moves.</p>\n");
            return;
        }
        b.append("<p>Application settings that must change with the move. Secret values are never shown: they become "
                + "references to the target's secret store.</p>\n");
        HtmlTable t = new HtmlTable("Environment", "File", "Key", "From", "To", "Why");
        for (ConfigChange c : plan.configChanges()) {
            t.row(code(c.environment()), code(c.file()), code(c.key()),
                    c.from() == null ? "<span class=\"muted\">(not set)</span>" : code(c.from()),
                    c.to() == null ? "<span class=\"muted\">(remove)</span>" : code(c.to()), text(c.reason()));
        }
        t.appendTo(b);
    }

    private static void unmapped(StringBuilder b, Plan plan) {
        Map<String, Map<String, List<String>>> byAddress = new TreeMap<>(AddressOrder.INSTANCE);
        Map<String, String> types = new TreeMap<>();
        for (PlannedResource r : plan.resources()) {
            if (r.mapping() instanceof TargetMapping.Unmapped u) {
                byAddress.computeIfAbsent(r.address(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(u.reason(), k -> new ArrayList<>()).add(r.environment());
                types.put(r.address(), r.type());
            }
        }
        if (byAddress.isEmpty()) {
            b.append("<p>Every resource has a target.</p>\n");
            return;
        }
        b.append("<p>These resources have no safe equivalent on ").append(text(ReportLabels.providerLabel(plan.target())))
                .append(" and need a decision before the move.</p>\n");
        HtmlTable t = new HtmlTable("Resource", "Type", "Environments", "Reason");
        byAddress.forEach((address, reasons) -> reasons.forEach((reason, envs) -> t.row(code(address), code(types.get(address)),
                String.join(", ", envs.stream().map(HtmlText::code).toList()), text(reason))));
        t.appendTo(b);
    }

    private static void warnings(StringBuilder b, Plan plan) {
        if (plan.warnings().isEmpty()) {
            b.append("<p>None.</p>\n");
            return;
        }
        HtmlTable t = new HtmlTable("Where", "Warning");
        for (Diagnostic d : plan.warnings()) {
            t.row(code(d.line() > 0 ? d.file() + ":" + d.line() + ":" + d.column() : d.file()), text(d.message()));
        }
        t.appendTo(b);
    }

    // ---- cost ----

    private static void cost(StringBuilder b, Plan plan, CostEstimate estimate) {
        String src = ReportLabels.sourceLabel(plan.source());
        String tgt = ReportLabels.providerLabel(plan.target());
        if (estimate.environments().isEmpty()) {
            b.append("<p class=\"muted\">No environment was priced.</p>\n");
            return;
        }
        b.append("<p>Monthly list prices in USD at the typical usage of each environment; ranges use the low and high usage "
                + "assumptions. Unpriced components count as $0 and are listed per environment.</p>\n");
        List<BarChart.Group> totals = new ArrayList<>();
        HtmlTable t = new HtmlTable("Environment", "Current (" + src + ")", "Range", "Target (" + tgt + ")", "Range", "Difference")
                .numeric(1, 2, 3, 4, 5);
        for (EnvironmentCost e : estimate.environments()) {
            totals.add(new BarChart.Group(e.environment(), e.sourceMonthlyUsd(), e.targetMonthlyUsd()));
            BigDecimal diff = e.targetMonthlyUsd() == null || e.sourceMonthlyUsd() == null ? null
                    : e.targetMonthlyUsd().subtract(e.sourceMonthlyUsd());
            t.row(code(e.environment()), "<strong>" + usd(e.sourceMonthlyUsd()) + "</strong>", usdRange(e.sourceRangeUsd()),
                    "<strong>" + usd(e.targetMonthlyUsd()) + "</strong>", usdRange(e.targetRangeUsd()),
                    diff == null ? "–" : "<span class=\"" + (diff.signum() > 0 ? "up" : "down") + "\">"
                            + (diff.signum() > 0 ? "+" : "") + usd(diff) + "</span>");
        }
        b.append("<figure>").append(BarChart.svg(totals, "Current (" + src + ")", "Target (" + tgt + ")",
                "Monthly cost per environment, current against target")).append("<figcaption>Monthly cost per environment.</figcaption></figure>\n");
        t.appendTo(b);
        Map<String, String> categoryOf = new TreeMap<>();
        plan.resources().forEach(r -> categoryOf.putIfAbsent(r.environment() + "\u0000" + r.address(), nz(r.category(), "other")));
        for (EnvironmentCost e : estimate.environments()) {
            b.append("<h3>Environment ").append(code(e.environment())).append("</h3>\n");
            Map<String, BigDecimal[]> byCategory = new TreeMap<>();
            Map<String, int[]> unpricedByCategory = new TreeMap<>();
            for (CostLine l : e.lines()) {
                String cat = ReportLabels.categoryLabel(categoryOf.getOrDefault(e.environment() + "\u0000" + l.address(), "other"));
                BigDecimal[] v = byCategory.computeIfAbsent(cat, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                int i = CostLine.TARGET.equals(l.side()) ? 1 : 0;
                v[i] = v[i].add(l.monthlyUsd() == null ? BigDecimal.ZERO : l.monthlyUsd());
                if (l.unpriced()) {
                    unpricedByCategory.computeIfAbsent(cat, k -> new int[2])[i]++;
                }
            }
            List<BarChart.Group> groups = new ArrayList<>();
            byCategory.forEach((cat, v) -> {
                int[] u = unpricedByCategory.getOrDefault(cat, new int[2]);
                if (v[0].signum() != 0 || v[1].signum() != 0 || u[0] + u[1] > 0) {
                    groups.add(new BarChart.Group(cat, v[0], e.targetMonthlyUsd() == null ? null : v[1], u[0], u[1]));
                }
            });
            if (!groups.isEmpty()) {
                b.append("<figure>").append(BarChart.svg(groups, "Current (" + src + ")", "Target (" + tgt + ")",
                        "Monthly cost of " + e.environment() + " by category")).append("<figcaption>Monthly cost of ")
                        .append(code(e.environment())).append(" by category.</figcaption></figure>\n");
            }
            b.append("<div class=\"two-col\">");
            byService(b, "Current (" + src + ")", e.lines(CostLine.SOURCE));
            if (e.targetMonthlyUsd() != null) {
                byService(b, "Target (" + tgt + ")", e.lines(CostLine.TARGET));
            }
            b.append("</div>\n");
            if (!e.sizing().isEmpty()) {
                HtmlTable s = new HtmlTable("Resource", "Source SKU", "Target SKU", "Why");
                e.sizing().forEach(d -> s.row(code(d.address()), code(d.sourceSku()), code(d.targetSku()), text(d.reason())));
                b.append("<h4>Target sizing</h4>\n");
                s.appendTo(b);
            }
            List<CostLine> unpriced = e.lines().stream().filter(CostLine::unpriced).toList();
            if (!unpriced.isEmpty()) {
                b.append("<h4>Unpriced</h4>\n<ul class=\"compact\">\n");
                unpriced.forEach(l -> b.append("<li>").append(code(l.address())).append(" (").append(text(l.side())).append("): ")
                        .append(text(l.note())).append("</li>\n"));
                b.append("</ul>\n");
            }
            if (!e.assumptions().isEmpty()) {
                b.append("<h4>Usage assumptions</h4>\n<ul class=\"compact assumptions\">");
                e.assumptions().forEach(a -> b.append("<li>").append(text(a)).append("</li>"));
                b.append("</ul>\n");
            }
        }
    }

    private static void byService(StringBuilder b, String title, List<CostLine> lines) {
        Map<String, List<CostLine>> groups = new TreeMap<>();
        for (CostLine l : lines) {
            String svc = l.service() == null || l.service().equals("-") ? "(unmapped)" : l.service();
            groups.computeIfAbsent(svc, k -> new ArrayList<>()).add(l);
        }
        List<Map.Entry<String, List<CostLine>>> sorted = new ArrayList<>(groups.entrySet());
        sorted.sort((x, y) -> {
            int c = sum(y.getValue()).compareTo(sum(x.getValue()));
            return c != 0 ? c : x.getKey().compareTo(y.getKey());
        });
        HtmlTable t = new HtmlTable("Service", "Resources", "Monthly").numeric(1, 2);
        Set<String> freeAddresses = new LinkedHashSet<>();
        int freeServices = 0;
        for (Map.Entry<String, List<CostLine>> g : sorted) {
            Set<String> addrs = new LinkedHashSet<>();
            g.getValue().forEach(l -> addrs.add(l.address()));
            if (sum(g.getValue()).signum() == 0 && g.getValue().stream().allMatch(CostLine::free)) {
                freeAddresses.addAll(addrs);
                freeServices++;
                continue;
            }
            boolean unpriced = g.getValue().stream().anyMatch(CostLine::unpriced);
            t.row(text(g.getKey()) + (unpriced ? " <span class=\"badge warn\">partly unpriced</span>" : ""),
                    String.valueOf(addrs.size()), usd(sum(g.getValue())));
        }
        if (freeServices > 0) {
            t.row("<span class=\"muted\">No charge of their own (" + freeServices + " services)</span>",
                    String.valueOf(freeAddresses.size()), usd(BigDecimal.ZERO));
        }
        t.row("total", List.of("<strong>Total</strong>", "", "<strong>" + usd(sum(lines)) + "</strong>"));
        b.append("<div><h4>").append(text(title)).append(" by service</h4>\n");
        t.appendTo(b);
        b.append("</div>");
    }

    private static BigDecimal sum(List<CostLine> lines) {
        BigDecimal s = BigDecimal.ZERO;
        for (CostLine l : lines) {
            s = s.add(l.monthlyUsd() == null ? BigDecimal.ZERO : l.monthlyUsd());
        }
        return s;
    }

    // ---- labels ----

    private static String nz(String s, String dflt) {
        return Objects.requireNonNullElse(s, dflt);
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReportWriter.class.getResourceAsStream("/report/html/" + name)) {
            if (in == null) {
                throw new IllegalStateException("report/html/" + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
