package dev.cloudshift.core.cost;

import dev.cloudshift.core.cost.catalog.PriceCatalog;
import dev.cloudshift.core.cost.report.CostJson;
import dev.cloudshift.core.cost.report.CostMarkdown;
import dev.cloudshift.core.cost.usage.UsageDefaults;
import dev.cloudshift.core.plan.Plan;
import dev.cloudshift.core.plan.PlanSection;

/**
 * The {@code cost} section of a plan (issue 4): plan.json gains {@code "cost": {environment: {...}}} and plan.md
 * a "Cost" chapter with the tables per environment, source against target.
 */
public final class CostSection implements PlanSection {

    private final CostEstimate estimate;

    public CostSection(CostEstimate estimate) {
        this.estimate = estimate;
    }

    /** Prices a plan with the bundled catalog and usage defaults (what {@code cloudshift plan} writes). */
    public static CostSection of(Plan plan) {
        return of(plan, new CostEstimator(PriceCatalog.bundled(), UsageDefaults.bundled()));
    }

    public static CostSection of(Plan plan, CostEstimator estimator) {
        return new CostSection(estimator.estimate(PlanCostInputs.from(plan), plan.target()));
    }

    public CostEstimate estimate() {
        return estimate;
    }

    @Override
    public String key() {
        return "cost";
    }

    @Override
    public String title() {
        return "Cost";
    }

    @Override
    public Object toJson() {
        return CostJson.environments(estimate);
    }

    @Override
    public String toMarkdown() {
        return CostMarkdown.render(estimate);
    }
}
