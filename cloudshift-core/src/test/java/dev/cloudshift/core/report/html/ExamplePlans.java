package dev.cloudshift.core.report.html;

import dev.cloudshift.core.cost.CostSection;
import dev.cloudshift.core.kb.KnowledgeBase;
import dev.cloudshift.core.plan.Plan;
import dev.cloudshift.core.plan.Planner;
import dev.cloudshift.core.runbook.RunbookBuilder;
import dev.cloudshift.core.runbook.RunbookOptions;
import dev.cloudshift.core.runbook.TerraformVariables;
import java.nio.file.Path;
import java.util.List;

/** Plans of the example estates built the way {@code cloudshift plan} builds them (cost and runbook included). */
final class ExamplePlans {

    static final Path EXAMPLES = Path.of("..", "examples");
    private static Planner planner;

    private ExamplePlans() {
    }

    static synchronized Plan of(String example, String target) {
        return of(EXAMPLES.resolve(example), target);
    }

    static synchronized Plan of(Path input, String target) {
        if (planner == null) {
            planner = new Planner(KnowledgeBase.load());
        }
        Plan plan = planner.plan(input, target, List.of());
        plan = plan.withSection(CostSection.of(plan));
        return RunbookBuilder.withDefaults()
                .build(plan, new RunbookOptions(null, TerraformVariables.read(input, plan.environments())))
                .addTo(plan);
    }
}
