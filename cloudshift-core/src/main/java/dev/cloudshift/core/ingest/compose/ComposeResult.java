package dev.cloudshift.core.ingest.compose;

import dev.cloudshift.core.model.ConfigEntry;
import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.model.Resource;

import java.util.List;

/**
 * What {@link ComposeReader} read from a compose project.
 *
 * @param resources    one resource per service per environment ({@code compose.<service>}, environment set)
 * @param config       every environment variable of every service (from {@code environment} and
 *                     {@code env_file}), per environment, values redacted where secret
 * @param warnings     problems found, as {@code file:line:column: message}; never containing a secret
 * @param environments environment names found: {@code default} (base file plus override) first, then those
 *                     named by {@code docker-compose.<env>.yml} or {@code .env.<env>} files, sorted
 */
public record ComposeResult(List<Resource> resources, List<ConfigEntry> config, List<Diagnostic> warnings, List<String> environments) {

    public ComposeResult {
        resources = List.copyOf(resources);
        config = List.copyOf(config);
        warnings = List.copyOf(warnings);
        environments = List.copyOf(environments);
    }

    /** The resources of one environment. */
    public List<Resource> resources(String environment) {
        return resources.stream().filter(r -> r.environment().equals(environment)).toList();
    }

    /** The configuration entries of one environment. */
    public List<ConfigEntry> config(String environment) {
        return config.stream().filter(c -> c.environment().equals(environment)).toList();
    }
}
