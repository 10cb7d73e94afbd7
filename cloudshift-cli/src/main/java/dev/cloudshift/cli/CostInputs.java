package dev.cloudshift.cli;

import dev.cloudshift.core.cost.CostInput;
import dev.cloudshift.core.cost.PlanJsonInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the cost commands get the resources to price: a plan.json file, a directory holding one (the
 * {@code --out} directory of {@code cloudshift plan}), or a project directory, which is planned first.
 */
final class CostInputs {

    /** The inputs per environment and the target recorded in the plan (or null). */
    record Loaded(Map<String, List<CostInput>> environments, String planTarget) {
    }

    private CostInputs() {
    }

    static Loaded read(Path path, String env) {
        return read(path, env, null);
    }

    /** @param target the cloud to map a project to when PATH is a project directory (null: source side only) */
    static Loaded read(Path path, String env, String target) {
        if (!Files.exists(path)) {
            throw CliException.usage(path + ": no such file or directory");
        }
        if (Files.isDirectory(path) && !Files.isRegularFile(path.resolve("plan.json"))) {
            return project(path, env, target);
        }
        Path file = Files.isDirectory(path) ? path.resolve("plan.json") : path;
        if (!Files.isRegularFile(file)) {
            throw CliException.usage(path + ": expected a project directory, a plan.json or a directory containing one");
        }
        PlanJsonInput.Contents c;
        try {
            c = PlanJsonInput.read(file);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        return new Loaded(select(c.environments(), env), c.target());
    }

    private static Loaded project(Path dir, String env, String target) {
        // Without --to only the source side is priced; the planner still needs a target to map to.
        String mapTo = target != null ? target : "azure";
        dev.cloudshift.core.plan.Plan plan;
        try {
            plan = dev.cloudshift.core.plan.Planner.withDefaults().plan(dir, mapTo, env == null ? List.of() : List.of(env));
        } catch (dev.cloudshift.core.plan.PlanInputException e) {
            throw CliException.usage(e.getMessage());
        }
        return new Loaded(dev.cloudshift.core.cost.PlanCostInputs.from(plan), mapTo);
    }

    /** A plan maps to one target: pricing it on another would price the wrong resource types. */
    static void checkTarget(Loaded in, String target, Path path) {
        if (target != null && in.planTarget() != null && !in.planTarget().equals(target)) {
            throw CliException.usage(path + ": this plan maps to " + in.planTarget() + ", not " + target
                    + "; plan again with 'cloudshift plan PROJECT --to " + target + " --out DIR' and price that");
        }
    }

    static Map<String, List<CostInput>> select(Map<String, List<CostInput>> all, String env) {
        if (env == null) {
            return all;
        }
        if (!all.containsKey(env)) {
            throw CliException.usage("no environment '" + env + "'; the project has: " + String.join(", ", all.keySet()));
        }
        Map<String, List<CostInput>> one = new LinkedHashMap<>();
        one.put(env, all.get(env));
        return one;
    }
}
