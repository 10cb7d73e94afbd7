package dev.cloudshift.core.cost;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** docs/cost.schema.json rejects what the contract forbids (the golden files are validated against it). */
class CostSchemaTest {

    static String doc(String line) {
        return """
                {"source": "aws", "target": "azure", "environments": {"dev": {
                  "source_monthly_usd": 5, "target_monthly_usd": 0, "source_range_usd": [5, 5], "target_range_usd": [0, 0],
                  "lines": [%s], "assumptions": ["usage profile 'dev'"], "sizing": []}}}
                """.formatted(line);
    }

    @Test
    void aZeroLineMustSayWhyAndAPricedLineIsAccepted() throws Exception {
        String priced = """
                {"address": "aws_lb.web", "side": "source", "service": "ELB", "sku": "alb-hour", "component": "lb",
                 "quantity": 730, "unit": "hour", "unit_price_usd": 0.0225, "monthly_usd": 16.43,
                 "monthly_range_usd": [16.43, 16.43], "note": null}""";
        assertThat(GoldenCostTest.schemaProblems(doc(priced))).isEmpty();
        String silentZero = priced.replace("\"unit_price_usd\": 0.0225", "\"unit_price_usd\": null");
        assertThat(GoldenCostTest.schemaProblems(doc(silentZero))).isNotEmpty();
        String unknownSide = priced.replace("\"side\": \"source\"", "\"side\": \"both\"");
        assertThat(GoldenCostTest.schemaProblems(doc(unknownSide))).isNotEmpty();
    }
}
