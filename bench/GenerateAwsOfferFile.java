import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates a synthetic AWS Price List offer file in the documented layout (products, then terms.OnDemand and
 * terms.Reserved) for the price-list loader benchmark. Every tenth product is an RDS PostgreSQL Single-AZ
 * instance the loader keeps; the others are storage products it skips. Prices are synthetic test values.
 *
 * <pre>
 *   java bench/GenerateAwsOfferFile.java bench/out/offer-200k.json 200000
 * </pre>
 */
public final class GenerateAwsOfferFile {

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/out/offer-200k.json");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("{\n  \"formatVersion\" : \"v1.0\",\n  \"offerCode\" : \"AmazonRDS\",\n  \"version\" : \"bench\",\n"
                    + "  \"publicationDate\" : \"2026-01-01T00:00:00Z\",\n  \"products\" : {\n");
            for (int i = 0; i < n; i++) {
                boolean kept = i % 10 == 0;
                w.write("    \"SKU" + i + "\" : {\n      \"sku\" : \"SKU" + i + "\",\n      \"productFamily\" : \""
                        + (kept ? "Database Instance" : "Database Storage") + "\",\n      \"attributes\" : {\n"
                        + "        \"servicecode\" : \"AmazonRDS\",\n        \"location\" : \"US East (N. Virginia)\",\n"
                        + "        \"regionCode\" : \"us-east-1\",\n        \"instanceType\" : \"db.bench" + i + ".large\",\n"
                        + "        \"databaseEngine\" : \"PostgreSQL\",\n        \"deploymentOption\" : \"Single-AZ\",\n"
                        + "        \"usagetype\" : \"InstanceUsage:db.bench" + i + "\",\n        \"operation\" : \"CreateDBInstance:0014\"\n"
                        + "      }\n    }" + (i + 1 < n ? "," : "") + "\n");
            }
            w.write("  },\n  \"terms\" : {\n    \"OnDemand\" : {\n");
            for (int i = 0; i < n; i++) {
                w.write("      \"SKU" + i + "\" : {\n        \"SKU" + i + ".JRTCKXETXF\" : {\n          \"offerTermCode\" : \"JRTCKXETXF\",\n"
                        + "          \"sku\" : \"SKU" + i + "\",\n          \"effectiveDate\" : \"2026-01-01T00:00:00Z\",\n"
                        + "          \"priceDimensions\" : {\n            \"SKU" + i + ".JRTCKXETXF.6YS6EN2CT7\" : {\n"
                        + "              \"rateCode\" : \"SKU" + i + ".JRTCKXETXF.6YS6EN2CT7\",\n              \"description\" : \"bench\",\n"
                        + "              \"beginRange\" : \"0\",\n              \"endRange\" : \"Inf\",\n              \"unit\" : \"Hrs\",\n"
                        + "              \"pricePerUnit\" : { \"USD\" : \"0." + (1000 + i % 9000) + "\" },\n              \"appliesTo\" : [ ]\n"
                        + "            }\n          },\n          \"termAttributes\" : { }\n        }\n      }" + (i + 1 < n ? "," : "") + "\n");
            }
            w.write("    },\n    \"Reserved\" : { }\n  }\n}\n");
        }
        System.out.println(out + ": " + n + " products, " + Files.size(out) / (1024 * 1024) + " MiB");
    }
}
