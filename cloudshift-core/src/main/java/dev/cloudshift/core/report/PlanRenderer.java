package dev.cloudshift.core.report;

import dev.cloudshift.core.plan.Plan;

/** Renders a whole plan as the text of one output file. */
public interface PlanRenderer {

    /** The rendered document; deterministic for a given plan. */
    String render(Plan plan);
}
