package dev.cloudshift.core.report;

import dev.cloudshift.core.model.Inventory;
import dev.cloudshift.core.model.Resource;
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
        root.put("inputs", JsonMembers.inputs(inventory.inputs()));
        List<Object> resources = new ArrayList<>();
        for (Inventory env : inventory.environments()) {
            for (Resource r : env.resources()) {
                resources.add(JsonMembers.resource(r, null));
            }
        }
        root.put("resources", resources);
        root.put("warnings", JsonMembers.warnings(inventory.warnings()));
        return JsonText.write(root);
    }
}
