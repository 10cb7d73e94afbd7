package dev.cloudshift.core.cost.loader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which vendor price-list entries become which catalog SKU keys ({@code catalog/loader-keys/<provider>.yaml}):
 * the first entry whose every {@code match} field matches (whole-value regular expression) gives the key,
 * a template over the entry's fields.
 */
public final class KeyMap {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_]+)}");

    private record Entry(Map<String, Pattern> match, String key) {
    }

    private final List<Entry> entries;

    private KeyMap(List<Entry> entries) {
        this.entries = entries;
    }

    public static KeyMap bundled(String provider) {
        String res = "catalog/loader-keys/" + provider + ".yaml";
        try (InputStream in = KeyMap.class.getClassLoader().getResourceAsStream(res)) {
            if (in == null) {
                throw new IllegalStateException(res + " is missing from the build");
            }
            List<Entry> list = new ArrayList<>();
            for (JsonNode e : YAML.readTree(in).path("keys")) {
                Map<String, Pattern> m = new LinkedHashMap<>();
                e.path("match").fields().forEachRemaining(f -> m.put(f.getKey(), Pattern.compile(f.getValue().asText())));
                list.add(new Entry(m, e.path("key").asText()));
            }
            return new KeyMap(list);
        } catch (IOException e) {
            throw new IllegalStateException(res + ": " + e.getMessage(), e);
        }
    }

    /** The catalog key for an entry with these fields, or empty when no rule covers it. */
    public Optional<String> key(Map<String, String> fields) {
        for (Entry e : entries) {
            boolean ok = true;
            for (var m : e.match().entrySet()) {
                String v = fields.get(m.getKey());
                if (v == null || !m.getValue().matcher(v).matches()) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                Matcher t = PLACEHOLDER.matcher(e.key());
                StringBuilder sb = new StringBuilder();
                boolean complete = true;
                while (t.find()) {
                    String v = fields.get(t.group(1));
                    if (v == null || v.isBlank()) {
                        complete = false;
                        break;
                    }
                    t.appendReplacement(sb, Matcher.quoteReplacement(v));
                }
                if (complete) {
                    t.appendTail(sb);
                    return Optional.of(sb.toString());
                }
            }
        }
        return Optional.empty();
    }
}
