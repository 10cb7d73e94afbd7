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
 * Reads pages of the Azure Retail Prices API ({@code https://prices.azure.com/api/retail/prices}): each page is
 * {@code {"BillingCurrency", "Items": [...], "NextPageLink"}}, an item has {@code retailPrice},
 * {@code unitOfMeasure}, {@code armRegionName}, {@code armSkuName}, {@code skuName}, {@code meterName},
 * {@code productName}, {@code serviceName}, {@code type}, {@code tierMinimumUnits} and
 * {@code effectiveStartDate}. Pages are given as files in order; the items are streamed. Only
 * {@code Consumption} items are kept; of tiered meters the tier starting at 0 is the price and a 0 first tier
 * followed by a paid one becomes the free quantity.
 */
public final class AzureRetailPriceLoader {

    public static final String SOURCE = "https://prices.azure.com/api/retail/prices";
    private static final ObjectMapper JSON = new ObjectMapper();

    public PriceListImport load(List<Path> pages) throws IOException {
        KeyMap keys = KeyMap.bundled("azure");
        Map<String, List<Tier>> byKey = new LinkedHashMap<>();
        Map<String, JsonNode> first = new HashMap<>();
        long entries = 0;
        List<String> notes = new ArrayList<>();
        String lastNext = null;
        for (Path page : pages) {
            lastNext = null;
            try (JsonParser p = new JsonFactory(JSON).createParser(page.toFile())) {
                expect(p.nextToken() == JsonToken.START_OBJECT, page, p, "'{' starting a Retail Prices page");
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if ("Items".equals(field)) {
                        expect(p.currentToken() == JsonToken.START_ARRAY, page, p, "an array of Items");
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            JsonNode item = JSON.readTree(p);
                            entries++;
                            if (!"Consumption".equals(item.path("type").asText())) {
                                continue;
                            }
                            Map<String, String> f = new HashMap<>();
                            item.fields().forEachRemaining(e -> f.put(e.getKey(), e.getValue().asText()));
                            String product = item.path("productName").asText();
                            f.put("productTier", product.replaceAll(".*\\b(Basic|Standard|Premium)\\b.*", "$1"));
                            f.put("flexTier", product.contains("Burstable") ? "B" : product.contains("General Purpose") ? "GP"
                                    : product.contains("Memory Optimized") ? "MO" : "");
                            var key = keys.key(f);
                            if (key.isEmpty()) {
                                continue;
                            }
                            String region = item.path("armRegionName").asText();
                            String k = key.get() + "|" + region;
                            byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(new Tier(
                                    item.path("tierMinimumUnits").decimalValue(), item.path("retailPrice").decimalValue()));
                            first.putIfAbsent(k, item);
                        }
                    } else if ("NextPageLink".equals(field)) {
                        lastNext = p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
            } catch (com.fasterxml.jackson.core.JsonParseException e) {
                throw new IllegalArgumentException(page + ":" + e.getLocation().getLineNr() + ":"
                        + e.getLocation().getColumnNr() + ": expected JSON (" + e.getOriginalMessage() + ")");
            }
        }
        if (lastNext != null && !lastNext.isBlank()) {
            notes.add("the last page given has a NextPageLink: the price list continues; fetch the next page and "
                    + "pass it with another --from to import the rest");
        }
        List<PriceRow> rows = new ArrayList<>();
        for (var e : byKey.entrySet()) {
            JsonNode item = first.get(e.getKey());
            String[] kr = e.getKey().split("\\|", 2);
            Tier.Priced tp = Tier.price(e.getValue());
            String date = item.path("effectiveStartDate").asText("");
            rows.add(new PriceRow("azure", item.path("serviceName").asText(), kr[0], kr[1],
                    unit(item.path("unitOfMeasure").asText()), tp.price(), tp.free(), SOURCE,
                    date.length() >= 10 ? date.substring(0, 10) : date,
                    item.path("productName").asText() + " / " + item.path("meterName").asText()
                            + " (per " + item.path("unitOfMeasure").asText() + ")"));
        }
        return new PriceListImport("azure", PriceListFormat.AZURE_RETAIL_PRICES.label(), rows, entries, notes);
    }

    static String unit(String uom) {
        return switch (uom) {
            case "1 Hour", "1/Hour" -> "hour";
            case "1 GB/Month", "1 GB/Month " -> "GB-month";
            case "1/Day", "1 Day" -> "day";
            case "1/Month" -> "month";
            case "1 GB" -> "GB";
            case "1 Second", "1 vCPU Second", "1 GiB Second" -> uom.contains("GiB") ? "GiB-second"
                    : uom.contains("vCPU") ? "vCPU-second" : "second";
            case "1M", "1 Million" -> "1M requests";
            case "10K" -> "10k operations";
            default -> uom;
        };
    }

    private static void expect(boolean ok, Path page, JsonParser p, String what) {
        if (!ok) {
            throw new IllegalArgumentException(page + ":" + p.currentLocation().getLineNr() + ":"
                    + p.currentLocation().getColumnNr() + ": expected " + what);
        }
    }

    /** One tier of a tiered price. */
    record Tier(BigDecimal from, BigDecimal price) {
        record Priced(BigDecimal price, BigDecimal free) {
        }

        static Priced price(List<Tier> tiers) {
            List<Tier> sorted = new ArrayList<>(tiers);
            sorted.sort(java.util.Comparator.comparing(Tier::from));
            Tier t0 = sorted.get(0);
            if (t0.price().signum() == 0 && sorted.size() > 1) {
                Tier t1 = sorted.get(1);
                return new Priced(t1.price(), t1.from().signum() > 0 ? t1.from() : null);
            }
            return new Priced(t0.price(), null);
        }
    }
}
