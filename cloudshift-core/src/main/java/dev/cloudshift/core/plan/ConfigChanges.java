package dev.cloudshift.core.plan;

import dev.cloudshift.core.config.ConfigChangePlanner;
import dev.cloudshift.core.model.ConfigChange;
import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.model.Inventory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives the configuration changes of a planned project, environment by environment, with the
 * {@link ConfigChangePlanner}; the target service each source type maps to comes from the plan's mappings.
 */
final class ConfigChanges {

    private ConfigChanges() {
    }

    static List<ConfigChange> derive(ConfigChangePlanner planner, ProjectInventory inventory, List<PlannedResource> planned,
            String target, List<Diagnostic> warnings) {
        List<ConfigChange> out = new ArrayList<>();
        for (Inventory env : inventory.environments()) {
            Map<String, String> serviceByType = new HashMap<>();
            for (PlannedResource r : planned) {
                if (r.environment().equals(env.environment()) && r.mapping() instanceof TargetMapping.Mapped m) {
                    serviceByType.putIfAbsent(r.type(), m.service());
                }
            }
            try {
                out.addAll(planner.plan(env.environment(), env.config(), env.resources(), target, serviceByType::get));
            } catch (RuntimeException e) {
                warnings.add(new Diagnostic(".", 0, 0, "configuration changes of environment " + env.environment()
                        + " could not be derived: internal error " + e.getClass().getSimpleName() + " (please report it)"));
            }
        }
        return out;
    }
}
