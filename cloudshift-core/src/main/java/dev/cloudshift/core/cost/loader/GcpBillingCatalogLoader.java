package dev.cloudshift.core.cost.loader;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudshift.core.cost.catalog.PriceRow;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Cloud Billing Catalog API SKU lists ({@code https://cloudbilling.googleapis.com/v1/services/<id>/skus}):
 * {@code skus[]} with {@code description}, {@code category{serviceDisplayName, resourceFamily, resourceGroup,
 * usageType}}, {@code serviceRegions[]} and {@code pricingInfo[].pricingExpression{usageUnit, tieredRates[
 * {startUsageAmount, unitPrice{units, nanos}}]}}; the price is {@code units + nanos / 10^9} USD. A free first
 * tier (price 0) followed by a paid tier becomes the row's free quantity. Pages are given as files; SKUs are
 * streamed.
 */
public final class GcpBillingCatalogLoader {

    public static final String SOURCE = "https://cloudbilling.googleapis.com/v1/services/";
    private static final ObjectMapper JSON = new ObjectMapper();

    public PriceListImport load(List<Path> pages) throws IOException {
        KeyMap keys = KeyMap.bundled("gcp");
        Map<String, PriceRow> rows = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        long entries = 0;
        String lastToken = null;
        for (Path page : pages) {
            lastToken = null;
            try (JsonParser p = new JsonFactory(JSON).createParser(page.toFile())) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new IllegalArgumentException(page + ":1:1: expected '{' starting a SKU list");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if ("skus".equals(field)) {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            JsonNode sku = JSON.readTree(p);
                            entries++;
                            Map<String, String> f = new HashMap<>();
                            f.put("description", sku.path("description").asText());
                            sku.path("category").fields().forEachRemaining(e -> f.put(e.getKey(), e.getValue().asText()));
                            var key = keys.key(f);
                            JsonNode info = sku.path("pricingInfo").path(0);
                            if (key.isEmpty() || info.isMissingNode()) {
                                continue;
                            }
                            JsonNode expr = info.path("pricingExpression");
                            List<JsonNode> tiers = new ArrayList<>();
                            expr.path("tieredRates").forEach(tiers::add);
                            if (tiers.isEmpty()) {
                                continue;
                            }
                            tiers.sort(java.util.Comparator.comparing((JsonNode t) -> t.path("startUsageAmount").decimalValue()));
                            BigDecimal price = money(tiers.get(0).path("unitPrice"));
                            BigDecimal free = null;
                            if (price.signum() == 0 && tiers.size() > 1) {
                                price = money(tiers.get(1).path("unitPrice"));
                                free = tiers.get(1).path("startUsageAmount").decimalValue();
                            }
                            String unit = unit(expr.path("usageUnit").asText());
                            if (expr.path("usageUnit").asText().equals("count")) {
                                price = price.movePointRight(6).stripTrailingZeros();
                                free = free == null ? null : free.movePointLeft(6).stripTrailingZeros();
                                unit = "1M requests";
                            }
                            String service = sku.path("name").asText().replaceAll("^services/([^/]+)/.*", "$1");
                            String date = info.path("effectiveTime").asText("");
                            for (JsonNode region : sku.path("serviceRegions")) {
                                PriceRow r = new PriceRow("gcp", f.getOrDefault("serviceDisplayName", ""), key.get(),
                                        region.asText(), unit, price, free,
                                        SOURCE + service + "/skus", date.length() >= 10 ? date.substring(0, 10) : date,
                                        sku.path("description").asText() + " (skuId " + sku.path("skuId").asText() + ")");
                                rows.putIfAbsent(r.key(), r);
                            }
                        }
                    } else if ("nextPageToken".equals(field)) {
                        lastToken = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
            } catch (com.fasterxml.jackson.core.JsonParseException e) {
                throw new IllegalArgumentException(page + ":" + e.getLocation().getLineNr() + ":"
                        + e.getLocation().getColumnNr() + ": expected JSON (" + e.getOriginalMessage() + ")");
            }
        }
        if (lastToken != null && !lastToken.isBlank()) {
            notes.add("the last page given has a nextPageToken: fetch the next page and pass it with another --from");
        }
        return new PriceListImport("gcp", PriceListFormat.GCP_BILLING_CATALOG.label(), new ArrayList<>(rows.values()),
                entries, notes);
    }

    static BigDecimal money(JsonNode unitPrice) {
        BigDecimal units = new BigDecimal(unitPrice.path("units").asText("0"));
        BigDecimal nanos = BigDecimal.valueOf(unitPrice.path("nanos").asLong(0)).movePointLeft(9);
        return units.add(nanos).stripTrailingZeros();
    }

    static String unit(String usageUnit) {
        return switch (usageUnit) {
            case "s" -> "vCPU-second";
            case "GiBy.s" -> "GiB-second";
            case "GiBy.mo" -> "GiB-month";
            case "GiBy" -> "GiB";
            case "TiBy" -> "TiB";
            case "h" -> "hour";
            case "count" -> "request";
            default -> usageUnit;
        };
    }
}
