package dev.cloudshift.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudshift.core.cost.catalog.PriceCatalog;
import dev.cloudshift.core.cost.catalog.PriceCatalogException;
import dev.cloudshift.core.cost.catalog.PriceCsv;
import dev.cloudshift.core.cost.catalog.PriceRow;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceCatalogTest {

    private static final PriceCatalog CATALOG = PriceCatalog.bundled();

    /** Well-known SKUs carry the list price documented by the source the row names. */
    @ParameterizedTest
    @CsvSource({
        "aws, fargate-linux-x86-vcpu-hour, us-east-1, 0.04048, vantage.sh/blog/fargate-pricing",
        "aws, fargate-linux-x86-gb-hour, us-east-1, 0.004445, vantage.sh/blog/fargate-pricing",
        "aws, nat-gateway-hour, us-east-1, 0.045, basavytix.com",
        "aws, alb-hour, us-east-1, 0.0225, lb_test.golden",
        "aws, alb-lcu-hour, us-east-1, 0.008, lb_test.golden",
        "aws, rds-postgres-db.t3.large, us-east-1, 0.145, db_instance_test.golden",
        "aws, msk-kafka.t3.small, us-east-1, 0.0456, msk_cluster_test.golden",
        "aws, lambda-requests, us-east-1, 0.20, lambda_function_test.golden",
        "aws, s3-standard-storage, us-east-1, 0.023, cloudfront_distribution_test.golden",
        "aws, secretsmanager-secret, us-east-1, 0.40, secretsmanager_secret_test.golden",
        "gcp, cloudrun-request-vcpu-second, us-central1, 0.000024, cloud.google.com/run/pricing",
        "gcp, cloudrun-requests, us-central1, 0.40, cloud-run-cost-calculator",
        "azure, containerapps-active-vcpu-second, westeurope, 0.000034, container_app_test.golden",
        "azure, redis-Premium_P1, eastus, 0.277, redis_cache_test.golden",
        "azure, redis-Standard_C3, eastus, 0.225, redis_cache_test.golden",
        "azure, acr-Basic-day, eastus, 0.167, azurerm_container_registry",
        "azure, public-ip-Standard-Static, eastus, 0.005, public_ip_test.golden",
        "azure, eventhubs-premium-unit-hour, eastus, 1.027, event_hubs_namespace_test.golden",
        "azure, apim-consumption-calls, eastus, 0.035, api_management_test.golden",
        "aws, public-ipv4-address-hour, us-east-1, 0.005, aws-public-ipv4-price-increase",
        "gcp, clouddns-queries, global, 0.40, dns_record_set_test.golden",
    })
    void wellKnownSkusCarryTheirDocumentedListPrice(String provider, String sku, String region, String price,
            String sourceContains) {
        PriceRow row = CATALOG.find(provider, sku, region).orElseThrow();
        assertThat(row.priceUsd()).isEqualByComparingTo(new BigDecimal(price));
        assertThat(row.source()).contains(sourceContains);
    }

    @Test
    void everyRowHasASourceUrlAnAsOfDateAndAUnit() {
        List<PriceRow> rows = PriceCatalog.readBundled();
        assertThat(rows).hasSizeGreaterThan(60);
        Set<String> keys = new HashSet<>();
        for (PriceRow r : rows) {
            assertThat(r.source()).as(r.key()).startsWith("https://");
            assertThat(r.asOf()).as(r.key()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(r.unit()).as(r.key()).isNotBlank();
            assertThat(r.provider()).isIn("aws", "azure", "gcp");
            assertThat(keys.add(r.key())).as("duplicate " + r.key()).isTrue();
            if (r.priceUsd() == null) {
                assertThat(r.note()).as("unpriced row needs a reason: " + r.key()).isNotBlank();
            } else {
                assertThat(r.priceUsd().signum()).as(r.key()).isPositive();
            }
        }
    }

    @Test
    void theIndexListsEveryBundledCsv() throws Exception {
        Path dir = Path.of("src/main/resources/catalog/prices");
        List<String> listed = Files.readAllLines(dir.resolve("index.txt")).stream().filter(s -> !s.isBlank()).toList();
        try (Stream<Path> s = Files.walk(dir)) {
            List<String> csvs = s.filter(p -> p.toString().endsWith(".csv"))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
            assertThat(listed).containsExactlyInAnyOrderElementsOf(csvs);
        }
    }

    @Test
    void userRowsOverrideBundledRows(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("aws.csv"), String.join(",", PriceCsv.HEADER) + "\n"
                + "aws,AWS Fargate,fargate-linux-x86-vcpu-hour,us-east-1,vCPU-hour,0.05,,https://example.org/p,2027-01-01,test\n");
        PriceCatalog c = PriceCatalog.load(dir);
        assertThat(c.find("aws", "fargate-linux-x86-vcpu-hour", "us-east-1").orElseThrow().priceUsd())
                .isEqualByComparingTo("0.05");
        assertThat(c.find("aws", "alb-hour", "us-east-1")).isPresent();
    }

    @Test
    void csvRoundTripsQuotedFields() throws Exception {
        PriceRow r = new PriceRow("aws", "Amazon \"X\", Y", "sku-1", "us-east-1", "hour", new BigDecimal("0.5"), null,
                "https://e.org/a", "2026-01-01", "a, b");
        java.io.StringWriter w = new java.io.StringWriter();
        PriceCsv.write(w, List.of(r));
        assertThat(PriceCsv.read(new StringReader(w.toString()), "t.csv")).containsExactly(r);
    }

    @Test
    void badCsvNamesFileLineAndWhatWasExpected() {
        String csv = String.join(",", PriceCsv.HEADER) + "\naws,S,sku,us-east-1,hour,abc,,https://x,2026-01-01,\n";
        assertThatThrownBy(() -> PriceCsv.read(new StringReader(csv), "p.csv"))
                .isInstanceOf(PriceCatalogException.class).hasMessage("p.csv:2:1: expected a number in price_usd");
        assertThatThrownBy(() -> PriceCsv.read(new StringReader("a,b\n"), "q.csv"))
                .hasMessageStartingWith("q.csv:1:1: expected the header");
    }
}
