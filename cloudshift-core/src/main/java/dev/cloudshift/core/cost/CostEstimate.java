package dev.cloudshift.core.cost;

import java.util.List;

/** Cost per environment of a whole project: what it costs where it runs, and on the target cloud if asked. */
public record CostEstimate(String sourceProviders, String targetProvider, List<EnvironmentCost> environments) {

    public CostEstimate {
        environments = List.copyOf(environments);
    }
}
