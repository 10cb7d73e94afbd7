package dev.cloudshift.core.plan;

/**
 * An optional part of a plan contributed by a later stage: cost per environment (issue 4), target Terraform
 * (issue 5), runbook (issue 6). The renderers write every section without knowing its kind: plan.json gets
 * {@code "<key>": toJson()} after the built-in members, plan.md gets {@code ## <title>} followed by
 * {@link #toMarkdown()} before the warnings. A new section therefore needs no change to a renderer; a new
 * output format (HTML) adds one case to {@link dev.cloudshift.core.report.PlanFormat}.
 */
public interface PlanSection {

    /** Top-level member name in plan.json: lower_snake_case, not one of the built-in members. */
    String key();

    /** Heading in plan.md. */
    String title();

    /**
     * The section as a JSON-like value (Map with String keys, List, String, Number, Boolean, null), with
     * deterministic ordering (use LinkedHashMap / sorted lists) and no secret values.
     */
    Object toJson();

    /** The section body in Markdown (without its heading), ending with a newline. */
    String toMarkdown();
}
