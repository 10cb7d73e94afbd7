package dev.cloudshift.data.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Maps a declared column type to its {@link ValueKind}, by the rules in {@code verify/kinds.yaml}. */
public final class ColumnKinds {

    private record Rule(Pattern match, ValueKind kind) {
    }

    private static final Map<String, List<Rule>> RULES = load();

    private ColumnKinds() {
    }

    public static ValueKind kindOf(String dialect, String declaredType) {
        String t = declaredType == null ? "" : declaredType.trim().toLowerCase(Locale.ROOT);
        for (String section : List.of(dialect, "default")) {
            for (Rule r : RULES.getOrDefault(section, List.of())) {
                if (r.match().matcher(t).find()) {
                    return r.kind();
                }
            }
        }
        return ValueKind.OTHER;
    }

    private static Map<String, List<Rule>> load() {
        try (InputStream in = ColumnKinds.class.getResourceAsStream("/verify/kinds.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<String, List<Rule>> rules = new LinkedHashMap<>();
            root.fields().forEachRemaining(e -> {
                List<Rule> list = new ArrayList<>();
                e.getValue().forEach(n -> list.add(new Rule(Pattern.compile(n.path("match").asText()),
                        ValueKind.fromYaml(n.path("kind").asText()))));
                rules.put(e.getKey(), List.copyOf(list));
            });
            return Map.copyOf(rules);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read verify/kinds.yaml", e);
        }
    }
}
