package dev.cloudshift.core.cost.catalog;

import java.math.BigDecimal;

/**
 * One list price: what a unit of a SKU or meter costs in one region, with where the figure was read and when.
 *
 * @param provider     {@code aws}, {@code azure} or {@code gcp}
 * @param service      the vendor's service name ({@code AWS Fargate}, {@code Azure Container Apps})
 * @param sku          the catalog key of the SKU or meter ({@code fargate-linux-x86-vcpu-hour},
 *                     {@code rds-postgres-db.t3.large}); rows refreshed from a vendor price list keep the
 *                     vendor's own identifiers
 * @param region       region code ({@code us-east-1}, {@code eastus}, {@code us-central1})
 * @param unit         the unit the price is for ({@code hour}, {@code GB-month}, {@code 1M requests})
 * @param priceUsd     USD per unit, on-demand / pay-as-you-go list price; null when the row is unpriced
 * @param freeQuantity units free each month (free grant or free tier), or null
 * @param source       URL of the public pricing page or price list the figure was read from
 * @param asOf         date the figure was read (ISO yyyy-mm-dd) or the price list's effective date
 * @param note         what the figure covers, or for an unpriced row why it is unpriced
 */
public record PriceRow(
        String provider,
        String service,
        String sku,
        String region,
        String unit,
        BigDecimal priceUsd,
        BigDecimal freeQuantity,
        String source,
        String asOf,
        String note) {

    public boolean priced() {
        return priceUsd != null;
    }

    /** The lookup key: provider, SKU and region, case-insensitive. */
    public String key() {
        return key(provider, sku, region);
    }

    public static String key(String provider, String sku, String region) {
        return (provider + "|" + sku + "|" + region).toLowerCase(java.util.Locale.ROOT);
    }
}
