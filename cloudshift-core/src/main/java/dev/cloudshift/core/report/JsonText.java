package dev.cloudshift.core.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * Writes JSON-like values (Map with String keys, Collection, String, Number, Boolean, null) as pretty
 * printed JSON with two-space indentation, {@code \n} line ends and one array element per line, so golden
 * files diff line by line. Numbers are written in plain notation without trailing zeros (0.25, 1024);
 * maps keep their iteration order. Anything else is written as its {@code toString()} string.
 */
public final class JsonText {

    private JsonText() {
    }

    public static String write(Object value) {
        StringBuilder sb = new StringBuilder(4096);
        write(sb, value, 0);
        sb.append('\n');
        return sb.toString();
    }

    /**
     * Writes an object as {@link #write(Object)} would, as UTF-8 to {@code out}, member by member: a member already
     * {@link #rendered} goes out as it is, without being copied into the document first, so a document of many
     * megabytes never exists as one string.
     */
    public static void write(Map<?, ?> object, OutputStream out) throws IOException {
        if (object.isEmpty()) {
            out.write("{}\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("{\n");
        int i = 0;
        for (Map.Entry<?, ?> e : object.entrySet()) {
            pad(sb, 1);
            string(sb, String.valueOf(e.getKey()));
            sb.append(": ");
            if (e.getValue() instanceof Rendered r) {
                flush(sb, out);
                utf8(r.text(), out);
            } else {
                write(sb, e.getValue(), 1);
            }
            if (++i < object.size()) {
                sb.append(',');
            }
            sb.append('\n');
            if (sb.length() >= FLUSH_CHARS) {
                flush(sb, out);
            }
        }
        sb.append("}\n");
        flush(sb, out);
    }

    /** Text buffered before it is written out while streaming. */
    private static final int FLUSH_CHARS = 1 << 20;

    private static void flush(StringBuilder sb, OutputStream out) throws IOException {
        if (sb.length() > 0) {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            sb.setLength(0);
        }
    }

    /** A long text as UTF-8, a slice at a time (no copy of the whole text). */
    private static void utf8(String text, OutputStream out) throws IOException {
        int n = text.length();
        int from = 0;
        while (from < n) {
            int to = Math.min(n, from + FLUSH_CHARS);
            if (to < n && Character.isHighSurrogate(text.charAt(to - 1))) {
                to--; // never split a surrogate pair between two slices
            }
            out.write(text.substring(from, to).getBytes(StandardCharsets.UTF_8));
            from = to;
        }
    }

    /**
     * A value already written as JSON text for the depth it is placed at ({@link #rendered}); written as it is, so
     * that a large part of a document can be rendered ahead, on another thread, and put in its place later.
     */
    public record Rendered(String text) {
    }

    /** {@code value} written as it appears at nesting depth {@code depth} (1 for a member of the top-level object). */
    public static Rendered rendered(Object value, int depth) {
        StringBuilder sb = new StringBuilder(4096);
        write(sb, value, depth);
        return new Rendered(sb.toString());
    }

    private static void write(StringBuilder sb, Object v, int indent) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Rendered r) {
            sb.append(r.text());
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                pad(sb, indent + 1);
                string(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                write(sb, e.getValue(), indent + 1);
                if (++i < m.size()) {
                    sb.append(',');
                }
                sb.append('\n');
            }
            pad(sb, indent);
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            if (c.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append("[\n");
            if (c.size() >= PARALLEL_ELEMENTS && c instanceof java.util.List<?> list && c instanceof java.util.RandomAccess
                    && !(Thread.currentThread() instanceof java.util.concurrent.ForkJoinWorkerThread)) {
                elementsInParallel(sb, list, indent);
                pad(sb, indent);
                sb.append(']');
                return;
            }
            int i = 0;
            for (Object o : c) {
                pad(sb, indent + 1);
                write(sb, o, indent + 1);
                if (++i < c.size()) {
                    sb.append(',');
                }
                sb.append('\n');
            }
            pad(sb, indent);
            sb.append(']');
        } else if (v instanceof Boolean b) {
            sb.append(b.booleanValue());
        } else if (v instanceof Number n) {
            sb.append(number(n));
        } else {
            string(sb, v.toString());
        }
    }

    /** Lists at least this long (a plan's resources and cost lines) are written by two threads. */
    private static final int PARALLEL_ELEMENTS = 4096;

    /**
     * Writes the elements of a long list as {@link #write(StringBuilder, Object, int)} would, the second half
     * on the common fork-join pool into its own buffer; the text is the same, element for element.
     */
    private static void elementsInParallel(StringBuilder sb, java.util.List<?> list, int indent) {
        int n = list.size();
        int half = n / 2;
        java.util.concurrent.CompletableFuture<StringBuilder> second = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            StringBuilder b = new StringBuilder(1 << 16);
            elements(b, list, half, n, n, indent);
            return b;
        });
        elements(sb, list, 0, half, n, indent);
        try {
            sb.append(second.join());
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private static void elements(StringBuilder sb, java.util.List<?> list, int from, int to, int size, int indent) {
        for (int i = from; i < to; i++) {
            pad(sb, indent + 1);
            write(sb, list.get(i), indent + 1);
            if (i + 1 < size) {
                sb.append(',');
            }
            sb.append('\n');
        }
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

    /** Indentation strings for the usual depths, so a line's padding is one append. */
    private static final String[] PADS = new String[32];

    static {
        for (int i = 0; i < PADS.length; i++) {
            PADS[i] = "  ".repeat(i);
        }
    }

    private static void pad(StringBuilder sb, int indent) {
        if (indent < PADS.length) {
            sb.append(PADS[indent]);
            return;
        }
        for (int i = 0; i < indent; i++) {
            sb.append("  ");
        }
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029';
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        int n = s.length();
        int start = 0;
        while (start < n && !needsEscape(s.charAt(start))) {
            start++;
        }
        if (start == n) {
            sb.append(s).append('"');
            return;
        }
        sb.append(s, 0, start);
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
