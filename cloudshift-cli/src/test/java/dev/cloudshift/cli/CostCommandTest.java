package dev.cloudshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static final String BEFORE = "src/test/resources/cost/plan-before.json";
    static final String AFTER = "src/test/resources/cost/plan-after.json";

    @Test
    void jsonHasTheContractFieldsPerEnvironment(@TempDir Path home) throws Exception {
        Run r = run("cost", BEFORE, "--to", "azure", "--format", "json", "--catalog", home.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode prod = new ObjectMapper().readTree(r.out()).path("environments").path("prod");
        assertThat(prod.path("source_monthly_usd").decimalValue()).isEqualByComparingTo("234.70"); // 0.145x730x2 + 100x0.115x2
        assertThat(prod.path("source_range_usd")).hasSize(2);
        assertThat(prod.path("target_range_usd")).hasSize(2);
        assertThat(prod.has("target_monthly_usd")).isTrue();
        JsonNode line = prod.path("lines").get(0);
        for (String f : new String[] {"address", "side", "service", "sku", "component", "quantity", "unit",
            "unit_price_usd", "monthly_usd", "note"}) {
            assertThat(line.has(f)).as(f).isTrue();
        }
        assertThat(prod.path("assumptions").size()).isPositive();
        assertThat(prod.path("sizing").get(0).path("target_sku").asText()).isEqualTo("B_Standard_B2ms");
    }

    @Test
    void markdownAndTableShowTotalsAndUnpricedReasons(@TempDir Path home) {
        Run md = run("cost", BEFORE, "--to", "azure", "--format", "md", "--env", "prod", "--catalog", home.toString());
        assertThat(md.code()).isZero();
        assertThat(md.out()).contains("### Environment `prod`").contains("| Current (aws) | **$234.70**")
                .contains("Amazon RDS").contains("unmapped: no managed equivalent").doesNotContain("Environment `dev`");
        Run table = run("cost", BEFORE, "--catalog", home.toString());
        assertThat(table.out()).contains("Environment dev").contains("Current (aws): $108.15 per month");
    }

    @Test
    void diffPricesTheChangeForAPullRequest(@TempDir Path home) throws Exception {
        Run r = run("cost", "diff", BEFORE, AFTER, "--format", "json", "--catalog", home.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode d = new ObjectMapper().readTree(r.out());
        // prod: Multi-AZ off halves 234.70 -> 117.35; a NAT gateway (730 h x 0.045 + 200 GB x 0.045) is added
        assertThat(d.path("changes")).hasSize(2);
        JsonNode db = d.path("changes").get(0);
        assertThat(db.path("address").asText()).isEqualTo("aws_db_instance.main");
        assertThat(db.path("delta_monthly_usd").decimalValue()).isEqualByComparingTo("-117.35");
        JsonNode nat = d.path("changes").get(1);
        assertThat(nat.path("before_monthly_usd").decimalValue()).isEqualByComparingTo("0");
        assertThat(nat.path("after_monthly_usd").decimalValue()).isEqualByComparingTo("41.85");
        assertThat(d.path("delta_monthly_usd").decimalValue()).isEqualByComparingTo("-75.50");
        Run md = run("cost", "diff", BEFORE, AFTER, "--format", "md", "--env", "prod", "--catalog", home.toString());
        assertThat(md.out()).startsWith("### 💰 Monthly cost change: -$75.50").contains("| prod | `aws_nat_gateway.main` | $0.00 | $41.85 | +$41.85 |");
    }

    @Test
    void catalogRefreshWritesUserRowsThatOverrideTheBundledOnes(@TempDir Path home) throws Exception {
        Path page = home.resolve("page.json");
        Files.writeString(page, """
                {"BillingCurrency": "USD", "Items": [
                 {"tierMinimumUnits": 0.0, "retailPrice": 0.5, "armRegionName": "eastus", "effectiveStartDate": "2025-01-01T00:00:00Z",
                  "meterName": "P1 Cache Instance", "productName": "Azure Redis Cache Premium", "skuName": "P1",
                  "serviceName": "Redis Cache", "unitOfMeasure": "1 Hour", "type": "Consumption", "armSkuName": "Azure_Redis_Cache_Premium_P1"}
                ], "NextPageLink": null}
                """);
        Path cat = home.resolve("catalog");
        Run r = run("catalog", "refresh", "--from", page.toString(), "--catalog", cat.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote 1 catalog rows");
        assertThat(cat.resolve("azure/page.csv")).exists();
        Run show = run("catalog", "show", "--provider", "azure", "--service", "redis", "--catalog", cat.toString());
        assertThat(show.out()).contains("redis-Premium_P1").contains("eastus").contains("0.5").contains("2025-01-01")
                .contains("https://prices.azure.com/api/retail/prices");
        Run cost = run("cost", BEFORE, "--to", "azure", "--format", "json", "--catalog", cat.toString());
        assertThat(cost.code()).isZero();
    }

    @Test
    void badInputNamesTheProblem(@TempDir Path home) throws Exception {
        Run r = run("cost", home.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("no such file or directory");
        Run t = run("cost", BEFORE, "--to", "ibm");
        assertThat(t.code()).isEqualTo(ExitCode.USAGE);
        assertThat(t.err()).contains("--to: expected azure, aws or gcp");
        Path bad = home.resolve("usage.yaml");
        Files.writeString(bad, "profiles:\n  prod:\n    egress_gb: lots\n");
        Run u = run("cost", BEFORE, "--usage", bad.toString());
        assertThat(u.code()).isEqualTo(ExitCode.USAGE);
        assertThat(u.err()).contains(bad + ": prod.egress_gb: expected a number or {low, typical, high}");
        Run g = run("cost", BEFORE, "--to", "gcp");
        assertThat(g.code()).isEqualTo(ExitCode.USAGE);
        assertThat(g.err()).contains("this plan maps to azure, not gcp");
        Run e = run("cost", BEFORE, "--env", "qa");
        assertThat(e.err()).contains("no environment 'qa'; the project has: dev, prod");
    }

    @Test
    void aProjectDirectoryIsPlannedAndPriced(@TempDir Path home) throws Exception {
        Run r = run("cost", "../examples/aws-container-platform", "--to", "gcp", "--env", "prod", "--format", "json",
                "--catalog", home.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode prod = new ObjectMapper().readTree(r.out()).path("environments").path("prod");
        assertThat(prod.path("source_monthly_usd").decimalValue()).isPositive();
        assertThat(prod.path("target_monthly_usd").decimalValue()).isPositive();
        assertThat(new ObjectMapper().readTree(r.out()).path("environments").has("dev")).isFalse();
        Run plain = run("cost", "../examples/compose-backend", "--catalog", home.toString());
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(plain.out()).contains("unpriced: self-hosted compose service");
    }

    @Test
    void planWritesTheCostSection(@TempDir Path out) throws Exception {
        Run r = run("plan", "../examples/aws-serverless-platform", "--to", "azure", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode cost = new ObjectMapper().readTree(out.resolve("plan.json").toFile()).path("cost");
        assertThat(cost.fieldNames()).toIterable().containsExactlyInAnyOrder("dev", "staging", "prod");
        assertThat(cost.path("prod").path("lines").size()).isPositive();
        assertThat(Files.readString(out.resolve("plan.md"))).contains("## Cost").contains("### Environment `staging`");
    }

    /** An AWS estate in eu-west-1 (dev and prod): the translation puts it in northeurope on Azure. */
    static final String IRISH = "../cloudshift-core/src/test/resources/cost/regions/aws-eu-west-1";

    private static String targetAssumption(JsonNode env) {
        for (JsonNode a : env.path("assumptions")) {
            if (a.asText().startsWith("target priced in ")) {
                return a.asText();
            }
        }
        throw new AssertionError("no target region assumption in " + env.path("assumptions"));
    }

    @Test
    void theTargetIsPricedInTheTranslationsRegionUnlessARegionIsGiven(@TempDir Path home) throws Exception {
        Run mapped = run("cost", IRISH, "--to", "azure", "--format", "json", "--catalog", home.toString());
        assertThat(mapped.code()).as(mapped.err()).isZero();
        JsonNode prod = new ObjectMapper().readTree(mapped.out()).path("environments").path("prod");
        assertThat(targetAssumption(prod)).startsWith("target priced in azure region northeurope at list prices (nearest to the"
                + " source aws region eu-west-1");
        Run given = run("cost", IRISH, "--to", "azure", "--target-region", "westus", "--format", "json", "--catalog",
                home.toString());
        assertThat(given.code()).as(given.err()).isZero();
        JsonNode westus = new ObjectMapper().readTree(given.out()).path("environments").path("prod");
        assertThat(targetAssumption(westus)).isEqualTo("target priced in azure region westus at list prices (the region asked"
                + " for); 1 line has no westus price in the catalog and is unpriced");
        // the bundled westus row prices the Flexible Server there
        JsonNode server = null;
        for (JsonNode l : westus.path("lines")) {
            if ("postgresql-flexible-B_Standard_B1ms".equals(l.path("sku").asText())) {
                server = l;
            }
        }
        assertThat(server).isNotNull();
        assertThat(server.path("unit_price_usd").isNull()).isFalse();
        assertThat(server.path("note").asText()).doesNotContain("unpriced");
    }

    @Test
    void aUserCatalogRowForTheMappedRegionIsUsed(@TempDir Path home) throws Exception {
        Path cat = home.resolve("catalog");
        Files.createDirectories(cat.resolve("azure"));
        // a row as `catalog refresh` would write it (test data: the figure is not a claim about the real price)
        Files.writeString(cat.resolve("azure/test.csv"), """
                provider,service,sku,region,unit,price_usd,free_quantity,source,as_of,note
                azure,Azure Service Bus,servicebus-standard-operations,northeurope,1M operations,0.5,,https://example.test/fixture,2026-11-22,test fixture
                """);
        Run r = run("cost", IRISH, "--to", "azure", "--env", "prod", "--format", "json", "--catalog", cat.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode prod = new ObjectMapper().readTree(r.out()).path("environments").path("prod");
        // prod usage: 20 M messages, 3 operations each = 60 M operations x 0.5
        assertThat(prod.path("target_monthly_usd").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(targetAssumption(prod)).endsWith("; 2 lines have no northeurope price in the catalog and are unpriced");
    }

    @Test
    void aWrittenPlanIsPricedInTheSameRegionAsItsTerraform(@TempDir Path out) throws Exception {
        Run plan = run("plan", IRISH, "--to", "gcp", "--out", out.toString());
        assertThat(plan.code()).as(plan.err()).isZero();
        JsonNode cost = new ObjectMapper().readTree(out.resolve("plan.json").toFile()).path("cost");
        assertThat(targetAssumption(cost.path("dev"))).startsWith("target priced in gcp region europe-west1 at list prices");
        assertThat(Files.readString(out.resolve("plan.md"))).contains("target priced in gcp region europe-west1");
        // read back from plan.json (normalised attributes only), the estimate finds the same region
        Run again = run("cost", out.resolve("plan.json").toString(), "--to", "gcp", "--format", "json", "--catalog",
                out.resolve("no-catalog").toString());
        assertThat(again.code()).as(again.err()).isZero();
        JsonNode dev = new ObjectMapper().readTree(again.out()).path("environments").path("dev");
        assertThat(targetAssumption(dev)).isEqualTo(targetAssumption(cost.path("dev")));
    }
}
