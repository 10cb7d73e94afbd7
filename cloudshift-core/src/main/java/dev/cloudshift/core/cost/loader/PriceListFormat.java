package dev.cloudshift.core.cost.loader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The vendor price-list formats {@code cloudshift catalog refresh} reads, told apart by their first bytes. */
public enum PriceListFormat {
    AZURE_RETAIL_PRICES("Azure Retail Prices API JSON"),
    AWS_OFFER_FILE("AWS Price List bulk offer file"),
    GCP_BILLING_CATALOG("Cloud Billing Catalog SKUs JSON");

    private final String label;

    PriceListFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Detects the format from the first 64 KiB of the file. */
    public static PriceListFormat detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64 * 1024);
        }
        String s = new String(head, StandardCharsets.UTF_8);
        if (s.contains("\"offerCode\"") || s.contains("\"products\"")) {
            return AWS_OFFER_FILE;
        }
        if (s.contains("\"Items\"") || s.contains("\"BillingCurrency\"")) {
            return AZURE_RETAIL_PRICES;
        }
        if (s.contains("\"skus\"")) {
            return GCP_BILLING_CATALOG;
        }
        throw new IllegalArgumentException(file + ":1:1: expected an Azure Retail Prices API page (\"Items\"), an AWS "
                + "Price List offer file (\"products\", \"terms\") or a Cloud Billing Catalog SKU list (\"skus\")");
    }

    public PriceListImport load(List<Path> files) throws IOException {
        return switch (this) {
            case AZURE_RETAIL_PRICES -> new AzureRetailPriceLoader().load(files);
            case AWS_OFFER_FILE -> new AwsPriceListLoader().load(files);
            case GCP_BILLING_CATALOG -> new GcpBillingCatalogLoader().load(files);
        };
    }

    static String units(String unit) {
        return List.of("1 Hour", "1/Hour", "Hrs", "h").contains(unit) ? "hour" : unit;
    }
}
