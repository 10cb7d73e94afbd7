package dev.cloudshift.core.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Writes JSON-like values (Map with String keys, Collection, String, Number, Boolean, null) as pretty
 * printed JSON with two-space indentation, {@code \n} line ends and one array element per line, so golden
 * files diff line by line. Numbers are written in plain notation without trailing zeros (0.25, 1024);
 * maps keep their iteration order, or are sorted by key where asked ({@link #renderedSorted}). Anything else is
 * written as its {@code toString()} string. The text is built as UTF-8 bytes ({@link Utf8Buffer}), never as one
 * string unless a caller asks for one.
 */
public final class JsonText {

    private JsonText() {
    }

    public static String write(Object value) {
        Utf8Buffer out = new Utf8Buffer(4096);
        write(out, value, 0, false);
        out.ascii('\n');
        return out.toString();
    }

    /**
     * Writes an object as {@link #write(Object)} would, as UTF-8 to {@code out}, member by member: a member already
     * {@link #rendered} goes out as it is, without being copied into the document first, so a document of many
     * megabytes never exists as one string or one array.
     */
    public static void write(Map<?, ?> object, OutputStream out) throws IOException {
        if (object.isEmpty()) {
            out.write("{}\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Utf8Buffer sb = new Utf8Buffer();
        sb.ascii("{\n");
        int i = 0;
        for (Map.Entry<?, ?> e : object.entrySet()) {
            pad(sb, 1);
            string(sb, String.valueOf(e.getKey()));
            sb.ascii(": ");
            if (e.getValue() instanceof Rendered r) {
                sb.drainTo(out);
                r.bytes.writeTo(out);
            } else {
                write(sb, e.getValue(), 1, false);
            }
            if (++i < object.size()) {
                sb.ascii(',');
            }
            sb.ascii('\n');
            if (sb.size() >= FLUSH_BYTES) {
                sb.drainTo(out);
            }
        }
        sb.ascii("}\n");
        sb.drainTo(out);
    }

    /** Bytes buffered before they are written out while streaming. */
    private static final int FLUSH_BYTES = 1 << 20;

    /**
     * A value already written as JSON for the depth it is placed at ({@link #rendered}); written as it is, so that a
     * large part of a document can be rendered ahead, on another thread, and put in its place later.
     */
    public static final class Rendered {

        private final Utf8Buffer bytes;

        private Rendered(Utf8Buffer bytes) {
            this.bytes = bytes;
        }

        /** The JSON text. */
        public String text() {
            return bytes.toString();
        }
    }

    /** {@code value} written as it appears at nesting depth {@code depth} (1 for a member of the top-level object). */
    public static Rendered rendered(Object value, int depth) {
        Utf8Buffer out = new Utf8Buffer();
        write(out, value, depth, false);
        return new Rendered(out);
    }

    /**
     * {@code value} in canonical form, written as {@link #rendered} would write it: the keys of every map sorted (as
     * strings, in {@link String#compareTo} order), at every depth. The same text as rendering a copy whose maps are
     * {@link java.util.TreeMap}s, without making that copy.
     */
    public static Rendered renderedSorted(Object value, int depth) {
        Utf8Buffer out = new Utf8Buffer();
        write(out, value, depth, true);
        return new Rendered(out);
    }

    /** A value written with the keys of its maps sorted, at every depth, as {@link #renderedSorted} writes it. */
    public static final class SortedKeys {

        private final Object value;

        private SortedKeys(Object value) {
            this.value = value;
        }
    }

    /** {@code value}, to be written with the keys of its maps sorted (without a sorted copy of it). */
    public static SortedKeys sortedKeys(Object value) {
        return new SortedKeys(value);
    }

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    private static void write(Utf8Buffer sb, Object v, int indent, boolean sorted) {
        if (v == null) {
            sb.bytes(NULL);
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Rendered r) {
            sb.append(r.bytes);
        } else if (v instanceof SortedKeys k) {
            write(sb, k.value, indent, true);
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.ascii("{}");
                return;
            }
            sb.ascii("{\n");
            if (sorted && !inKeyOrder(m)) {
                members(sb, sortedEntries(m), indent, sorted);
            } else {
                int i = 0;
                int n = m.size();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    member(sb, e, indent, sorted, ++i < n);
                }
            }
            pad(sb, indent);
            sb.ascii('}');
        } else if (v instanceof Collection<?> c) {
            if (c.isEmpty()) {
                sb.ascii("[]");
                return;
            }
            sb.ascii("[\n");
            if (c.size() >= PARALLEL_ELEMENTS && c instanceof List<?> list && c instanceof RandomAccess
                    && !(Thread.currentThread() instanceof ForkJoinWorkerThread)) {
                elementsInParallel(sb, list, indent, sorted);
            } else if (c instanceof List<?> list && c instanceof RandomAccess) {
                elements(sb, list, 0, list.size(), list.size(), indent, sorted);
            } else {
                int i = 0;
                for (Object o : c) {
                    pad(sb, indent + 1);
                    write(sb, o, indent + 1, sorted);
                    if (++i < c.size()) {
                        sb.ascii(',');
                    }
                    sb.ascii('\n');
                }
            }
            pad(sb, indent);
            sb.ascii(']');
        } else if (v instanceof Boolean b) {
            sb.bytes(b ? TRUE : FALSE);
        } else if (v instanceof Number n) {
            number(sb, n);
        } else {
            string(sb, v.toString());
        }
    }

    private static void member(Utf8Buffer sb, Map.Entry<?, ?> e, int indent, boolean sorted, boolean more) {
        pad(sb, indent + 1);
        string(sb, String.valueOf(e.getKey()));
        sb.ascii(": ");
        write(sb, e.getValue(), indent + 1, sorted);
        if (more) {
            sb.ascii(',');
        }
        sb.ascii('\n');
    }

    private static void members(Utf8Buffer sb, Map.Entry<?, ?>[] entries, int indent, boolean sorted) {
        for (int i = 0; i < entries.length; i++) {
            member(sb, entries[i], indent, sorted, i + 1 < entries.length);
        }
    }

    /** Whether a map's keys are strings that it already iterates in sorted order, with no two equal. */
    private static boolean inKeyOrder(Map<?, ?> m) {
        if (m instanceof SortedMap<?, ?> s && s.comparator() == null && (m.isEmpty() || m.keySet().iterator().next() instanceof String)) {
            return true;
        }
        String previous = null;
        for (Object k : m.keySet()) {
            if (!(k instanceof String key) || previous != null && previous.compareTo(key) >= 0) {
                return false;
            }
            previous = key;
        }
        return true;
    }

    /**
     * A map's entries in the order of their keys as strings; where two keys have the same string (say 1 and "1"), one
     * entry with the value of the last, as a {@link java.util.TreeMap} filled in iteration order keeps.
     */
    private static Map.Entry<?, ?>[] sortedEntries(Map<?, ?> m) {
        Map.Entry<?, ?>[] entries = m.entrySet().toArray(new Map.Entry<?, ?>[0]);
        int n = entries.length;
        boolean stringKeys = true;
        for (Map.Entry<?, ?> e : entries) {
            stringKeys &= e.getKey() instanceof String;
        }
        if (stringKeys) { // distinct already: the map's own entries, sorted
            Arrays.sort(entries, (a, b) -> ((String) a.getKey()).compareTo((String) b.getKey()));
            return entries;
        }
        for (int i = 0; i < n; i++) {
            entries[i] = new AbstractMap.SimpleImmutableEntry<>(String.valueOf(entries[i].getKey()), entries[i].getValue());
        }
        Arrays.sort(entries, (a, b) -> ((String) a.getKey()).compareTo((String) b.getKey())); // stable
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (kept > 0 && entries[kept - 1].getKey().equals(entries[i].getKey())) {
                entries[kept - 1] = entries[i];
            } else {
                entries[kept++] = entries[i];
            }
        }
        return kept == n ? entries : Arrays.copyOf(entries, kept);
    }

    /** Lists at least this long (a plan's resources and cost lines) are written by two threads. */
    private static final int PARALLEL_ELEMENTS = 4096;

    /**
     * Writes the elements of a long list as {@link #elements} would, the second half on the common fork-join pool
     * into its own buffer; the text is the same, element for element.
     */
    private static void elementsInParallel(Utf8Buffer sb, List<?> list, int indent, boolean sorted) {
        int n = list.size();
        int half = n / 2;
        CompletableFuture<Utf8Buffer> second = CompletableFuture.supplyAsync(() -> {
            Utf8Buffer b = new Utf8Buffer();
            elements(b, list, half, n, n, indent, sorted);
            return b;
        });
        elements(sb, list, 0, half, n, indent, sorted);
        try {
            sb.append(second.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private static void elements(Utf8Buffer sb, List<?> list, int from, int to, int size, int indent, boolean sorted) {
        for (int i = from; i < to; i++) {
            pad(sb, indent + 1);
            write(sb, list.get(i), indent + 1, sorted);
            if (i + 1 < size) {
                sb.ascii(',');
            }
            sb.ascii('\n');
        }
    }

    /** Writes {@link #number(Number)}, without making a string or a BigDecimal for whole numbers. */
    private static void number(Utf8Buffer sb, Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            sb.decimal(n.longValue());
            return;
        }
        if (n instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            sb.decimal(d.longValue()); // a whole double prints as its integer (-0.0 as 0, like number())
            return;
        }
        sb.ascii(number(n));
    }

    /** Plain decimal text of a number, without exponent or trailing zeros; NaN and infinities as null. */
    public static String number(Number n) {
        if (n instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return "null";
        }
        if (n instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return "null";
        }
        BigDecimal d;
        if (n instanceof BigDecimal bd) {
            d = bd;
        } else if (n instanceof BigInteger bi) {
            d = new BigDecimal(bi);
        } else if (n instanceof Double || n instanceof Float) {
            d = new BigDecimal(n.toString());
        } else {
            d = BigDecimal.valueOf(n.longValue());
        }
        if (d.signum() == 0) {
            return "0";
        }
        d = d.stripTrailingZeros();
        return d.scale() <= 0 ? d.toBigIntegerExact().toString() : d.toPlainString();
    }

    /** Indentation for the usual depths, so a line's padding is one copy. */
    private static final byte[][] PADS = new byte[32][];

    static {
        for (int i = 0; i < PADS.length; i++) {
            PADS[i] = "  ".repeat(i).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static void pad(Utf8Buffer sb, int indent) {
        if (indent < PADS.length) {
            sb.bytes(PADS[indent]);
            return;
        }
        for (int i = 0; i < indent; i++) {
            sb.ascii("  ");
        }
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029';
    }

    private static void string(Utf8Buffer sb, String s) {
        sb.ascii('"');
        int n = s.length();
        int start = 0;
        char c;
        while (start < n && (c = s.charAt(start)) >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            start++;
        }
        if (start == n) {
            sb.ascii(s, 0, n);
            sb.ascii('"');
            return;
        }
        sb.ascii(s, 0, start);
        int run = start; // start of the current run of characters that need no escape
        for (int i = start; i < n; i++) {
            c = s.charAt(i);
            if (!needsEscape(c)) {
                continue;
            }
            sb.utf8(s, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> sb.ascii("\\\"");
                case '\\' -> sb.ascii("\\\\");
                case '\n' -> sb.ascii("\\n");
                case '\r' -> sb.ascii("\\r");
                case '\t' -> sb.ascii("\\t");
                case '\b' -> sb.ascii("\\b");
                case '\f' -> sb.ascii("\\f");
                default -> sb.ascii(String.format("\\u%04x", (int) c));
            }
        }
        sb.utf8(s, run, n);
        sb.ascii('"');
    }
}
