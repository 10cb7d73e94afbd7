package dev.cloudshift.core.plan;

import dev.cloudshift.core.model.ConfigEntry;
import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.model.Resource;
import java.util.List;
import java.util.Map;

/**
 * What the readers produced for a project, before normalisation: per environment the raw resources and
 * configuration entries, plus the files read and every diagnostic.
 *
 * @param environments per environment name, in no particular order
 * @param inputs       files read, relative to the project directory, sorted
 * @param diagnostics  every reader diagnostic
 * @param nothingRead  true when no file could be read at all
 * @param terraformVariables the root variables of every Terraform root module, in the order of the roots
 */
record SourceRead(Map<String, Environment> environments, List<InputFile> inputs, List<Diagnostic> diagnostics,
        boolean nothingRead, List<TerraformRootVariables> terraformVariables) {

    record Environment(List<Resource> resources, List<ConfigEntry> config) {
    }
}
