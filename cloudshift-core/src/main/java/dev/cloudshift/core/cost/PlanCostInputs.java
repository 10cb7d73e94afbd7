package dev.cloudshift.core.cost;

import dev.cloudshift.core.plan.Plan;
import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.core.plan.TargetMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The resources of a {@link Plan} as cost inputs, per environment in plan order, with their target mapping. */
public final class PlanCostInputs {

    private PlanCostInputs() {
    }

    public static Map<String, List<CostInput>> from(Plan plan) {
        Map<String, List<CostInput>> envs = new LinkedHashMap<>();
        for (String env : plan.environments()) {
            List<CostInput> inputs = new ArrayList<>();
            for (PlannedResource r : plan.resourcesOf(env)) {
                inputs.add(input(r));
            }
            envs.put(env, inputs);
        }
        return envs;
    }

    static CostInput input(PlannedResource r) {
        if (r.mapping() instanceof TargetMapping.Mapped m) {
            return new CostInput(r.resource(), m.service(), m.resourceTypes(), null, m.absorbedBy());
        }
        if (r.mapping() instanceof TargetMapping.Unmapped u) {
            return new CostInput(r.resource(), null, List.of(), u.reason());
        }
        return CostInput.sourceOnly(r.resource());
    }
}
