package dev.cloudshift.core.cost;

import java.math.BigDecimal;

/**
 * One line of a cost breakdown: a cost component of one resource on one side of the migration, or a single
 * zero line for a free or unpriced resource (its note says {@code free} or {@code unpriced: reason}).
 *
 * @param address      resource address ({@code aws_db_instance.main}); target lines keep the source address
 * @param side         {@code source} or {@code target}
 * @param service      vendor service ({@code Amazon RDS}); for target lines the target service
 * @param sku          catalog SKU key priced, or null
 * @param component    what is charged ({@code instance}, {@code storage}, {@code vCPU})
 * @param quantity     monthly quantity at the typical usage
 * @param unit         unit of the quantity and price
 * @param unitPriceUsd USD per unit, or null when unpriced
 * @param monthlyUsd   monthly USD at the typical usage (0 for free or unpriced)
 * @param lowUsd       monthly USD at the low usage assumption
 * @param highUsd      monthly USD at the high usage assumption
 * @param note         {@code free}, {@code unpriced: reason}, or what the line assumes
 */
public record CostLine(
        String address,
        String side,
        String service,
        String sku,
        String component,
        BigDecimal quantity,
        String unit,
        BigDecimal unitPriceUsd,
        BigDecimal monthlyUsd,
        BigDecimal lowUsd,
        BigDecimal highUsd,
        String note) {

    public static final String SOURCE = "source";
    public static final String TARGET = "target";

    public boolean unpriced() {
        return note != null && note.startsWith("unpriced");
    }

    /** How many of {@code lines} are {@link #unpriced} (a total over them counts those as 0). */
    public static int unpricedCount(java.util.Collection<CostLine> lines) {
        int n = 0;
        for (CostLine l : lines) {
            if (l.unpriced()) {
                n++;
            }
        }
        return n;
    }

    public boolean free() {
        return note != null && (note.equals("free") || note.startsWith("free:"));
    }
}
