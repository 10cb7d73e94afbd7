package dev.cloudshift.core.translate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generated Terraform: file name (relative to DIR/terraform/) to canonical text, in writing order, the TODOs with
 * their place in those files, and the source blocks absorbed into another target resource.
 */
public record TerraformOutput(Map<String, String> files, List<Todo> todos, List<String> absorbed) {

    public TerraformOutput {
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
        todos = List.copyOf(todos);
        absorbed = List.copyOf(absorbed);
    }

    public static TerraformOutput empty() {
        return new TerraformOutput(Map.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }
}
