package dev.cloudshift.core.runbook;

import dev.cloudshift.core.plan.Plan;
import dev.cloudshift.core.plan.PlanSection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The runbook of a plan as the six plan.json members it adds (JSON-like values, deterministic order, no secret
 * values): {@code strategy} (recommendation, options, data strategy per store, effort totals and team),
 * {@code phases} (ordered, with tasks, effort, duration, entry/exit and timeline days), {@code risks},
 * {@code rollback} (per phase and decision points), {@code checklists} and {@code environment_matrix}.
 */
public record Runbook(Map<String, Object> strategy, List<Map<String, Object>> phases, List<Map<String, Object>> risks,
        Map<String, Object> rollback, List<Map<String, Object>> checklists, Map<String, Object> environmentMatrix) {

    /** The runbook as plan sections, in the order plan.md shows them. */
    public List<PlanSection> sections() {
        return sections(() -> RunbookMarkdown.checklists(this), () -> RunbookMarkdown.environmentMatrix(this));
    }

    /**
     * The sections, the Markdown of the checklists and of the environment matrix taken from the given suppliers (in
     * section order, after the other sections' Markdown is rendered here).
     */
    List<PlanSection> sections(Supplier<String> checklistsMarkdown, Supplier<String> matrixMarkdown) {
        return List.of(
                new RunbookSection("strategy", "Migration strategy", strategy, RunbookMarkdown.strategy(this)),
                new RunbookSection("phases", "Phases, effort and timeline", phases, RunbookMarkdown.phases(this)),
                new RunbookSection("risks", "Risks", risks, RunbookMarkdown.risks(this)),
                new RunbookSection("rollback", "Rollback and decision points", rollback, RunbookMarkdown.rollback(this)),
                new RunbookSection("checklists", "Validation checklists", checklists, checklistsMarkdown.get()),
                new RunbookSection("environment_matrix", "Environment specification", environmentMatrix,
                        matrixMarkdown.get()));
    }

    /** {@code plan} with the runbook sections added (replacing earlier ones of the same keys). */
    public Plan addTo(Plan plan) {
        return addTo(plan, sections());
    }

    static Plan addTo(Plan plan, List<PlanSection> sections) {
        Plan p = plan;
        for (PlanSection s : sections) {
            p = p.withSection(s);
        }
        return p;
    }

    /** Markdown rendered ahead, or how its rendering failed (rethrown by {@link #text}, where it was rendered before). */
    record Rendered(String markdown, Throwable failure) {
        /** Renders {@code work}, keeping a runtime exception or error to rethrow from {@link #text}. */
        static Rendered of(Supplier<String> work) {
            try {
                return new Rendered(work.get(), null);
            } catch (RuntimeException | Error e) {
                return new Rendered(null, e);
            }
        }

        String text() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return markdown;
        }
    }

    /** One runbook part as a plan section. */
    record RunbookSection(String key, String title, Object json, String markdown) implements PlanSection {
        @Override
        public Object toJson() {
            return json;
        }

        @Override
        public String toMarkdown() {
            return markdown;
        }
    }
}
