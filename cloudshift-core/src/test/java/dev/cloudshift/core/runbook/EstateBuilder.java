package dev.cloudshift.core.runbook;

import dev.cloudshift.core.model.Resource;
import dev.cloudshift.core.plan.InputFile;
import dev.cloudshift.core.plan.Plan;
import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.core.plan.TargetMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds small plans by hand so a rule can be shown to fire on one fact and not without it. */
final class EstateBuilder {

    private final String target;
    private final List<PlannedResource> resources = new ArrayList<>();
    private final Set<String> environments = new LinkedHashSet<>();
    private final List<InputFile> inputs = new ArrayList<>();

    EstateBuilder(String target) {
        this.target = target;
    }

    static EstateBuilder to(String target) {
        return new EstateBuilder(target);
    }

    EstateBuilder add(String env, String address, String type, String category, Map<String, Object> attributes,
            String targetService, String... dependsOn) {
        environments.add(env);
        Resource r = new Resource(address, type, type.startsWith("compose_") ? "compose" : "aws", category, env,
                new LinkedHashMap<>(attributes), Map.of(), List.of(dependsOn), null);
        TargetMapping m = targetService == null ? new TargetMapping.Unmapped("no equivalent for " + type)
                : new TargetMapping.Mapped(targetService, List.of("x_" + type), List.of(), List.of(), null);
        resources.add(new PlannedResource(r, type, m));
        return this;
    }

    EstateBuilder input(String path, InputFile.Kind kind) {
        inputs.add(new InputFile(path, kind));
        return this;
    }

    Plan plan() {
        return new Plan("test", List.of("aws"), target, List.copyOf(environments), inputs, resources, List.of(), List.of(),
                List.of());
    }

    Runbook runbook() {
        return runbook(RunbookOptions.none());
    }

    Runbook runbook(RunbookOptions options) {
        return RunbookBuilder.withDefaults().build(plan(), options);
    }
}
