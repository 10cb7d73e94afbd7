package dev.cloudshift.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.core.cost.CostSection;
import dev.cloudshift.core.kb.KnowledgeBase;
import dev.cloudshift.core.plan.Plan;
import dev.cloudshift.core.plan.Planner;
import dev.cloudshift.core.runbook.RunbookBuilder;
import dev.cloudshift.core.runbook.RunbookOptions;
import dev.cloudshift.core.translate.TerraformSection;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What {@code cloudshift plan} does: the renderers prepare the priced plan on another thread while the translation
 * and the runbook complete it, then render the final plan. The text must be exactly what a fresh renderer writes.
 */
class PlanRendererPrepareTest {

    @ParameterizedTest
    @EnumSource(value = PlanFormat.class, names = {"JSON", "MARKDOWN"})
    void renderingAfterPreparingAnEarlierStageEqualsRenderingFromScratch(PlanFormat format) throws Exception {
        Planner planner = new Planner(KnowledgeBase.load());
        Plan priced = planner.plan(Path.of("..", "examples", "aws-container-platform"), "azure", List.of());
        priced = priced.withSection(CostSection.of(priced));
        PlanRenderer prepared = format.renderer();
        Plan earlier = priced;
        Thread ahead = new Thread(() -> prepared.prepare(earlier));
        ahead.start();
        Plan plan = TerraformSection.attach(priced);
        plan = RunbookBuilder.withDefaults().build(plan, RunbookOptions.none()).addTo(plan);
        ahead.join();

        String fresh = format.renderer().render(plan);

        assertThat(prepared.render(plan)).isEqualTo(fresh);
        java.io.ByteArrayOutputStream streamed = new java.io.ByteArrayOutputStream();
        prepared.write(plan, streamed);
        assertThat(streamed.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(fresh);
        assertThat(fresh).contains("aws_db_instance").contains(format == PlanFormat.JSON ? "\"cost\": {" : "## Cost");

        Plan other = planner.plan(Path.of("..", "examples", "compose-backend"), "azure", List.of());
        assertThat(prepared.render(other)).as("parts prepared for another plan are not used")
                .isEqualTo(format.renderer().render(other));
    }
}
