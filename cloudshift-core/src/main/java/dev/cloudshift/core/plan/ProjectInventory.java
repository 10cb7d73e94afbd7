package dev.cloudshift.core.plan;

import dev.cloudshift.core.model.ConfigEntry;
import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.model.Inventory;
import dev.cloudshift.core.model.Resource;
import java.util.List;
import java.util.Map;

/**
 * A project as read and normalised, before mapping: one inventory per environment (resources normalised by
 * the knowledge base, each with its validated dependency edges), the files read and the warnings.
 *
 * @param project      display name (the directory name)
 * @param source       source providers found, sorted
 * @param inputs       files read, relative to the project directory
 * @param environments one inventory per environment, in environment order
 * @param graphs       the dependency graph of each environment
 * @param warnings     every warning, sorted by place, without duplicates
 * @param terraformVariables the root variable values of every Terraform root module, per environment (every
 *                     environment the module has, not only the selected ones)
 */
public record ProjectInventory(
        String project,
        List<String> source,
        List<InputFile> inputs,
        List<Inventory> environments,
        Map<String, DependencyGraph> graphs,
        List<Diagnostic> warnings,
        List<TerraformRootVariables> terraformVariables) {

    public ProjectInventory {
        source = List.copyOf(source);
        inputs = List.copyOf(inputs);
        environments = List.copyOf(environments);
        graphs = Map.copyOf(graphs);
        warnings = List.copyOf(warnings);
        terraformVariables = List.copyOf(terraformVariables);
    }

    public List<String> environmentNames() {
        return environments.stream().map(Inventory::environment).toList();
    }

    public List<Resource> resources() {
        return environments.stream().flatMap(i -> i.resources().stream()).toList();
    }

    public List<ConfigEntry> config() {
        return environments.stream().flatMap(i -> i.config().stream()).toList();
    }
}
