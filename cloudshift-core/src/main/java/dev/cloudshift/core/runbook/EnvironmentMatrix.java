package dev.cloudshift.core.runbook;

import dev.cloudshift.core.model.AttributeValues;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudshift.core.plan.PlannedResource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The environment specification (seed 004): every per-environment setting (tfvars variables and the resources'
 * normalised and selected raw attributes) with one column per environment and differences marked, the drift
 * rules of catalog/rules/drift.yaml, and the promotion rules between the environment roles present.
 */
final class EnvironmentMatrix {

    private final RunbookFacts facts;
    private final RunbookCatalog catalog;
    private final RunbookOptions options;

    EnvironmentMatrix(RunbookFacts facts, RunbookCatalog catalog, RunbookOptions options) {
        this.facts = facts;
        this.catalog = catalog;
        this.options = options;
    }

    /**
     * What the matrix takes from the plan, the addresses and the environment roles alone, not from the resources'
     * facts: the rows of settings, the findings of the compare rules (by rule position in drift.yaml) and the promotion
     * rules. {@link RunbookBuilder} computes them on its second thread while the estate facts are still being gathered.
     */
    record Settings(List<Map<String, Object>> rows, Map<Integer, List<Map<String, Object>>> compareFindings,
            List<Map<String, Object>> promotion) {
    }

    Map<String, Object> build() {
        return build(settings());
    }

    /** The matrix, once the estate facts are frozen, from {@code settings} and the resource drift rules. */
    Map<String, Object> build(Settings settings) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("environments", facts.plan().environments());
        Map<String, Object> roles = new LinkedHashMap<>(facts.roles());
        m.put("roles", roles);
        m.put("rows", settings.rows());
        m.put("drift", drift(settings.compareFindings()));
        m.put("promotion", settings.promotion());
        return m;
    }

    /** See {@link Settings}: reads only the plan's resources, the addresses and the roles. */
    Settings settings() {
        List<String> envs = facts.plan().environments();
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        for (String env : envs) {
            names.addAll(options.variables().getOrDefault(env, Map.of()).keySet());
        }
        for (String name : names) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String env : envs) {
                values.put(env, scalar(options.variables().getOrDefault(env, Map.of()).get(name)));
            }
            rows.add(row("variable", null, name, values));
        }
        List<String> attributes = RunbookBuilder.texts(catalog.drift().path("matrix_attributes"));
        List<String> raw = RunbookBuilder.texts(catalog.drift().path("matrix_raw_attributes"));
        PlannedResource[] byEnv = new PlannedResource[envs.size()]; // an address's instance per environment, reused
        Object[] values = new Object[envs.size()];
        // where each matrix attribute is in the list: a resource has few attributes, so its own keys are looked up
        // there instead of probing it for every matrix attribute (an attribute no instance has gives no row)
        Map<String, List<Integer>> positionsOf = new java.util.HashMap<>();
        for (int i = 0; i < attributes.size(); i++) {
            positionsOf.computeIfAbsent(attributes.get(i), k -> new ArrayList<>()).add(i);
        }
        boolean[] present = new boolean[attributes.size()];
        for (Map.Entry<String, List<PlannedResource>> e : facts.byAddress().entrySet()) {
            java.util.Arrays.fill(byEnv, null);
            java.util.Arrays.fill(present, false);
            for (PlannedResource r : e.getValue()) {
                int i = envs.indexOf(r.environment());
                if (i >= 0) {
                    byEnv[i] = r;
                    for (String key : r.attributes().keySet()) {
                        List<Integer> at = positionsOf.get(key);
                        if (at != null) {
                            at.forEach(p -> present[p] = true);
                        }
                    }
                }
            }
            for (int i = 0; i < attributes.size(); i++) {
                if (present[i]) {
                    addRow(rows, e.getKey(), attributes.get(i), envs, byEnv, values, true);
                }
            }
            for (String a : raw) {
                addRow(rows, e.getKey(), a, envs, byEnv, values, false);
            }
        }
        Map<Integer, List<Map<String, Object>>> compareFindings = new java.util.HashMap<>();
        int position = 0;
        for (JsonNode rule : catalog.drift().path("drift")) {
            if (rule.path("kind").asText().equals("compare")) {
                List<Map<String, Object>> found = new ArrayList<>();
                compare(rule, found);
                compareFindings.put(position, found);
            }
            position++;
        }
        return new Settings(rows, compareFindings, promotion());
    }

    /** Adds the row of one setting of an address when some environment sets it; {@code values} is scratch space. */
    private void addRow(List<Map<String, Object>> rows, String address, String attribute, List<String> envs,
            PlannedResource[] byEnv, Object[] values, boolean normalised) {
        boolean any = false;
        for (int i = 0; i < byEnv.length; i++) {
            PlannedResource r = byEnv[i];
            Object v = r == null ? null : scalar(normalised ? r.attributes().get(attribute) : r.resource().raw().get(attribute));
            if (v instanceof String s && s.startsWith("${")) {
                v = null;
            }
            any |= v != null;
            values[i] = v;
        }
        if (any) {
            Map<String, Object> byName = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                byName.put(envs.get(i), values[i]);
            }
            rows.add(row(normalised ? "resource" : "resource_raw", address, attribute, byName));
        }
    }

    private static Object scalar(Object v) {
        if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String) {
            return v;
        }
        return null;
    }

    private static Map<String, Object> row(String source, String resource, String setting, Map<String, Object> values) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        if (resource != null) {
            m.put("resource", resource);
        }
        m.put("setting", setting);
        m.put("values", values);
        String first = null;
        boolean differs = false;
        for (Object v : values.values()) {
            String text = comparable(v);
            if (first == null) {
                first = text;
            } else if (!first.equals(text)) {
                differs = true;
                break;
            }
        }
        m.put("differs", differs);
        return m;
    }

    /** A value as compared across environments: numbers by value (1.0 = 1), anything else as text. */
    private static String comparable(Object v) {
        return v instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString()
                : v instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString()
                : Objects.toString(v);
    }

    /** The drift findings in rule order: resource rules tested here, compare rules' findings from {@link #settings}. */
    private List<Map<String, Object>> drift(Map<Integer, List<Map<String, Object>>> compareFindings) {
        List<Map<String, Object>> out = new ArrayList<>();
        int position = 0;
        for (JsonNode rule : catalog.drift().path("drift")) {
            String kind = rule.path("kind").asText();
            int at = position++;
            if (kind.equals("resource")) {
                facts.forEachHolding(FactCondition.of(rule.path("when")), (r, f) -> out.add(finding(rule, r.address(), null,
                        List.of(r.environment()), FactTemplate.render(rule.path("detail").asText(), f))));
            } else if (kind.equals("compare")) {
                out.addAll(compareFindings.get(at));
            } else {
                throw new RunbookCatalogException("drift.yaml: rule " + rule.path("id").asText() + ": unknown kind `" + kind
                        + "`; use resource or compare");
            }
        }
        return out;
    }

    private void compare(JsonNode rule, List<Map<String, Object>> out) {
        String higher = rule.path("higher").asText();
        String lower = rule.path("lower").asText();
        List<String> settings = RunbookBuilder.texts(rule.path("settings"));
        if (!facts.roles().containsValue(higher) || !facts.roles().containsValue(lower)) {
            return; // no environment has one of the two roles: no pair to compare
        }
        for (Map.Entry<String, List<PlannedResource>> e : facts.byAddress().entrySet()) {
            for (PlannedResource h : e.getValue()) {
                if (!higher.equals(facts.roleOf(h.environment()))) {
                    continue;
                }
                if (h.attributes().isEmpty()) {
                    continue; // no setting set: nothing can be larger (most resources)
                }
                for (PlannedResource l : e.getValue()) {
                    if (!lower.equals(facts.roleOf(l.environment())) || l.attributes().isEmpty()) {
                        continue;
                    }
                    for (String s : settings) {
                        Object hv = h.attributes().get(s);
                        Object lv = l.attributes().get(s);
                        boolean fires;
                        if (hv instanceof Boolean hb && lv instanceof Boolean lb) {
                            fires = hb && !lb;
                        } else {
                            BigDecimal hn = hv instanceof Boolean ? null : AttributeValues.number(hv);
                            BigDecimal ln = lv instanceof Boolean ? null : AttributeValues.number(lv);
                            fires = hn != null && ln != null && hn.compareTo(ln) > 0;
                        }
                        if (fires) {
                            out.add(finding(rule, e.getKey(), s, List.of(h.environment(), l.environment()),
                                    e.getKey() + " " + s + ": " + h.environment() + " " + FactTemplate.format(hv) + " > "
                                            + l.environment() + " " + FactTemplate.format(lv)));
                        }
                    }
                }
            }
        }
    }

    private static Map<String, Object> finding(JsonNode rule, String resource, String setting, List<String> envs, String detail) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", rule.path("id").asText());
        m.put("title", rule.path("title").asText());
        m.put("severity", rule.path("severity").asText());
        m.put("resource", resource);
        if (setting != null) {
            m.put("setting", setting);
        }
        m.put("environments", envs);
        m.put("detail", detail);
        return m;
    }

    private List<Map<String, Object>> promotion() {
        List<String> order = new ArrayList<>();
        catalog.drift().path("environment_roles").fieldNames().forEachRemaining(order::add);
        List<String> present = new ArrayList<>();
        for (String role : order) {
            if (facts.roles().containsValue(role)) {
                present.add(role);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i + 1 < present.size(); i++) {
            String from = present.get(i);
            String to = present.get(i + 1);
            for (JsonNode p : catalog.drift().path("promotion")) {
                if (p.path("from").asText().equals(from) && p.path("to").asText().equals(to)) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("from", envsOf(from));
                    m.put("to", envsOf(to));
                    m.put("trigger", p.path("trigger").asText());
                    m.put("approval", p.path("approval").asText());
                    m.put("testing", p.path("testing").asText());
                    out.add(m);
                    break;
                }
            }
        }
        return out;
    }

    private String envsOf(String role) {
        List<String> names = new ArrayList<>();
        facts.roles().forEach((env, r) -> {
            if (r.equals(role)) {
                names.add(env);
            }
        });
        return String.join(", ", names);
    }
}
