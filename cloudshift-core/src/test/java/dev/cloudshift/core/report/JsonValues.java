package dev.cloudshift.core.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical copy of a JSON-like value (map keys sorted, recursively) that plan.json was once written through: the
 * oracle {@link JsonText#renderedSorted} and {@link JsonText#sortedKeys} are tested against.
 */
final class JsonValues {

    private JsonValues() {
    }

    static Object canonical(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), canonical(val)));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(o -> out.add(canonical(o)));
            return out;
        }
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        return v.toString();
    }
}
