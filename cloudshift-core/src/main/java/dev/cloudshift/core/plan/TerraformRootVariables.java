package dev.cloudshift.core.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a Terraform root module's variables per environment, as evaluated while the project was read
 * (JSON-like values; secrets as {@code <sensitive>}), so that later stages (the runbook's environment matrix)
 * need not evaluate the module again.
 *
 * @param module        the root module's directory relative to the project directory ({@code ""} for the project
 *                      directory itself)
 * @param environments  every environment of the module in its order, with its variable values; empty when the
 *                      module could not be read
 */
public record TerraformRootVariables(String module, Map<String, Map<String, Object>> environments) {

    public TerraformRootVariables {
        environments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environments));
    }

    /** A root module that could not be read or evaluated. */
    static TerraformRootVariables unreadable(String module) {
        return new TerraformRootVariables(module, Map.of());
    }

    static TerraformRootVariables of(String module, List<String> environments, List<Map<String, Object>> values) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        for (int i = 0; i < environments.size(); i++) {
            m.put(environments.get(i), values.get(i));
        }
        return new TerraformRootVariables(module, m);
    }
}
