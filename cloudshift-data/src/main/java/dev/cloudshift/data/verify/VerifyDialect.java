package dev.cloudshift.data.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SQL verify pushes into one kind of database, loaded from {@code verify/<name>.yaml}: session set-up,
 * per-kind normalisation to canonical text, the row text, its 60-bit hash and the checksum aggregate. A dialect
 * with {@code hashing: client} has no such SQL: its rows are read and hashed by {@link CanonicalText}.
 */
public record VerifyDialect(
        String name,
        boolean pushDown,
        String quoteChar,
        List<String> session,
        Map<ValueKind, String> normalize,
        String field,
        String fieldNotNull,
        String decimalFraction,
        String row,
        String hash,
        String sum,
        String div,
        String mod) {

    private static final Map<String, VerifyDialect> CACHE = new ConcurrentHashMap<>();

    /** The dialect name for a JDBC URL: postgresql, mysql (MySQL and MariaDB), sqlite or h2. */
    public static String nameForUrl(String jdbcUrl) {
        String u = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:postgresql:")) {
            return "postgresql";
        }
        if (u.startsWith("jdbc:mysql:") || u.startsWith("jdbc:mariadb:")) {
            return "mysql";
        }
        if (u.startsWith("jdbc:sqlite:")) {
            return "sqlite";
        }
        if (u.startsWith("jdbc:h2:")) {
            return "h2";
        }
        return null;
    }

    public static VerifyDialect load(String name) {
        return CACHE.computeIfAbsent(name, VerifyDialect::read);
    }

    private static VerifyDialect read(String name) {
        String resource = "/verify/" + name + ".yaml";
        try (InputStream in = VerifyDialect.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no verify rules for database '" + name + "'");
            }
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            boolean push = "sql".equals(root.path("hashing").asText());
            List<String> session = new ArrayList<>();
            root.path("session").forEach(n -> session.add(n.asText()));
            Map<ValueKind, String> norm = new EnumMap<>(ValueKind.class);
            root.path("normalize").fields().forEachRemaining(e -> norm.put(ValueKind.fromYaml(e.getKey()),
                    e.getValue().asText()));
            if (push) {
                for (ValueKind k : ValueKind.values()) {
                    if (!norm.containsKey(k)) {
                        throw new IllegalStateException(resource + ": normalize." + k.yamlName() + " is missing");
                    }
                }
            }
            return new VerifyDialect(name, push, root.path("quote").asText("\""), List.copyOf(session), Map.copyOf(norm),
                    root.path("field").asText(null), root.path("field_not_null").asText(null),
                    root.path("decimal_fraction").asText(null), root.path("row").asText(null),
                    root.path("hash").asText(null),
                    root.path("sum").asText(null), root.path("div").asText(null), root.path("mod").asText(null));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public String quote(String identifier) {
        return quoteChar + identifier.replace(quoteChar, quoteChar + quoteChar) + quoteChar;
    }

    /** SQL for the canonical text of {@code columnSql} (already quoted) of the given kind; NULL stays NULL. */
    public String normalized(ValueKind kind, String columnSql) {
        return normalize.get(kind).replace("{c}", columnSql);
    }

    /**
     * SQL for the canonical text of a column that the schema says has a decimal fraction (scale > 0): the dialect's
     * {@code decimal_fraction} expression when it has one (no test for a decimal point), else {@code decimal}.
     */
    public String normalizedDecimal(String columnSql, int scale) {
        String sql = scale > 0 && decimalFraction != null ? decimalFraction : normalize.get(ValueKind.DECIMAL);
        return sql.replace("{c}", columnSql);
    }

    /** SQL for the row text of these canonical-text expressions (one field per column). */
    public String rowText(List<String> normalizedExpressions) {
        return rowText(normalizedExpressions, java.util.Collections.nCopies(normalizedExpressions.size(), false));
    }

    /**
     * SQL for the row text, where a column declared NOT NULL uses {@code field_not_null} (no NULL test) when the
     * dialect has it; the text is the same either way.
     */
    public String rowText(List<String> normalizedExpressions, List<Boolean> notNull) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < normalizedExpressions.size(); i++) {
            String f = notNull.get(i) && fieldNotNull != null ? fieldNotNull : field;
            fields.add(f.replace("{v}", normalizedExpressions.get(i)));
        }
        return row.replace("{fields}", String.join(", ", fields));
    }

    /** SQL for the 60-bit unsigned hash of a text expression. */
    public String hash60(String textSql) {
        return hash.replace("{text}", textSql);
    }

    public String sumOf(String hashSql) {
        return sum.replace("{h}", hashSql);
    }

    public String intDiv(String a, String b) {
        return div.replace("{a}", a).replace("{b}", b);
    }

    public String modulo(String a, String b) {
        return mod.replace("{a}", a).replace("{b}", b);
    }
}
