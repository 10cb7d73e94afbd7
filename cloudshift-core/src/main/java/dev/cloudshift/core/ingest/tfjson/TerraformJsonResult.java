package dev.cloudshift.core.ingest.tfjson;

import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.model.Resource;

import java.util.List;

/**
 * What {@link TerraformJsonReader} read from one file.
 *
 * @param kind        {@code plan}, {@code state}, or null when the file was not Terraform JSON
 * @param resources   managed resource instances, addresses exactly as Terraform writes them
 * @param diagnostics problems found; never containing a value
 */
public record TerraformJsonResult(String kind, List<Resource> resources, List<Diagnostic> diagnostics) {

    public TerraformJsonResult {
        resources = List.copyOf(resources);
        diagnostics = List.copyOf(diagnostics);
    }
}
