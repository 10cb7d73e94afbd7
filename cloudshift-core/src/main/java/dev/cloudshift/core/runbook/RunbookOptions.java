package dev.cloudshift.core.runbook;

import java.util.Map;

/**
 * What the user adds to the facts of the estate.
 *
 * @param maxDowntimeMinutes the longest acceptable downtime ({@code --max-downtime}); null when not given
 * @param variables          per environment, the Terraform root variables read from the tfvars (secrets already
 *                           {@code <sensitive>}); see {@link TerraformVariables}
 */
public record RunbookOptions(Integer maxDowntimeMinutes, Map<String, Map<String, Object>> variables) {

    public RunbookOptions {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        if (maxDowntimeMinutes != null && maxDowntimeMinutes < 0) {
            throw new IllegalArgumentException("maximum downtime must be zero or more minutes");
        }
    }

    public static RunbookOptions none() {
        return new RunbookOptions(null, Map.of());
    }
}
