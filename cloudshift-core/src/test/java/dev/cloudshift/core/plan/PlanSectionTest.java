package dev.cloudshift.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudshift.core.kb.KnowledgeBase;
import dev.cloudshift.core.report.PlanFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The extension point later stages use: a section added to a plan reaches both outputs without renderer changes. */
class PlanSectionTest {

    record CostLike(String currency, Map<String, Integer> monthly) implements PlanSection {
        @Override
        public String key() {
            return "cost";
        }

        @Override
        public String title() {
            return "Cost per environment";
        }

        @Override
        public Object toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("currency", currency);
            m.put("monthly", monthly);
            return m;
        }

        @Override
        public String toMarkdown() {
            StringBuilder sb = new StringBuilder("| Environment | Monthly |\n| --- | --- |\n");
            monthly.forEach((env, v) -> sb.append("| ").append(env).append(" | ").append(v).append(' ').append(currency).append(" |\n"));
            return sb.toString();
        }
    }

    @Test
    void aSectionIsWrittenToJsonAndMarkdownAndStaysSchemaValid() throws Exception {
        Plan plan = new Planner(KnowledgeBase.load()).plan(Path.of("..", "examples", "compose-backend"), "aws", List.of());
        Map<String, Integer> monthly = new LinkedHashMap<>();
        monthly.put("default", 120);
        monthly.put("prod", 480);
        Plan withCost = plan.withSection(new CostLike("USD", monthly)).withSection(new CostLike("USD", Map.of("prod", 500)));

        assertThat(withCost.sections()).hasSize(1);
        String json = PlanFormat.JSON.renderer().render(withCost);
        JsonNode root = new ObjectMapper().readTree(json);
        List<String> members = new ArrayList<>();
        root.fieldNames().forEachRemaining(members::add);
        assertThat(members).endsWith("warnings", "cost");
        assertThat(root.at("/cost/monthly/prod").asInt()).isEqualTo(500);
        assertThat(PlanSchema.problems(json)).isEmpty();

        String md = PlanFormat.MARKDOWN.renderer().render(withCost);
        assertThat(md).contains("## Cost per environment\n\n| Environment | Monthly |");
        assertThat(md.indexOf("## Cost per environment")).isLessThan(md.indexOf("## Warnings"))
                .isGreaterThan(md.indexOf("## Unmapped resources"));
        assertThat(PlanFormat.MARKDOWN.renderer().render(plan)).doesNotContain("## Cost");
    }
}
