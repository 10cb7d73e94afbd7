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
 * Reads AWS Price List bulk offer files ({@code https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/<offer>/
 * current/index.json}): {@code products{sku:{sku, productFamily, attributes}}} then
 * {@code terms.OnDemand{sku{offerTermCode{effectiveDate, priceDimensions{rateCode{unit, pricePerUnit.USD,
 * beginRange, endRange}}}}}}. The file is streamed (real offer files are gigabytes): each product and each term
 * is read alone, and only products a {@link KeyMap} rule covers are kept. Reserved terms are skipped.
 */
public final class AwsPriceListLoader {

    public static final String SOURCE = "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> LOCATIONS = Map.ofEntries(
            Map.entry("US East (N. Virginia)", "us-east-1"), Map.entry("US East (Ohio)", "us-east-2"),
            Map.entry("US West (N. California)", "us-west-1"), Map.entry("US West (Oregon)", "us-west-2"),
            Map.entry("EU (Ireland)", "eu-west-1"), Map.entry("Europe (Ireland)", "eu-west-1"),
            Map.entry("EU (Frankfurt)", "eu-central-1"), Map.entry("Europe (Frankfurt)", "eu-central-1"),
            Map.entry("EU (London)", "eu-west-2"), Map.entry("Europe (London)", "eu-west-2"),
            Map.entry("Asia Pacific (Singapore)", "ap-southeast-1"), Map.entry("Asia Pacific (Sydney)", "ap-southeast-2"),
            Map.entry("Asia Pacific (Tokyo)", "ap-northeast-1"), Map.entry("Canada (Central)", "ca-central-1"));

    private record Product(String key, String region, String service) {
    }

    public PriceListImport load(List<Path> files) throws IOException {
        KeyMap keys = KeyMap.bundled("aws");
        List<PriceRow> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long entries = 0;
        for (Path file : files) {
            Map<String, Product> products = new HashMap<>();
            String offer = "";
            String published = "";
            Map<String, PriceRow> out = new LinkedHashMap<>();
            try (JsonParser p = new JsonFactory(JSON).createParser(file.toFile())) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new IllegalArgumentException(file + ":1:1: expected '{' starting an AWS offer file");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    switch (field) {
                        case "offerCode" -> offer = p.getText();
                        case "publicationDate" -> published = p.getText();
                        case "products" -> {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                p.nextToken();
                                JsonNode prod = JSON.readTree(p);
                                entries++;
                                Map<String, String> f = new HashMap<>();
                                f.put("productFamily", prod.path("productFamily").asText());
                                prod.path("attributes").fields().forEachRemaining(e -> f.put(e.getKey(), e.getValue().asText()));
                                var key = keys.key(f);
                                if (key.isEmpty()) {
                                    continue;
                                }
                                String region = f.containsKey("regionCode") ? f.get("regionCode")
                                        : LOCATIONS.get(f.getOrDefault("location", ""));
                                if (region == null) {
                                    continue;
                                }
                                products.put(prod.path("sku").asText(), new Product(key.get(), region,
                                        f.getOrDefault("servicename", offer)));
                            }
                        }
                        case "terms" -> {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String termType = p.currentName();
                                p.nextToken();
                                if (!"OnDemand".equals(termType)) {
                                    p.skipChildren();
                                    continue;
                                }
                                while (p.nextToken() == JsonToken.FIELD_NAME) {
                                    String sku = p.currentName();
                                    p.nextToken();
                                    Product prod = products.get(sku);
                                    if (prod == null) {
                                        p.skipChildren();
                                        continue;
                                    }
                                    JsonNode terms = JSON.readTree(p);
                                    for (JsonNode term : terms) {
                                        PriceRow r = row(prod, term, offer);
                                        if (r != null) {
                                            out.putIfAbsent(r.key(), r);
                                        }
                                    }
                                }
                            }
                        }
                        default -> p.skipChildren();
                    }
                }
            } catch (com.fasterxml.jackson.core.JsonParseException e) {
                throw new IllegalArgumentException(file + ":" + e.getLocation().getLineNr() + ":"
                        + e.getLocation().getColumnNr() + ": expected JSON (" + e.getOriginalMessage() + ")");
            }
            if (products.isEmpty()) {
                notes.add(file.getFileName() + ": no product of offer " + offer + " is covered by catalog/loader-keys/aws.yaml");
            }
            rows.addAll(out.values());
        }
        return new PriceListImport("aws", PriceListFormat.AWS_OFFER_FILE.label(), rows, entries, notes);
    }

    private static PriceRow row(Product prod, JsonNode term, String offer) {
        List<JsonNode> dims = new ArrayList<>();
        term.path("priceDimensions").forEach(dims::add);
        if (dims.isEmpty()) {
            return null;
        }
        dims.sort(java.util.Comparator.comparing((JsonNode d) -> new BigDecimal(d.path("beginRange").asText("0"))));
        JsonNode d0 = dims.get(0);
        BigDecimal price = new BigDecimal(d0.path("pricePerUnit").path("USD").asText("0"));
        BigDecimal free = null;
        if (price.signum() == 0 && dims.size() > 1) {
            JsonNode d1 = dims.get(1);
            price = new BigDecimal(d1.path("pricePerUnit").path("USD").asText("0"));
            free = new BigDecimal(d1.path("beginRange").asText("0"));
        }
        String date = term.path("effectiveDate").asText("");
        String unit = PriceListFormat.units(d0.path("unit").asText());
        if (unit.equals("Requests")) {
            price = price.movePointRight(6).stripTrailingZeros();
            free = free == null ? null : free.movePointLeft(6).stripTrailingZeros();
            unit = "1M requests";
        }
        return new PriceRow("aws", prod.service(), prod.key(), prod.region(), unit, price, free,
                SOURCE + offer + "/current/index.json", date.length() >= 10 ? date.substring(0, 10) : date,
                d0.path("description").asText());
    }
}
