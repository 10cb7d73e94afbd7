package dev.cloudshift.core.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudshift.core.cost.catalog.PriceCatalog;
import dev.cloudshift.core.cost.catalog.PriceRow;
import dev.cloudshift.core.cost.usage.UsageDefaults;
import dev.cloudshift.core.model.Resource;
import dev.cloudshift.core.plan.Plan;
import dev.cloudshift.core.plan.Planner;
import dev.cloudshift.core.translate.TerraformOutput;
import dev.cloudshift.core.translate.TerraformTranslator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The target side of the cost section is priced in the region the Terraform translation chooses for the environment
 * (source region -> nearest target region, catalog/translate/regions.yaml); a SKU without a list price there is
 * unpriced, never priced at the default region's price. Estates under src/test/resources/cost/regions/.
 */
class RegionalCostTest {

    private static final Path ESTATES = Path.of("src", "test", "resources", "cost", "regions");
    private static final Pattern TARGET_REGION = Pattern.compile("^target priced in (\\w+) region ([a-z0-9-]+) at list prices");
    private static Planner planner;

    @BeforeAll
    static void planner() {
        planner = Planner.withDefaults();
    }

    record Priced(Plan plan, CostEstimate cost, TerraformOutput terraform) {
        EnvironmentCost env(String name) {
            return cost.environments().stream().filter(e -> e.environment().equals(name)).findFirst().orElseThrow();
        }
    }

    /** What {@code cloudshift plan} does: price the plan, then translate it with the cost section's sizing. */
    private static Priced plan(String estate, String target) {
        Plan plan = planner.plan(ESTATES.resolve(estate), target, List.of());
        CostEstimate cost = CostSection.of(plan).estimate();
        return new Priced(plan, cost, TerraformTranslator.translate(plan, TerraformTranslator.sizing(cost)));
    }

    private static String targetAssumption(EnvironmentCost e) {
        return e.assumptions().stream().filter(a -> a.startsWith("target priced in ")).findFirst().orElseThrow();
    }

    private static String regionOf(EnvironmentCost e) {
        Matcher m = TARGET_REGION.matcher(targetAssumption(e));
        assertThat(m.find()).as(targetAssumption(e)).isTrue();
        return m.group(2);
    }

    /** The value of the region variable in an environment's generated tfvars. */
    private static String tfvarsRegion(TerraformOutput out, String env, String variable) {
        Matcher m = Pattern.compile("(?m)^" + variable + " += \"([^\"]+)\"$").matcher(out.files().get(env + ".tfvars"));
        assertThat(m.find()).as("%s in %s.tfvars", variable, env).isTrue();
        return m.group(1);
    }

    @Test
    void anIrishAwsEstateIsPricedOnAzureInNorthEuropeLikeItsTerraformAndNothingTakesAnEastUsPrice() {
        Priced p = plan("aws-eu-west-1", "azure");
        for (String env : List.of("dev", "prod")) {
            EnvironmentCost e = p.env(env);
            assertThat(regionOf(e)).isEqualTo("northeurope").isEqualTo(tfvarsRegion(p.terraform(), env, "location"));
            assertThat(targetAssumption(e)).isEqualTo("target priced in azure region northeurope at list prices (nearest to"
                    + " the source aws region eu-west-1, the region of the Terraform translation); 3 lines have no"
                    + " northeurope price in the catalog and are unpriced");
            List<CostLine> withSku = e.lines(CostLine.TARGET).stream().filter(l -> l.sku() != null).toList();
            assertThat(withSku).extracting(CostLine::sku).containsExactlyInAnyOrder("postgresql-flexible-B_Standard_B1ms",
                    "postgresql-flexible-storage", "servicebus-standard-operations");
            assertThat(withSku).allSatisfy(l -> {
                assertThat(l.unitPriceUsd()).isNull();
                assertThat(l.note()).isEqualTo("unpriced: no list price in catalog for " + l.sku() + " in northeurope");
            });
            assertThat(e.targetMonthlyUsd()).isEqualByComparingTo("0");
            // the source side is priced in the source's own region (an availability zone gives its region)
            assertThat(e.lines(CostLine.SOURCE).stream().filter(l -> l.sku() != null))
                    .isNotEmpty()
                    .allSatisfy(l -> assertThat(l.note()).endsWith(" in eu-west-1"));
        }
    }

    @Test
    void theSameEstateOnGoogleCloudIsPricedInEuropeWest1AndSaysTheUsCentral1PricesAreNotUsed() {
        Priced p = plan("aws-eu-west-1", "gcp");
        EnvironmentCost dev = p.env("dev");
        assertThat(regionOf(dev)).isEqualTo("europe-west1").isEqualTo(tfvarsRegion(p.terraform(), "dev", "region"));
        assertThat(targetAssumption(dev)).endsWith("; 3 lines have no europe-west1 price in the catalog and are unpriced"
                + " (3 of them have a list price in us-central1, not used for europe-west1)");
        PriceCatalog bundled = PriceCatalog.bundled();
        for (CostLine l : dev.lines(CostLine.TARGET)) {
            if (l.sku() == null) {
                continue;
            }
            // a line is priced only from a europe-west1 row or a global one (Pub/Sub is priced the same everywhere)
            PriceRow row = bundled.find("gcp", l.sku(), "europe-west1").orElse(null);
            if (row == null) {
                assertThat(l.note()).isEqualTo("unpriced: no list price in catalog for " + l.sku() + " in europe-west1");
                assertThat(bundled.find("gcp", l.sku(), "us-central1")).as(l.sku()).isPresent();
            } else {
                assertThat(row.region()).isIn("europe-west1", "global");
                assertThat(l.unitPriceUsd()).isEqualByComparingTo(row.priceUsd());
            }
        }
    }

    @Test
    void aGoogleCloudEstateInTwoRegionsIsPricedOnAwsPerEnvironment() {
        Priced p = plan("gcp-europe", "aws");
        // prod in Belgium -> Paris, dev in the Netherlands -> Frankfurt: no shared default, each tfvars its own
        assertThat(regionOf(p.env("dev"))).isEqualTo("eu-central-1").isEqualTo(tfvarsRegion(p.terraform(), "dev", "region"));
        EnvironmentCost prod = p.env("prod");
        assertThat(regionOf(prod)).isEqualTo("eu-west-3").isEqualTo(tfvarsRegion(p.terraform(), "prod", "region"));
        assertThat(targetAssumption(prod)).contains("(nearest to the source gcp region europe-west1, the region of the Terraform"
                + " translation); 3 lines have no eu-west-3 price in the catalog and are unpriced (3 of them have a list"
                + " price in us-east-1, not used for eu-west-3)");
        assertThat(prod.lines(CostLine.TARGET)).filteredOn(l -> l.sku() != null).extracting(CostLine::note).containsExactly(
                "unpriced: no list price in catalog for fargate-linux-x86-vcpu-hour in eu-west-3",
                "unpriced: no list price in catalog for fargate-linux-x86-gb-hour in eu-west-3",
                "unpriced: no list price in catalog for sns-api-requests in eu-west-3");
        assertThat(prod.targetMonthlyUsd()).isEqualByComparingTo("0");
        // the source side is priced in each environment's own region, from that region's rows (Cloud Run Tier 1)
        for (String env : List.of("dev", "prod")) {
            String own = env.equals("dev") ? "europe-west4" : "europe-west1";
            PriceRow row = PriceCatalog.bundled().find("gcp", "cloudrun-request-vcpu-second", own).orElseThrow();
            assertThat(row.region()).isEqualTo(own);
            assertThat(p.env(env).lines(CostLine.SOURCE)).filteredOn(l -> "cloudrun-request-vcpu-second".equals(l.sku()))
                    .singleElement().satisfies(l -> assertThat(l.unitPriceUsd()).isEqualByComparingTo(row.priceUsd()));
        }
    }

    @Test
    void theDutchEnvironmentIsPricedOnAzureFromTheWestEuropeRowsAndTheBelgianOneInBelgiumCentral() {
        Priced p = plan("gcp-europe", "azure");
        EnvironmentCost dev = p.env("dev");
        assertThat(regionOf(dev)).isEqualTo("westeurope").isEqualTo(tfvarsRegion(p.terraform(), "dev", "location"));
        assertThat(regionOf(p.env("prod"))).isEqualTo("belgiumcentral").isEqualTo(tfvarsRegion(p.terraform(), "prod", "location"));
        PriceRow vcpu = PriceCatalog.bundled().find("azure", "containerapps-active-vcpu-second", "westeurope").orElseThrow();
        assertThat(vcpu.region()).isEqualTo("westeurope");
        CostLine line = dev.lines(CostLine.TARGET).stream().filter(l -> "containerapps-active-vcpu-second".equals(l.sku()))
                .findFirst().orElseThrow();
        assertThat(line.unitPriceUsd()).isEqualByComparingTo(vcpu.priceUsd());
        assertThat(line.monthlyUsd()).isPositive();
        assertThat(dev.targetMonthlyUsd()).isPositive();
        assertThat(targetAssumption(dev)).endsWith("; 2 lines have no westeurope price in the catalog and are unpriced");
        // the same SKU has no belgiumcentral row: unpriced there, not priced at the westeurope or eastus figure
        assertThat(p.env("prod").lines(CostLine.TARGET)).filteredOn(l -> "containerapps-active-vcpu-second".equals(l.sku()))
                .singleElement().satisfies(l -> assertThat(l.note())
                        .isEqualTo("unpriced: no list price in catalog for containerapps-active-vcpu-second in belgiumcentral"));
    }

    @Test
    void aRegionGivenExplicitlyStillWins() {
        Plan plan = planner.plan(ESTATES.resolve("aws-eu-west-1"), "azure", List.of());
        CostEstimate westus = CostSection.of(plan, new CostEstimator(PriceCatalog.bundled(), UsageDefaults.bundled(), "westus"))
                .estimate();
        for (EnvironmentCost e : westus.environments()) {
            assertThat(targetAssumption(e)).startsWith("target priced in azure region westus at list prices (the region asked for)");
            PriceRow b1ms = PriceCatalog.bundled().find("azure", "postgresql-flexible-B_Standard_B1ms", "westus").orElseThrow();
            assertThat(e.lines(CostLine.TARGET)).filteredOn(l -> "postgresql-flexible-B_Standard_B1ms".equals(l.sku()))
                    .singleElement().satisfies(l -> assertThat(l.unitPriceUsd()).isEqualByComparingTo(b1ms.priceUsd()));
            // the source side stays in the source's region
            assertThat(e.lines(CostLine.SOURCE)).filteredOn(l -> l.sku() != null).allSatisfy(l -> assertThat(l.note()).endsWith(" in eu-west-1"));
        }
        CostEstimate eastus = CostSection.of(plan, new CostEstimator(PriceCatalog.bundled(), UsageDefaults.bundled(), "eastus"))
                .estimate();
        assertThat(targetAssumption(eastus.environments().get(0))).isEqualTo("target priced in azure region eastus at list prices");
    }

    @Test
    void aSourceRegionRegionsYamlDoesNotKnowKeepsTheDefaultAndSaysSo() {
        Resource queue = new Resource("aws_sqs_queue.jobs", "aws_sqs_queue", "aws", "messaging", "dev", Map.of(),
                Map.of("arn", "arn:aws:sqs:eu-northwest-1:123456789012:jobs"), List.of(), null);
        EnvironmentCost e = new CostEstimator(PriceCatalog.bundled(), UsageDefaults.bundled()).estimate("dev",
                List.of(new CostInput(queue, "Azure Service Bus", List.of("azurerm_servicebus_queue"), null)), "azure");
        assertThat(targetAssumption(e)).isEqualTo("target priced in azure region eastus at list prices (the default: the"
                + " source aws region eu-northwest-1 has no nearest azure region in catalog/translate/regions.yaml)");
    }
}
