package dev.cloudshift.core.report;

import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.model.Inventory;
import dev.cloudshift.core.model.Resource;
import dev.cloudshift.core.plan.InputFile;
import dev.cloudshift.core.plan.ProjectInventory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cloudshift inventory --format json}: the resources of every environment with the same resource
 * members as plan.json (without a target), plus the files read and the warnings.
 */
public final class InventoryJsonWriter {

    public String render(ProjectInventory inventory) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("project", inventory.project());
        root.put("source", inventory.source());
        root.put("environments", inventory.environmentNames());
        List<Object> inputs = new ArrayList<>();
        for (InputFile f : inventory.inputs()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.path());
            m.put("kind", f.kind().label());
            inputs.add(m);
        }
        root.put("inputs", inputs);
        List<Object> resources = new ArrayList<>();
        for (Inventory env : inventory.environments()) {
            for (Resource r : env.resources()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("address", r.address());
                m.put("type", r.type());
                m.put("provider", r.provider());
                m.put("category", r.category());
                m.put("environment", r.environment());
                m.put("attributes", JsonValues.canonical(r.attributes()));
                m.put("depends_on", r.dependsOn());
                if (r.position() != null && r.position().file() != null) {
                    m.put("defined_at", r.position().toString());
                }
                resources.add(m);
            }
        }
        root.put("resources", resources);
        List<Object> warnings = new ArrayList<>();
        for (Diagnostic d : inventory.warnings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", d.file());
            m.put("line", d.line());
            m.put("column", d.column());
            m.put("message", d.message());
            warnings.add(m);
        }
        root.put("warnings", warnings);
        return JsonText.write(root);
    }
}
