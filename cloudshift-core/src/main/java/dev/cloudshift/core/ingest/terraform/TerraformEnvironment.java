package dev.cloudshift.core.ingest.terraform;

import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.model.Resource;
import java.util.List;
import java.util.Map;

/**
 * The evaluated inventory of a Terraform root module for one environment.
 *
 * @param name      environment name ({@code dev}, {@code prod}, {@code default})
 * @param resources every resource and data-source instance, modules expanded, in declaration order
 * @param variables the root module's variable values (JSON-like; secrets as {@code <sensitive>}, unknowns as
 *                  {@code ${expr}})
 * @param warnings  evaluation problems for this environment (missing values, unknown count, remote modules...)
 */
public record TerraformEnvironment(String name, List<Resource> resources, Map<String, Object> variables,
                                   List<Diagnostic> warnings) {

    public TerraformEnvironment {
        resources = List.copyOf(resources);
        variables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
        warnings = List.copyOf(warnings);
    }
}
