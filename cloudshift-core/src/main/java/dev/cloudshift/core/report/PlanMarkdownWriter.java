package dev.cloudshift.core.report;

import static dev.cloudshift.core.report.MarkdownText.code;
import static dev.cloudshift.core.report.MarkdownText.table;
import static dev.cloudshift.core.report.MarkdownText.text;

import dev.cloudshift.core.model.ConfigChange;
import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.plan.AddressOrder;
import dev.cloudshift.core.plan.InputFile;
import dev.cloudshift.core.plan.Plan;
import dev.cloudshift.core.plan.PlanSection;
import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.core.plan.TargetMapping;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes plan.md in the voice of the hand-written migration documents it replaces: overview, current
 * architecture per environment, service mapping with notes, differences between environments,
 * configuration changes, unmapped resources, sections added by later stages, warnings. Every value taken
 * from the project is escaped with {@link MarkdownText}.
 */
public final class PlanMarkdownWriter implements PlanRenderer {

    private static final int MAX_DISTINCT = 4;

    /** Bodies of the sections rendered by {@link #prepare}, by identity of the (immutable) section. */
    private final Map<PlanSection, String> prepared = Collections.synchronizedMap(new IdentityHashMap<>());

    /** The chapters from "Current architecture" to "Unmapped resources" as rendered by {@link #prepare}, or null. */
    private volatile Chapters chapters;

    /**
     * The text of the chapters that read only a plan's resources, environments, source, target and configuration
     * changes, with those parts (the lists by identity: a plan's lists are immutable and later stages pass them on).
     */
    private record Chapters(List<PlannedResource> resources, List<String> environments, List<String> source,
            String target, List<ConfigChange> configChanges, String text) {

        boolean renderedFor(Plan plan) {
            return plan.resources() == resources && plan.environments() == environments && plan.source() == source
                    && Objects.equals(plan.target(), target) && plan.configChanges() == configChanges;
        }
    }

    @Override
    public void prepare(Plan plan) {
        Chapters c = chapters;
        if (c == null || !c.renderedFor(plan)) {
            StringBuilder md = new StringBuilder(1 << 16);
            chapters(md, plan);
            chapters = new Chapters(plan.resources(), plan.environments(), plan.source(), plan.target(),
                    plan.configChanges(), md.toString());
        }
        for (PlanSection s : plan.sections()) {
            if (!prepared.containsKey(s)) {
                prepared.put(s, s.toMarkdown());
            }
        }
    }

    @Override
    public String render(Plan plan) {
        // sized for the parts rendered ahead (megabytes on a large estate), so that it is not grown by copying
        Chapters ahead = chapters;
        long size = 16384 + 256L * plan.warnings().size() + (ahead != null ? ahead.text().length() : 0);
        for (PlanSection s : plan.sections()) {
            String body = prepared.get(s);
            size += body == null ? 0 : body.length() + s.title().length() + 16;
        }
        StringBuilder md = new StringBuilder((int) Math.min(size, Integer.MAX_VALUE - 16));
        md.append("# Migration plan: ").append(text(plan.project())).append(" (")
                .append(ReportLabels.sourceLabel(plan.source())).append(" to ").append(ReportLabels.providerLabel(plan.target())).append(")\n\n");
        overview(md, plan);
        Chapters c = chapters;
        if (c != null && c.renderedFor(plan)) {
            md.append(c.text());
        } else {
            chapters(md, plan);
        }
        for (PlanSection s : plan.sections()) {
            String body = prepared.get(s);
            if (body == null) {
                body = s.toMarkdown();
            }
            md.append("## ").append(text(s.title())).append("\n\n").append(body);
            if (!body.endsWith("\n")) {
                md.append('\n');
            }
            md.append('\n');
        }
        warnings(md, plan);
        // what toString().stripTrailing() + "\n" gives, with one copy of the document instead of three
        int end = md.length();
        while (end > 0 && Character.isWhitespace(md.charAt(end - 1))) {
            end--;
        }
        md.setLength(end);
        return md.append('\n').toString();
    }

    /** Current architecture, service mapping, environment differences, configuration changes, unmapped resources. */
    private static void chapters(StringBuilder md, Plan plan) {
        architecture(md, plan);
        mapping(md, plan);
        differences(md, plan);
        configChanges(md, plan);
        unmapped(md, plan);
    }

    private static void overview(StringBuilder md, Plan plan) {
        md.append("## Overview\n\n");
        Map<InputFile.Kind, Integer> kinds = new EnumMap<>(InputFile.Kind.class);
        for (InputFile f : plan.inputs()) {
            kinds.merge(f.kind(), 1, Integer::sum);
        }
        List<String> read = new ArrayList<>();
        kinds.forEach((k, n) -> read.add(n + " " + ReportLabels.inputKindLabel(k, n)));
        md.append("This plan moves ").append(text(plan.project())).append(" from ")
                .append(ReportLabels.sourceLabel(plan.source())).append(" to ").append(ReportLabels.providerLabel(plan.target()))
                .append(". It was generated from ")
                .append(read.isEmpty() ? "no readable files" : String.join(", ", read))
                .append(" and covers ").append(plan.environments().size())
                .append(plan.environments().size() == 1 ? " environment" : " environments").append(": ")
                .append(String.join(", ", plan.environments().stream().map(MarkdownText::code).toList()))
                .append(".\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (String env : plan.environments()) {
            List<PlannedResource> rs = plan.resourcesOf(env);
            long mapped = rs.stream().filter(PlannedResource::mapped).count();
            long changes = plan.configChanges().stream().filter(c -> env.equals(c.environment())).count();
            rows.add(List.of(code(env), String.valueOf(rs.size()), String.valueOf(mapped),
                    String.valueOf(rs.size() - mapped), String.valueOf(changes)));
        }
        md.append(table(List.of("Environment", "Resources", "Mapped", "Unmapped", "Config changes"), rows)).append('\n');
        if (!plan.inputs().isEmpty()) {
            md.append("Files read: ");
            md.append(String.join(", ", plan.inputs().stream().map(f -> code(f.path())).toList()));
            md.append(".\n\n");
        }
        if (!plan.warnings().isEmpty()) {
            md.append("**").append(plan.warnings().size())
                    .append(plan.warnings().size() == 1 ? " warning" : " warnings")
                    .append("** came up while reading; see [Warnings](#warnings).\n\n");
        }
    }

    /** Categories in the order a migration document presents them: workloads, data, edge, platform. */
    private static final List<String> CATEGORY_ORDER = List.of("container", "kubernetes", "compute", "serverless",
            "database", "cache", "messaging", "storage", "search", "analytics", "api_gateway", "load_balancer", "cdn",
            "dns", "network", "security", "registry", "secrets", "identity", "monitoring", "other");

    /** Position of each category in {@link #CATEGORY_ORDER} (looked up for every resource). */
    private static final Map<String, Integer> CATEGORY_RANK = new java.util.HashMap<>();

    static {
        for (int i = 0; i < CATEGORY_ORDER.size(); i++) {
            CATEGORY_RANK.putIfAbsent(CATEGORY_ORDER.get(i), i);
        }
    }

    private static final java.util.Comparator<String> BY_CATEGORY = (a, b) -> {
        int c = Integer.compare(CATEGORY_RANK.getOrDefault(a, CATEGORY_ORDER.size()),
                CATEGORY_RANK.getOrDefault(b, CATEGORY_ORDER.size()));
        return c != 0 ? c : a.compareTo(b);
    };

    private static void architecture(StringBuilder md, Plan plan) {
        md.append("## Current architecture\n\n");
        // grouped by hashing, then sorted once (instead of a sorted insert per resource)
        Map<String, Set<String>> grouped = new java.util.HashMap<>();
        for (PlannedResource r : plan.resources()) {
            grouped.computeIfAbsent(nz(r.category(), "other"), k -> new java.util.HashSet<>())
                    .add(nz(r.sourceService(), r.type()));
        }
        Map<String, Set<String>> services = new TreeMap<>(BY_CATEGORY);
        grouped.forEach((category, names) -> services.put(category, new TreeSet<>(names)));
        if (!services.isEmpty()) {
            md.append("The estate uses these ").append(ReportLabels.sourceLabel(plan.source())).append(" services:\n\n");
            services.forEach((category, names) -> md.append("- **").append(text(ReportLabels.categoryLabel(category))).append("**: ")
                    .append(text(String.join(", ", names))).append('\n'));
            md.append('\n');
        }
        for (String env : plan.environments()) {
            md.append("### ").append(text(env)).append("\n\n");
            List<PlannedResource> rs = plan.resourcesOf(env);
            if (rs.isEmpty()) {
                md.append("No resources.\n\n");
                continue;
            }
            Map<String, Map<String, List<PlannedResource>>> unsorted = new java.util.HashMap<>();
            for (PlannedResource r : rs) {
                unsorted.computeIfAbsent(nz(r.category(), "other"), k -> new java.util.HashMap<>())
                        .computeIfAbsent(r.type(), k -> new ArrayList<>()).add(r);
            }
            Map<String, Map<String, List<PlannedResource>>> byCategory = new TreeMap<>(BY_CATEGORY);
            unsorted.forEach((category, types) -> byCategory.put(category, new TreeMap<>(types)));
            List<List<String>> rows = new ArrayList<>();
            for (Map.Entry<String, Map<String, List<PlannedResource>>> c : byCategory.entrySet()) {
                for (Map.Entry<String, List<PlannedResource>> t : c.getValue().entrySet()) {
                    List<PlannedResource> group = t.getValue();
                    rows.add(List.of(text(ReportLabels.categoryLabel(c.getKey())), code(t.getKey()),
                            String.valueOf(group.size()), names(group), text(MappingRows.attributeSummaries(group, MAX_DISTINCT))));
                }
            }
            md.append(table(List.of("Category", "Type", "Count", "Resources", "Key settings"), rows)).append('\n');
        }
    }

    /**
     * True when every instance has an equal value (or every one none) for an attribute, so that all read the same in
     * the table. Only for JSON-like values (text, numbers, booleans, lists, maps with text keys), whose equal values
     * always read the same; anything else is compared by its text as before.
     */
    private static boolean sameEverywhere(Map<String, PlannedResource> per, String key) {
        Object first = null;
        boolean seen = false;
        for (PlannedResource r : per.values()) {
            Object v = r.attributes().get(key);
            if (!seen) {
                if (!jsonLike(v)) {
                    return false;
                }
                first = v;
                seen = true;
            } else if (!java.util.Objects.equals(first, v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean jsonLike(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return true;
        }
        if (v instanceof List<?> l) {
            for (Object o : l) {
                if (!jsonLike(o)) {
                    return false;
                }
            }
            return true;
        }
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String) || !jsonLike(e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static String names(List<PlannedResource> group) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < group.size() && i < MAX_DISTINCT; i++) {
            out.add(code(group.get(i).address()));
        }
        if (group.size() > MAX_DISTINCT) {
            out.add("and " + (group.size() - MAX_DISTINCT) + " more");
        }
        return String.join(", ", out);
    }

    private static void mapping(StringBuilder md, Plan plan) {
        md.append("## Service mapping\n\n");
        List<MappingRows> rows = MappingRows.of(plan);
        if (rows.isEmpty()) {
            md.append("No resource could be mapped to ").append(ReportLabels.providerLabel(plan.target())).append(".\n\n");
            return;
        }
        md.append("| ").append(ReportLabels.sourceLabel(plan.source())).append(" service | Instances | ")
                .append(ReportLabels.providerLabel(plan.target())).append(" service | Target resource types | Notes |\n");
        md.append("| --- | --- | --- | --- | --- |\n");
        for (MappingRows row : rows) {
            TargetMapping.Mapped m = row.target();
            List<String> notes = new ArrayList<>();
            if (m.absorbedBy() != null) {
                notes.add("Becomes settings of " + code(m.absorbedBy()) + ", not a resource of its own.");
            }
            m.notes().forEach(n -> notes.add(text(n)));
            if (!m.alternatives().isEmpty()) {
                notes.add("Alternatives: " + text(String.join("; ", m.alternatives())));
            }
            md.append("| **").append(text(row.sourceService())).append("** (").append(code(row.sourceType())).append(")")
                    .append(" | ").append(text(MappingRows.perEnvironmentCount(plan, row.resources())))
                    .append(" | **").append(text(m.service())).append("**")
                    .append(" | ").append(String.join(", ", m.resourceTypes().stream().map(MarkdownText::code).toList()))
                    .append(" | ").append(notes.isEmpty() ? " " : String.join("<br>", notes))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static void differences(StringBuilder md, Plan plan) {
        if (plan.environments().size() < 2) {
            return;
        }
        md.append("## Environment differences\n\n");
        List<String> envs = plan.environments();
        // resources come sorted by address within each environment, so the address list is nearly sorted
        Map<String, Map<String, PlannedResource>> unsorted = new java.util.HashMap<>();
        List<String> addresses = new ArrayList<>();
        for (PlannedResource r : plan.resources()) {
            unsorted.computeIfAbsent(r.address(), k -> {
                addresses.add(k);
                return new LinkedHashMap<>();
            }).put(r.environment(), r);
        }
        addresses.sort(AddressOrder.INSTANCE);
        Map<String, Map<String, PlannedResource>> byAddress = new LinkedHashMap<>();
        addresses.forEach(a -> byAddress.put(a, unsorted.get(a)));
        List<List<String>> rows = new ArrayList<>();
        List<String> onlySome = new ArrayList<>();
        for (Map.Entry<String, Map<String, PlannedResource>> e : byAddress.entrySet()) {
            Map<String, PlannedResource> per = e.getValue();
            if (per.size() < envs.size()) {
                onlySome.add(code(e.getKey()) + " only in " + String.join(", ",
                        envs.stream().filter(per::containsKey).map(MarkdownText::code).toList()));
            }
            if (per.size() < 2) {
                continue;
            }
            Set<String> keys = new TreeSet<>();
            per.values().forEach(r -> keys.addAll(r.attributes().keySet()));
            for (String key : keys) {
                if (sameEverywhere(per, key)) {
                    continue; // equal values read the same: no row (most settings of most resources)
                }
                Set<String> values = new LinkedHashSet<>();
                List<String> cells = new ArrayList<>();
                for (String env : envs) {
                    PlannedResource r = per.get(env);
                    String v = r == null ? "" : AttributeSummary.value(r.attributes().get(key));
                    if (r != null) {
                        values.add(v);
                    }
                    cells.add(r == null ? "" : text(v));
                }
                if (values.size() > 1) {
                    List<String> row = new ArrayList<>();
                    row.add(code(e.getKey()));
                    row.add(code(key));
                    row.addAll(cells);
                    rows.add(row);
                }
            }
        }
        if (rows.isEmpty() && onlySome.isEmpty()) {
            md.append("The environments are sized the same.\n\n");
            return;
        }
        if (!rows.isEmpty()) {
            md.append("Settings that differ between environments (the target should keep these differences):\n\n");
            List<String> headers = new ArrayList<>(List.of("Resource", "Setting"));
            envs.forEach(env -> headers.add(text(env)));
            md.append(table(headers, rows)).append('\n');
        }
        if (!onlySome.isEmpty()) {
            md.append("Resources that exist in some environments only:\n\n");
            onlySome.forEach(s -> md.append("- ").append(s).append('\n'));
            md.append('\n');
        }
    }

    private static void configChanges(StringBuilder md, Plan plan) {
        md.append("## Configuration changes\n\n");
        if (plan.configChanges().isEmpty()) {
            md.append("No application setting points at a service that moves.\n\n");
            return;
        }
        md.append("Application settings that must change with the move. Secret values are never shown: they "
                + "become references to the target's secret store.\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (ConfigChange c : plan.configChanges()) {
            rows.add(List.of(code(c.environment()), code(c.file()), code(c.key()),
                    c.from() == null ? "(not set)" : code(c.from()),
                    c.to() == null ? "(remove)" : code(c.to()), text(c.reason())));
        }
        md.append(table(List.of("Environment", "File", "Key", "From", "To", "Why"), rows)).append('\n');
    }

    private static void unmapped(StringBuilder md, Plan plan) {
        md.append("## Unmapped resources\n\n");
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
            md.append("Every resource has a target.\n\n");
            return;
        }
        md.append("These resources have no safe equivalent on ").append(ReportLabels.providerLabel(plan.target()))
                .append(" and need a decision before the move.\n\n");
        List<List<String>> rows = new ArrayList<>();
        byAddress.forEach((address, reasons) -> reasons.forEach((reason, envs) -> rows.add(List.of(
                code(address), code(types.get(address)),
                String.join(", ", envs.stream().map(MarkdownText::code).toList()), text(reason)))));
        md.append(table(List.of("Resource", "Type", "Environments", "Reason"), rows)).append('\n');
    }

    private static void warnings(StringBuilder md, Plan plan) {
        md.append("## Warnings\n\n");
        if (plan.warnings().isEmpty()) {
            md.append("None.\n");
            return;
        }
        for (Diagnostic d : plan.warnings()) {
            md.append("- ").append(code(place(d))).append(": ").append(text(d.message())).append('\n');
        }
    }

    private static String place(Diagnostic d) {
        return d.line() > 0 ? d.file() + ":" + d.line() + ":" + d.column() : d.file();
    }

    private static String nz(String s, String dflt) {
        return Objects.requireNonNullElse(s, dflt);
    }
}
