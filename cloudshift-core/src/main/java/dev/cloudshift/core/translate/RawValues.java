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
        if (path.indexOf('[', from) >= 0 || path.indexOf(']', from) >= 0) {
            // brackets: '[' separates like '.', ']' is dropped
            path = path.substring(from).replace("[", ".").replace("]", "");
            from = 0;
        }
        Object cur = root;
        int start = from;
        while (start <= path.length()) {
            int dot = path.indexOf('.', start);
            int end = dot < 0 ? path.length() : dot;
            if (end > start) { // empty segments are skipped
                cur = decode(cur);
                if (cur instanceof Map<?, ?> m) {
                    cur = m.get(path.substring(start, end));
                } else if (cur instanceof List<?> l && isDigits(path, start, end)) {
                    int i = Integer.parseInt(path, start, end, 10);
                    cur = i < l.size() ? l.get(i) : null;
                } else {
                    return null;
                }
            }
            start = end + 1;
        }
        return decode(cur);
    }

    /** Whether every character of the range is a digit ({@link Character#isDigit}). */
    private static boolean isDigits(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
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
