package dev.cloudshift.core.cost.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the price catalog CSV format: a header
 * {@code provider,service,sku,region,unit,price_usd,free_quantity,source,as_of,note} and one row per price.
 * Fields may be quoted with double quotes (RFC 4180); an empty price_usd marks an unpriced row, whose note says
 * why.
 */
public final class PriceCsv {

    public static final List<String> HEADER = List.of(
            "provider", "service", "sku", "region", "unit", "price_usd", "free_quantity", "source", "as_of", "note");

    private PriceCsv() {
    }

    /** Parses a whole CSV; errors name {@code name:line:column}. */
    public static List<PriceRow> read(Reader in, String name) throws IOException {
        BufferedReader r = new BufferedReader(in);
        List<PriceRow> rows = new ArrayList<>();
        String line;
        int lineNo = 0;
        boolean header = true;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> f = split(line, name, lineNo);
            if (header) {
                header = false;
                if (!f.equals(HEADER)) {
                    throw new PriceCatalogException(name + ":" + lineNo + ":1: expected the header "
                            + String.join(",", HEADER));
                }
                continue;
            }
            if (f.size() != HEADER.size()) {
                throw new PriceCatalogException(name + ":" + lineNo + ":1: expected " + HEADER.size()
                        + " fields (" + String.join(",", HEADER) + "), found " + f.size());
            }
            rows.add(new PriceRow(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4),
                    number(f.get(5), name, lineNo, "price_usd"), number(f.get(6), name, lineNo, "free_quantity"),
                    f.get(7), f.get(8), f.get(9)));
        }
        return rows;
    }

    public static void write(Writer out, List<PriceRow> rows) throws IOException {
        out.write(String.join(",", HEADER));
        out.write('\n');
        for (PriceRow p : rows) {
            out.write(String.join(",", List.of(quote(p.provider()), quote(p.service()), quote(p.sku()),
                    quote(p.region()), quote(p.unit()),
                    p.priceUsd() == null ? "" : p.priceUsd().toPlainString(),
                    p.freeQuantity() == null ? "" : p.freeQuantity().toPlainString(),
                    quote(p.source()), quote(p.asOf()), quote(p.note()))));
            out.write('\n');
        }
    }

    private static BigDecimal number(String s, String name, int line, String field) {
        if (s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw new PriceCatalogException(name + ":" + line + ":1: expected a number in " + field);
        }
    }

    static String quote(String s) {
        if (s == null) {
            return "";
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    static List<String> split(String line, String name, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"' && cur.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new PriceCatalogException(name + ":" + lineNo + ":" + (line.length() + 1)
                    + ": expected a closing '\"'");
        }
        out.add(cur.toString());
        return out;
    }
}
