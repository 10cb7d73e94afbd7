package dev.cloudshift.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudshift.core.cost.catalog.PriceRow;
import dev.cloudshift.core.cost.loader.PriceListFormat;
import dev.cloudshift.core.cost.loader.PriceListImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceListLoaderTest {

    static Path sample(String name) {
        return Path.of("src/test/resources/cost/pricelists", name);
    }

    static PriceRow row(PriceListImport imp, String sku, String region) {
        return imp.rows().stream().filter(r -> r.sku().equals(sku) && r.region().equals(region)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + sku + " " + region + " in " + imp.rows()));
    }

    @Test
    void azureRetailPricesPagesAreReadInOrderKeepingConsumptionItemsOnly() throws Exception {
        Path p1 = sample("azure-page-1.json");
        assertThat(PriceListFormat.detect(p1)).isEqualTo(PriceListFormat.AZURE_RETAIL_PRICES);
        PriceListImport imp = PriceListFormat.AZURE_RETAIL_PRICES.load(List.of(p1, sample("azure-page-2.json")));
        assertThat(imp.entries()).isEqualTo(6);
        assertThat(imp.rows()).extracting(PriceRow::sku).containsExactlyInAnyOrder(
                "containerapps-active-vcpu-second", "redis-Basic_C0", "postgresql-flexible-B_Standard_B1ms");
        PriceRow cpu = row(imp, "containerapps-active-vcpu-second", "eastus");
        assertThat(cpu.priceUsd()).isEqualByComparingTo("0.0000111");
        assertThat(cpu.freeQuantity()).isEqualByComparingTo("180000");
        assertThat(cpu.unit()).isEqualTo("second");
        PriceRow redis = row(imp, "redis-Basic_C0", "eastus");
        assertThat(redis.priceUsd()).isEqualByComparingTo("0.0222"); // the Reservation item is ignored
        assertThat(redis.unit()).isEqualTo("hour");
        assertThat(redis.asOf()).isEqualTo("2023-05-01");
        assertThat(redis.source()).isEqualTo("https://prices.azure.com/api/retail/prices");
        assertThat(imp.notes()).isEmpty();
    }

    @Test
    void azureWarnsWhenTheLastPageGivenHasANextPageLink() throws Exception {
        PriceListImport imp = PriceListFormat.AZURE_RETAIL_PRICES.load(List.of(sample("azure-page-1.json")));
        assertThat(imp.notes()).singleElement().asString().contains("NextPageLink");
    }

    @Test
    void awsOfferFileIsStreamedAndOnlyOnDemandTermsOfCoveredProductsKept() throws Exception {
        Path f = sample("aws-offer-AmazonRDS.json");
        assertThat(PriceListFormat.detect(f)).isEqualTo(PriceListFormat.AWS_OFFER_FILE);
        PriceListImport imp = PriceListFormat.AWS_OFFER_FILE.load(List.of(f));
        assertThat(imp.entries()).isEqualTo(4);
        assertThat(imp.rows()).hasSize(2);
        PriceRow pg = row(imp, "rds-postgres-db.t3.micro", "us-east-1");
        assertThat(pg.priceUsd()).isEqualByComparingTo("0.0123");
        assertThat(pg.unit()).isEqualTo("hour");
        assertThat(pg.asOf()).isEqualTo("2023-12-01");
        assertThat(pg.source()).endsWith("/AmazonRDS/current/index.json");
        assertThat(row(imp, "rds-mysql-db.m5.large", "eu-west-1").priceUsd()).isEqualByComparingTo("0.189");
    }

    @Test
    void gcpSkusBecomeOneRowPerRegionWithTheFreeTierAsFreeQuantity() throws Exception {
        Path f = sample("gcp-skus-cloud-run.json");
        assertThat(PriceListFormat.detect(f)).isEqualTo(PriceListFormat.GCP_BILLING_CATALOG);
        PriceListImport imp = PriceListFormat.GCP_BILLING_CATALOG.load(List.of(f));
        assertThat(imp.entries()).isEqualTo(3);
        PriceRow cpu = row(imp, "cloudrun-request-vcpu-second", "us-central1");
        assertThat(cpu.priceUsd()).isEqualByComparingTo("0.0000123"); // units 0 + 12300 nanos
        assertThat(cpu.freeQuantity()).isEqualByComparingTo("180000");
        assertThat(row(imp, "cloudrun-request-vcpu-second", "us-east1")).isNotNull();
        PriceRow req = row(imp, "cloudrun-requests", "global");
        assertThat(req.unit()).isEqualTo("1M requests");
        assertThat(req.priceUsd()).isEqualByComparingTo("0.321"); // 321 nanos = 0.000000321 per request = 0.321 per million
        assertThat(req.freeQuantity()).isEqualByComparingTo("2");
        assertThat(imp.rows()).noneMatch(r -> r.note().contains("committed use"));
    }

    @Test
    void unknownFilesAndBrokenJsonAreReportedWithTheirPlace(@TempDir Path dir) throws Exception {
        Path other = dir.resolve("x.json");
        Files.writeString(other, "{\"hello\": 1}");
        assertThatThrownBy(() -> PriceListFormat.detect(other)).hasMessageStartingWith(other + ":1:1: expected an Azure");
        Path broken = dir.resolve("b.json");
        Files.writeString(broken, "{\"Items\": [ {\"type\": \"Consumption\",, } ]}");
        assertThatThrownBy(() -> PriceListFormat.AZURE_RETAIL_PRICES.load(List.of(broken)))
                .hasMessageStartingWith(broken + ":1:").hasMessageContaining("expected JSON");
    }
}
