package dev.cloudshift.cli;

import dev.cloudshift.core.cost.CostInput;
import dev.cloudshift.core.cost.PlanJsonInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the cost commands get the resources to price: a plan.json file, or a directory holding one (for
 * example the {@code --out} directory of {@code cloudshift plan}).
 */
final class CostInputs {

    /** The inputs per environment and the target recorded in the plan (or null). */
    record Loaded(Map<String, List<CostInput>> environments, String planTarget) {
    }

    private CostInputs() {
    }

    static Loaded read(Path path, String env) {
        if (!Files.exists(path)) {
            throw CliException.usage(path + ": no such file or directory");
        }
        Path file = Files.isDirectory(path) ? path.resolve("plan.json") : path;
        if (!Files.isRegularFile(file)) {
            throw CliException.usage(path + ": expected a plan.json or a directory containing one "
                    + "(write it with 'cloudshift plan PATH --to TARGET --out DIR')");
        }
        PlanJsonInput.Contents c;
        try {
            c = PlanJsonInput.read(file);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        return new Loaded(select(c.environments(), env), c.target());
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
