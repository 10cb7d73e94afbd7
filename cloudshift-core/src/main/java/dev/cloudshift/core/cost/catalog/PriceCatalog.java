package dev.cloudshift.core.cost.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The offline price catalog: the bundled rows ({@code catalog/prices/<provider>/*.csv}, listed in
 * {@code catalog/prices/index.txt}) overlaid by the rows of a user catalog directory (written by
 * {@code cloudshift catalog refresh}); a user row replaces the bundled row with the same provider, SKU and region.
 */
public final class PriceCatalog {

    public static final String INDEX = "catalog/prices/index.txt";

    private final Map<String, PriceRow> rows;

    public PriceCatalog(List<PriceRow> rows) {
        Map<String, PriceRow> m = new LinkedHashMap<>();
        for (PriceRow r : rows) {
            m.put(r.key(), r);
        }
        this.rows = m;
    }

    /** The bundled catalog only. */
    public static PriceCatalog bundled() {
        return new PriceCatalog(readBundled());
    }

    /** The bundled catalog with the rows of {@code userDir} (if it exists) on top. */
    public static PriceCatalog load(Path userDir) {
        List<PriceRow> all = new ArrayList<>(readBundled());
        if (userDir != null && Files.isDirectory(userDir)) {
            all.addAll(readDirectory(userDir));
        }
        return new PriceCatalog(all);
    }

    public static List<PriceRow> readBundled() {
        List<PriceRow> all = new ArrayList<>();
        ClassLoader cl = PriceCatalog.class.getClassLoader();
        try (InputStream idx = cl.getResourceAsStream(INDEX)) {
            if (idx == null) {
                throw new PriceCatalogException(INDEX + ": the bundled price catalog index is missing");
            }
            for (String line : new String(idx.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String f = line.trim();
                if (f.isEmpty()) {
                    continue;
                }
                String res = "catalog/prices/" + f;
                try (InputStream in = cl.getResourceAsStream(res)) {
                    if (in == null) {
                        throw new PriceCatalogException(INDEX + ": lists " + f + " which is not bundled");
                    }
                    all.addAll(PriceCsv.read(new InputStreamReader(in, StandardCharsets.UTF_8), res));
                }
            }
        } catch (IOException e) {
            throw new PriceCatalogException("cannot read the bundled price catalog: " + e.getMessage(), e);
        }
        return all;
    }

    /** Every {@code *.csv} under {@code dir}, in path order. */
    public static List<PriceRow> readDirectory(Path dir) {
        List<PriceRow> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".csv")).sorted(Comparator.naturalOrder()).toList()) {
                try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                    all.addAll(PriceCsv.read(r, p.toString()));
                }
            }
        } catch (IOException e) {
            throw new PriceCatalogException(dir + ": cannot read the price catalog directory: " + e.getMessage(), e);
        }
        return all;
    }

    /** The row for a SKU in a region, else the SKU's {@code global} row (services priced the same everywhere). */
    public Optional<PriceRow> find(String provider, String sku, String region) {
        PriceRow r = rows.get(PriceRow.key(provider, sku, region));
        if (r == null) {
            r = rows.get(PriceRow.key(provider, sku, "global"));
        }
        return Optional.ofNullable(r);
    }

    public List<PriceRow> rows() {
        return List.copyOf(rows.values());
    }

    /** Rows filtered by provider and a case-insensitive service substring (either may be null). */
    public List<PriceRow> select(String provider, String service) {
        return rows.values().stream()
                .filter(r -> provider == null || r.provider().equalsIgnoreCase(provider))
                .filter(r -> service == null
                        || r.service().toLowerCase(Locale.ROOT).contains(service.toLowerCase(Locale.ROOT)))
                .toList();
    }
}
