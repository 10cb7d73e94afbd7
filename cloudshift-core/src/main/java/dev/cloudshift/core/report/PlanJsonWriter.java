package dev.cloudshift.core.report;

import dev.cloudshift.core.model.ConfigChange;
import dev.cloudshift.core.plan.Plan;
import dev.cloudshift.core.plan.PlanSection;
import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.core.plan.TargetMapping;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes plan.json, the documented contract of docs/plan.schema.json. Member order is fixed, attribute
 * maps are sorted by key, and every path is relative to the project directory.
 */
public final class PlanJsonWriter implements PlanRenderer {

    /** Version of the plan.json layout; raised on a breaking change to the schema. */
    public static final int FORMAT_VERSION = 1;

    /** Text of the parts rendered by {@link #prepare}, by identity of the (immutable) resource list or section. */
    private final Map<Object, JsonText.Rendered> prepared = Collections.synchronizedMap(new IdentityHashMap<>());

    @Override
    public String render(Plan plan) {
        return JsonText.write(tree(plan));
    }

    /** Streams plan.json: the parts already {@link #prepare prepared} go out as they are, never joined into one string. */
    @Override
    public void write(Plan plan, OutputStream out) throws IOException {
        JsonText.write(tree(plan), out);
    }

    @Override
    public void prepare(Plan plan) {
        if (!prepared.containsKey(plan.resources())) {
            prepared.put(plan.resources(), JsonText.rendered(resources(plan), 1));
        }
        for (PlanSection s : plan.sections()) {
            if (!prepared.containsKey(s)) {
                prepared.put(s, JsonText.renderedSorted(s.toJson(), 1));
            }
        }
    }

    /** The plan as an ordered tree to write, with the parts already {@link #prepare prepared} as their text. */
    private Map<String, Object> tree(Plan plan) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format_version", FORMAT_VERSION);
        root.put("project", plan.project());
        root.put("source", plan.source());
        root.put("target", plan.target());
        root.put("environments", plan.environments());
        root.put("inputs", JsonMembers.inputs(plan.inputs()));
        JsonText.Rendered resources = prepared.get(plan.resources());
        root.put("resources", resources != null ? resources : resources(plan));
        List<Object> changes = new ArrayList<>();
        for (ConfigChange c : plan.configChanges()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("environment", c.environment());
            m.put("file", c.file());
            m.put("key", c.key());
            m.put("from", c.from());
            m.put("to", c.to());
            m.put("reason", c.reason());
            changes.add(m);
        }
        root.put("config_changes", changes);
        root.put("warnings", JsonMembers.warnings(plan.warnings()));
        for (PlanSection s : plan.sections()) {
            JsonText.Rendered section = prepared.get(s);
            root.put(s.key(), section != null ? section : JsonText.renderedSorted(s.toJson(), 1));
        }
        return root;
    }

    private static List<Object> resources(Plan plan) {
        List<Object> resources = new ArrayList<>(plan.resources().size());
        for (PlannedResource r : plan.resources()) {
            resources.add(resource(r));
        }
        return resources;
    }

    private static Map<String, Object> resource(PlannedResource r) {
        Map<String, Object> m = JsonMembers.resource(r.resource(), r.sourceService());
        if (r.mapping() instanceof TargetMapping.Mapped t) {
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("service", t.service());
            target.put("resource_types", t.resourceTypes());
            target.put("notes", t.notes());
            target.put("alternatives", t.alternatives());
            if (t.absorbedBy() != null) {
                target.put("absorbed_by", t.absorbedBy());
            }
            m.put("target", target);
        } else if (r.mapping() instanceof TargetMapping.Unmapped u) {
            m.put("unmapped", Map.of("reason", u.reason()));
        }
        return m;
    }
}
