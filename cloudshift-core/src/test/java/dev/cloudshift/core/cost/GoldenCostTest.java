package dev.cloudshift.core.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudshift.core.cost.catalog.PriceCatalog;
import dev.cloudshift.core.cost.report.CostJson;
import dev.cloudshift.core.cost.report.CostMarkdown;
import dev.cloudshift.core.cost.usage.UsageDefaults;
import dev.cloudshift.core.kb.KnowledgeBase;
import dev.cloudshift.core.plan.Plan;
import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.core.plan.Planner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests of the cost breakdown of every example estate: one folder per case under
 * {@code src/test/golden-cost/<case>/} with {@code case.properties} ({@code example=<name under examples/>},
 * {@code target=azure|aws|gcp}) and the expected {@code cost.json} and {@code cost.md}. The example is planned
 * with the shipped knowledge base and priced with the bundled catalog and usage defaults. Regenerate with
 * {@code -Dgolden.update=true} and review the diff.
 */
class GoldenCostTest {

    static final Path GOLDEN = Path.of("src", "test", "golden-cost");
    static final Path EXAMPLES = Path.of("..", "examples");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static Planner planner;
    private static CostEstimator estimator;

    @BeforeAll
    static void load() {
        planner = new Planner(KnowledgeBase.load());
        estimator = new CostEstimator(PriceCatalog.bundled(), UsageDefaults.bundled());
    }

    private static com.networknt.schema.JsonSchema schema;

    static synchronized String schemaProblems(String json) throws IOException {
        ObjectMapper m = new ObjectMapper();
        if (schema == null) {
            schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                    .getSchema(m.readTree(Files.readString(Path.of("..", "docs", "cost.schema.json"))));
        }
        return schema.validate(m.readTree(json)).stream().map(Object::toString).sorted()
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(GOLDEN)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("case.properties")))
                    .map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void breakdownMatchesGoldenFiles(String name) throws IOException {
        Path dir = GOLDEN.resolve(name);
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("case.properties"))) {
            p.load(in);
        }
        Plan plan = planner.plan(EXAMPLES.resolve(p.getProperty("example")), p.getProperty("target"), List.of());
        CostEstimate estimate = estimator.estimate(PlanCostInputs.from(plan), plan.target());

        String json = CostJson.write(CostJson.document(estimate));
        String md = CostMarkdown.render(estimate);
        List<String> mismatches = new ArrayList<>();
        for (String[] f : new String[][] {{"cost.json", json}, {"cost.md", md}}) {
            Path expected = dir.resolve(f[0]);
            if (UPDATE) {
                Files.writeString(expected, f[1], StandardCharsets.UTF_8);
                continue;
            }
            assertThat(expected).as("golden file %s (create it with -Dgolden.update=true)", expected).exists();
            if (!Files.readString(expected, StandardCharsets.UTF_8).equals(f[1])) {
                Path actual = Path.of("target", "golden-cost-actual", name, f[0]);
                Files.createDirectories(actual.getParent());
                Files.writeString(actual, f[1], StandardCharsets.UTF_8);
                mismatches.add(f[0] + " differs from " + expected + " (actual output in " + actual
                        + "; diff them, then regenerate with -Dgolden.update=true if the change is intended)");
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(schemaProblems(json)).as("cost.json against docs/cost.schema.json").isEmpty();

        // Whatever the figures, the contract holds: every resource of every environment has lines on both
        // sides, and a zero line always says why.
        JsonNode envs = new ObjectMapper().readTree(json).get("environments");
        for (String env : plan.environments()) {
            JsonNode e = envs.get(env);
            assertThat(e).as(env).isNotNull();
            for (PlannedResource r : plan.resourcesOf(env)) {
                for (String side : List.of("source", "target")) {
                    boolean found = false;
                    for (JsonNode l : e.get("lines")) {
                        if (l.get("address").asText().equals(r.address()) && l.get("side").asText().equals(side)) {
                            found = true;
                            if (l.get("unit_price_usd").isNull()) {
                                assertThat(l.get("monthly_usd").decimalValue()).isZero();
                                assertThat(l.get("note").asText()).matches("free(: .+)?|unpriced: .+");
                            }
                        }
                    }
                    assertThat(found).as("%s %s has a %s line", env, r.address(), side).isTrue();
                }
            }
            assertThat(e.get("source_range_usd").get(0).decimalValue())
                    .isLessThanOrEqualTo(e.get("source_monthly_usd").decimalValue());
            assertThat(e.get("target_range_usd").get(1).decimalValue())
                    .isGreaterThanOrEqualTo(e.get("target_monthly_usd").decimalValue());
        }
    }
}
