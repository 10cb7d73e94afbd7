package dev.cloudshift.core.kb;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A path into raw attributes: names separated by dots, list indexes as {@code .0} or {@code [0]}, and
 * {@code *} (or {@code [*]}) for every element of a list. Examples: {@code engine},
 * {@code scaling_configuration.0.min_capacity}, {@code serverlessv2_scaling_configuration[0].max_capacity},
 * {@code ingress[*].from_port}. A string met where a map or list is needed is read as JSON when it looks
 * like JSON (so {@code container_definitions} written with jsonencode can be looked into). A path with a
 * wildcard yields a list of every value found.
 */
final class RawPath {

    /** Created on first use only: most catalogs never look into JSON strings, and a mapper is costly to load. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final String text;
    private final List<String> segments;
    private final boolean wildcard;

    private RawPath(String text, List<String> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
        this.wildcard = segments.contains("*");
    }

    /** Parses a path; null when it is malformed (the caller reports where). */
    static RawPath parse(String text) {
        String t = text.trim().replace("[", ".").replace("]", "");
        if (t.isEmpty() || t.startsWith(".") || t.endsWith(".") || t.contains("..")) {
            return null;
        }
        List<String> segs = new ArrayList<>();
        for (String s : t.split("\\.")) {
            if (!validSegment(s)) {
                return null;
            }
            segs.add(s);
        }
        return new RawPath(text, segs);
    }

    /** A name of letters, digits, '_' and '-', or '*' (checked by hand: regexes are slow in a cold JVM). */
    private static boolean validSegment(String s) {
        if (s.equals("*")) {
            return true;
        }
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    String text() {
        return text;
    }

    boolean hasWildcard() {
        return wildcard;
    }

    /** The value at this path; null when absent. With a wildcard: the list of non-null values found. */
    Object lookup(Map<String, Object> raw) {
        if (!wildcard) {
            Object cur = raw;
            for (String seg : segments) {
                cur = step(cur, seg);
                if (cur == null) {
                    return null;
                }
            }
            return cur;
        }
        List<Object> out = new ArrayList<>();
        collect(raw, 0, out);
        return out.isEmpty() ? null : out;
    }

    private void collect(Object cur, int i, List<Object> out) {
        if (cur == null) {
            return;
        }
        if (i == segments.size()) {
            if (cur instanceof Collection<?> c) {
                c.stream().filter(x -> x != null).forEach(out::add);
            } else {
                out.add(cur);
            }
            return;
        }
        String seg = segments.get(i);
        if (seg.equals("*")) {
            Object list = asStructure(cur);
            if (list instanceof List<?> l) {
                for (Object x : l) {
                    collect(x, i + 1, out);
                }
            } else if (list instanceof Map<?, ?> m) {
                for (Object x : m.values()) {
                    collect(x, i + 1, out);
                }
            }
            return;
        }
        collect(step(cur, seg), i + 1, out);
    }

    private static Object step(Object cur, String seg) {
        Object c = asStructure(cur);
        if (c instanceof Map<?, ?> m) {
            Object v = m.get(seg);
            if (v == null && isIndex(seg)) {
                return null;
            }
            return v;
        }
        if (c instanceof List<?> l) {
            if (isIndex(seg)) {
                int idx = Integer.parseInt(seg);
                return idx < l.size() ? l.get(idx) : null;
            }
            // a name applied to a one-block list reads the block (blocks are lists of maps)
            if (l.size() == 1 && asStructure(l.get(0)) instanceof Map<?, ?> only) {
                return only.get(seg);
            }
        }
        return null;
    }

    private static boolean isIndex(String seg) {
        return !seg.isEmpty() && seg.length() < 9 && seg.chars().allMatch(Character::isDigit);
    }

    /** A JSON-looking string becomes the map or list it encodes; anything else is returned unchanged. */
    private static Object asStructure(Object v) {
        if (v instanceof String s) {
            String t = s.trim();
            if ((t.startsWith("{") && t.endsWith("}")) || (t.startsWith("[") && t.endsWith("]"))) {
                Object[] last = LAST_PARSED.get();
                if (last[0] == s) {
                    return last[1];
                }
                Object parsed;
                try {
                    parsed = unmodifiable(Json.MAPPER.readValue(t, Object.class));
                } catch (Exception e) {
                    parsed = v;
                }
                last[0] = s;
                last[1] = parsed;
                return parsed;
            }
        }
        return v;
    }

    /**
     * The last JSON text read on this thread and what it read as (by identity of the string): the rules that
     * normalise one resource read several paths of the same JSON document (an ECS container definition, a policy).
     */
    private static final ThreadLocal<Object[]> LAST_PARSED = ThreadLocal.withInitial(() -> new Object[2]);

    /** A parsed JSON value that nobody can change, since it may be read again by the next path. */
    private static Object unmodifiable(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, unmodifiable(x)));
            return java.util.Collections.unmodifiableMap(out);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(unmodifiable(x)));
            return java.util.Collections.unmodifiableList(out);
        }
        return v;
    }

    @Override
    public String toString() {
        return text;
    }
}
