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
        // environments are derived independently (the planner is read-only): on both cores, joined in order
        List<Inventory> envs = inventory.environments();
        List<Derived> derived = (envs.size() > 1 ? envs.parallelStream() : envs.stream())
                .map(env -> derive(planner, env, planned, target))
                .toList();
        List<ConfigChange> out = new ArrayList<>();
        for (Derived d : derived) {
            out.addAll(d.changes());
            if (d.failure() != null) {
                warnings.add(d.failure());
            }
        }
        return out;
    }

    /** The changes of one environment, or the warning that they could not be derived. */
    private record Derived(List<ConfigChange> changes, Diagnostic failure) {
    }

    private static Derived derive(ConfigChangePlanner planner, Inventory env, List<PlannedResource> planned, String target) {
        Map<String, String> serviceByType = new HashMap<>();
        for (PlannedResource r : planned) {
            if (r.environment().equals(env.environment()) && r.mapping() instanceof TargetMapping.Mapped m) {
                serviceByType.putIfAbsent(r.type(), m.service());
            }
        }
        try {
            return new Derived(planner.plan(env.environment(), env.config(), env.resources(), target, serviceByType::get), null);
        } catch (RuntimeException e) {
            return new Derived(List.of(), new Diagnostic(".", 0, 0, "configuration changes of environment " + env.environment()
                    + " could not be derived: internal error " + e.getClass().getSimpleName() + " (please report it)"));
        }
    }
}
