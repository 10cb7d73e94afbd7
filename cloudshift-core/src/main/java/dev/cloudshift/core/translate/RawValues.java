package dev.cloudshift.core.translate;

import static dev.cloudshift.core.model.AttributeValues.number;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Reads a dotted path ({@code health_check.0.path}, {@code container_definitions.0.environment}) from raw source
 * attributes; a string that holds JSON (jsonencode output) is looked into.
 */
final class RawValues {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private RawValues() {
    }

    static Object get(Object root, String path) {
        return get(root, path, 0);
    }

    /** {@link #get(Object, String)} of the path from {@code from} on. */
    static Object get(Object root, String path, int from) {
        Object cur = root;
        for (String seg : segments(path, from)) {
            cur = decode(cur);
            if (cur instanceof Map<?, ?> m) {
                cur = m.get(seg);
            } else if (cur instanceof List<?> l && seg.chars().allMatch(Character::isDigit)) {
                int i = Integer.parseInt(seg);
                cur = i < l.size() ? l.get(i) : null;
            } else {
                return null;
            }
        }
        return decode(cur);
    }

    /**
     * The non-empty segments of a path from {@code from} on: {@code [} and {@code .} separate, {@code ]} is dropped
     * ({@code path.substring(from).replace("[", ".").replace("]", "").split("\\.")} without the empty ones).
     */
    private static List<String> segments(String path, int from) {
        if (path.indexOf('[', from) >= 0 || path.indexOf(']', from) >= 0) {
            List<String> out = new java.util.ArrayList<>();
            for (String seg : path.substring(from).replace("[", ".").replace("]", "").split("\\.")) {
                if (!seg.isEmpty()) {
                    out.add(seg);
                }
            }
            return out;
        }
        List<String> out = new java.util.ArrayList<>(4);
        int start = from;
        while (start <= path.length()) {
            int dot = path.indexOf('.', start);
            int end = dot < 0 ? path.length() : dot;
            if (end > start) {
                out.add(path.substring(start, end));
            }
            start = end + 1;
        }
        return out;
    }

    /** A JSON object or array written as a string is decoded (numbers as BigDecimal); anything else unchanged. */
    static Object decode(Object v) {
        if (v instanceof String s) {
            String t = s.trim();
            if ((t.startsWith("{") && t.endsWith("}")) || (t.startsWith("[") && t.endsWith("]"))) {
                try {
                    return JSON.readValue(t, new TypeReference<Object>() { });
                } catch (java.io.IOException e) {
                    return v;
                }
            }
        }
        return v;
    }
}
