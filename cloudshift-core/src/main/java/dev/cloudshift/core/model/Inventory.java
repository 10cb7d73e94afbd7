package dev.cloudshift.core.model;

import java.util.List;

/**
 * Everything read from a project for one environment: resources with their dependency edges, the
 * configuration settings applications read, and the problems met while reading.
 */
public record Inventory(
        String environment,
        List<Resource> resources,
        List<ConfigEntry> config,
        List<Diagnostic> warnings) {

    public Inventory {
        resources = List.copyOf(resources);
        config = List.copyOf(config);
        warnings = List.copyOf(warnings);
    }
}
