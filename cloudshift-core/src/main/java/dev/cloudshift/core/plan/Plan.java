package dev.cloudshift.core.plan;

import dev.cloudshift.core.model.ConfigChange;
import dev.cloudshift.core.model.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * A migration plan: what was read, the resources of every environment with their target mapping, the
 * configuration changes and the warnings. Immutable; every list is in a deterministic order (environments
 * as found, resources by environment then address, changes by environment, file and key, warnings by
 * place) so that rendered files are stable.
 *
 * @param project        display name of the project (its directory name)
 * @param source         source providers found ({@code aws}, {@code compose}, ...), sorted
 * @param target         target provider ({@code azure}, {@code aws}, {@code gcp})
 * @param environments   environment names in order
 * @param inputs         files read, relative to the project directory
 * @param resources      one entry per resource instance per environment
 * @param configChanges  settings an application must change on the target
 * @param warnings       problems that did not stop planning
 * @param sections       optional sections added by later stages (cost, translation, runbook)
 */
public record Plan(
        String project,
        List<String> source,
        String target,
        List<String> environments,
        List<InputFile> inputs,
        List<PlannedResource> resources,
        List<ConfigChange> configChanges,
        List<Diagnostic> warnings,
        List<PlanSection> sections) {

    public Plan {
        source = List.copyOf(source);
        environments = List.copyOf(environments);
        inputs = List.copyOf(inputs);
        resources = List.copyOf(resources);
        configChanges = List.copyOf(configChanges);
        warnings = List.copyOf(warnings);
        sections = List.copyOf(sections);
    }

    /** This plan with one more section; a section with the same key is replaced. */
    public Plan withSection(PlanSection section) {
        List<PlanSection> next = new ArrayList<>();
        for (PlanSection s : sections) {
            if (!s.key().equals(section.key())) {
                next.add(s);
            }
        }
        next.add(section);
        return new Plan(project, source, target, environments, inputs, resources, configChanges, warnings, next);
    }

    /** The resources of one environment, in plan order. */
    public List<PlannedResource> resourcesOf(String environment) {
        return resources.stream().filter(r -> r.environment().equals(environment)).toList();
    }
}
