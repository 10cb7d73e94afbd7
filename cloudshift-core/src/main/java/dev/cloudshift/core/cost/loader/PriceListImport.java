package dev.cloudshift.core.cost.loader;

import dev.cloudshift.core.cost.catalog.PriceRow;
import java.util.List;

/**
 * What an import from a vendor price list produced.
 *
 * @param provider  {@code aws}, {@code azure} or {@code gcp}
 * @param format    the price-list format read
 * @param rows      catalog rows (only entries a {@link KeyMap} rule covers)
 * @param entries   price entries read in total
 * @param notes     things the user should know (an incomplete page sequence, skipped tiers)
 */
public record PriceListImport(String provider, String format, List<PriceRow> rows, long entries, List<String> notes) {
    public PriceListImport {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }
}
