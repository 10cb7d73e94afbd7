package dev.cloudshift.core.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A whole project as read: one inventory per environment, in the order the environments were found
 * (tfvars file names sorted dev, test, staging, prod, then others alphabetically), plus the problems that
 * belong to no single environment.
 */
public record Estate(Path root, List<String> sourceProviders, List<Inventory> environments, List<Diagnostic> warnings) {

    public Estate {
        sourceProviders = List.copyOf(sourceProviders);
        environments = List.copyOf(environments);
        warnings = List.copyOf(warnings);
    }
}
