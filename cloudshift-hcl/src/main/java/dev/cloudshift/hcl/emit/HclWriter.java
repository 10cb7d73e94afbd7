package dev.cloudshift.hcl.emit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the document model in the canonical layout of {@code terraform fmt} (hclwrite's format rules): two spaces
 * per nesting level; the {@code =} of consecutive one-line attributes aligned one space after the longest name (a
 * blank line, a comment, a block or a multi-line value ends such a group, exactly as hclwrite's assignment chains
 * do); one space inside {@code { }} of one-line objects, none inside {@code [ ]} and {@code ( )}; a space after
 * every comma; {@code {}} for an empty body. On top of fmt the writer fixes what fmt leaves to the author: one
 * blank line between blocks and around a nested block, a blank line after a heredoc attribute (so that its group
 * is the same for every hclwrite version), multi-line objects without commas, multi-line tuples with one item and
 * a trailing comma per line, and a trailing newline. Items are written in the order given; callers put
 * attributes before nested blocks.
 */
public final class HclWriter {

    /** A one-line tuple longer than this is written one item per line. */
    static final int MAX_INLINE_LIST = 100;

    private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "for", "in", "if", "endif", "endfor", "else");

    private HclWriter() {
    }

    /** The file as canonical text; an empty file is the empty string. */
    public static String write(HclFile file) {
        StringBuilder out = new StringBuilder();
        write(file, out);
        return out.toString();
    }

    /**
     * Appends the file's canonical text to {@code out} (a caller writing several files can reuse one builder instead of
     * growing a new one from empty for each).
     */
    public static void write(HclFile file, StringBuilder out) {
        body(out, file.items(), 0);
    }

    /** One expression as written at the given nesting level (continuation lines are indented). */
    public static String expression(HclExpr e, int level) {
        return expr(e, level);
    }

    // ---- bodies ----

    private static void body(StringBuilder out, List<HclItem> items, int level) {
        List<HclItem> cleaned = normalise(items);
        // each attribute's value is rendered once: whether it spans lines (its group) does not depend on the level
        String[] text = new String[cleaned.size()];
        int i = 0;
        HclItem previous = null;
        while (i < cleaned.size()) {
            HclItem item = cleaned.get(i);
            if (previous != null && needsBlankBefore(previous, item)) {
                out.append('\n');
            }
            if (item instanceof HclItem.Attribute a && groupable(a, text, i, level)) {
                int end = i;
                int width = 0;
                while (end < cleaned.size() && cleaned.get(end) instanceof HclItem.Attribute g && groupable(g, text, end, level)) {
                    width = Math.max(width, name(g.name()).length());
                    end++;
                    if (g.value() instanceof HclExpr.Heredoc) {
                        break;
                    }
                }
                for (int k = i; k < end; k++) {
                    HclItem.Attribute g = (HclItem.Attribute) cleaned.get(k);
                    String n = name(g.name());
                    indent(out, level).append(n);
                    for (int pad = n.length(); pad < width; pad++) {
                        out.append(' ');
                    }
                    out.append(" = ");
                    value(out, g.value(), text, k, level);
                    out.append('\n');
                }
                previous = cleaned.get(end - 1);
                i = end;
                continue;
            }
            if (item instanceof HclItem.Attribute a) {
                indent(out, level).append(name(a.name())).append(" = ");
                value(out, a.value(), text, i, level);
                out.append('\n');
            } else if (item instanceof HclItem.Block b) {
                block(out, b, level);
            } else if (item instanceof HclItem.Comment c) {
                for (String line : c.lines()) {
                    indent(out, level);
                    if (line.isEmpty()) {
                        out.append('#');
                    } else {
                        out.append("# ").append(line);
                    }
                    out.append('\n');
                }
            } else {
                out.append('\n');
            }
            previous = item;
            i++;
        }
    }

    /** Drops leading, trailing and repeated blank lines. */
    private static List<HclItem> normalise(List<HclItem> items) {
        if (isNormal(items)) {
            return items;
        }
        List<HclItem> out = new ArrayList<>();
        for (HclItem item : items) {
            if (item instanceof HclItem.BlankLine && (out.isEmpty() || out.get(out.size() - 1) instanceof HclItem.BlankLine)) {
                continue;
            }
            out.add(item);
        }
        while (!out.isEmpty() && out.get(out.size() - 1) instanceof HclItem.BlankLine) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** Whether {@link #normalise} would keep the items as they are: no leading, trailing or repeated blank line. */
    private static boolean isNormal(List<HclItem> items) {
        boolean previousBlank = true; // a blank line first is dropped
        for (int i = 0; i < items.size(); i++) {
            boolean blank = items.get(i) instanceof HclItem.BlankLine;
            if (blank && previousBlank) {
                return false;
            }
            previousBlank = blank;
        }
        return !previousBlank || items.isEmpty();
    }

    /** Whether {@link #normalise} leaves nothing of these items. */
    private static boolean onlyBlankLines(List<HclItem> items) {
        for (HclItem item : items) {
            if (!(item instanceof HclItem.BlankLine)) {
                return false;
            }
        }
        return true;
    }

    private static boolean needsBlankBefore(HclItem previous, HclItem item) {
        if (previous instanceof HclItem.BlankLine || item instanceof HclItem.BlankLine) {
            return false;
        }
        if (item instanceof HclItem.Block) {
            return !(previous instanceof HclItem.Comment);
        }
        if (previous instanceof HclItem.Block) {
            return true;
        }
        return previous instanceof HclItem.Attribute a && a.value() instanceof HclExpr.Heredoc;
    }

    /** A one-line value (or a heredoc) joins the aligned group of its neighbours. */
    private static boolean groupable(HclItem.Attribute a, String[] text, int at, int level) {
        return groupable(a.value(), text, at, level);
    }

    private static boolean groupable(HclExpr value, String[] text, int at, int level) {
        return value instanceof HclExpr.Heredoc || value instanceof HclExpr.Literal || value instanceof HclExpr.Reference
                || !multiLineObject(value) && rendered(value, text, at, level).indexOf('\n') < 0;
    }

    /** The attribute's value as written at this level, rendered on first use and kept in {@code text[at]}. */
    private static String rendered(HclItem.Attribute a, String[] text, int at, int level) {
        return rendered(a.value(), text, at, level);
    }

    private static String rendered(HclExpr value, String[] text, int at, int level) {
        String s = text[at];
        if (s == null) {
            s = expr(value, level);
            text[at] = s;
        }
        return s;
    }

    /**
     * A non-empty object that is not asked for on one line: it always spans lines, so it is written straight into the
     * output instead of being rendered into a string of its own first (tfvars maps hold thousands of entries).
     */
    private static boolean multiLineObject(HclExpr e) {
        return e instanceof HclExpr.ObjectOf o && !o.inline() && !o.entries().isEmpty();
    }

    /**
     * Appends an attribute's value: literals, references (never more than one line) and multi-line objects straight
     * into the output, anything else as rendered for its group.
     */
    private static void value(StringBuilder out, HclExpr value, String[] text, int at, int level) {
        if (text[at] != null) {
            out.append(text[at]);
        } else if (value instanceof HclExpr.Literal l) {
            literal(out, l.value());
        } else if (value instanceof HclExpr.Reference r) {
            reference(out, r);
        } else if (multiLineObject(value)) {
            objectLines(out, (HclExpr.ObjectOf) value, level);
        } else {
            out.append(rendered(value, text, at, level));
        }
    }

    private static void block(StringBuilder out, HclItem.Block b, int level) {
        indent(out, level).append(name(b.type()));
        for (String label : b.labels()) {
            out.append(' ').append(label(label));
        }
        if (onlyBlankLines(b.body())) {
            out.append(" {}\n");
            return;
        }
        out.append(" {\n");
        body(out, b.body(), level + 1);
        indent(out, level).append("}\n");
    }

    // ---- expressions ----

    private static String expr(HclExpr e, int level) {
        if (e instanceof HclExpr.Literal l) {
            return literal(l.value());
        }
        if (e instanceof HclExpr.Reference r) {
            StringBuilder sb = new StringBuilder();
            reference(sb, r);
            return sb.toString();
        }
        if (e instanceof HclExpr.Template t) {
            StringBuilder sb = new StringBuilder("\"");
            for (Object p : t.parts()) {
                if (p instanceof String s) {
                    escapeTemplate(sb, s);
                } else {
                    sb.append("${").append(oneLine((HclExpr) p)).append('}');
                }
            }
            return sb.append('"').toString();
        }
        if (e instanceof HclExpr.ListOf l) {
            return list(l, level);
        }
        if (e instanceof HclExpr.ObjectOf o) {
            return object(o, level);
        }
        if (e instanceof HclExpr.Call c) {
            return call(c, level);
        }
        if (e instanceof HclExpr.Heredoc h) {
            return heredoc(h.text(), level);
        }
        return ((HclExpr.Raw) e).text();
    }

    /** A reference: its root, {@code .name} and {@code [key]} steps (a key is one line). */
    private static void reference(StringBuilder out, HclExpr.Reference r) {
        out.append(name(r.root()));
        for (HclExpr.Step s : r.steps()) {
            if (s instanceof HclExpr.AttrStep a) {
                out.append('.').append(name(a.name()));
            } else {
                out.append('[').append(oneLine(((HclExpr.IndexStep) s).key())).append(']');
            }
        }
    }

    private static String oneLine(HclExpr e) {
        String s = expr(e, 0);
        if (s.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("expected a one-line expression inside a reference index or template");
        }
        return s;
    }

    private static String list(HclExpr.ListOf l, int level) {
        if (l.items().isEmpty()) {
            return "[]";
        }
        boolean inline = true;
        List<String> parts = new ArrayList<>();
        for (HclExpr item : l.items()) {
            if (item instanceof HclExpr.ObjectOf || item instanceof HclExpr.ListOf || item instanceof HclExpr.Heredoc) {
                inline = false;
                break;
            }
            String s = expr(item, level + 1);
            if (s.indexOf('\n') >= 0) {
                inline = false;
                break;
            }
            parts.add(s);
        }
        if (inline) {
            String joined = "[" + String.join(", ", parts) + "]";
            if (joined.length() <= MAX_INLINE_LIST) {
                return joined;
            }
        }
        StringBuilder sb = new StringBuilder("[\n");
        for (HclExpr item : l.items()) {
            indent(sb, level + 1).append(expr(item, level + 1)).append(",\n");
        }
        return indent(sb, level).append(']').toString();
    }

    private static String object(HclExpr.ObjectOf o, int level) {
        if (o.entries().isEmpty()) {
            return "{}";
        }
        if (o.inline()) {
            List<String> parts = new ArrayList<>();
            boolean ok = true;
            for (Map.Entry<String, HclExpr> en : o.entries().entrySet()) {
                String v = expr(en.getValue(), level);
                if (v.indexOf('\n') >= 0 || en.getValue() instanceof HclExpr.Heredoc) {
                    ok = false;
                    break;
                }
                parts.add(key(en.getKey()) + " = " + v);
            }
            if (ok) {
                return "{ " + String.join(", ", parts) + " }";
            }
        }
        StringBuilder sb = new StringBuilder();
        objectLines(sb, o, level);
        return sb.toString();
    }

    /** A non-empty object one entry per line: {@code {}, the entries one level deeper, {@code }} at this level. */
    private static void objectLines(StringBuilder out, HclExpr.ObjectOf o, int level) {
        int n = o.entries().size();
        String[] keys = new String[n];
        HclExpr[] values = new HclExpr[n];
        int[] k = {0};
        // forEach reaches the entries without the read-only view's wrapper per entry
        o.entries().forEach((key, value) -> {
            keys[k[0]] = key;
            values[k[0]++] = value;
        });
        out.append("{\n");
        objectBody(out, keys, values, level + 1);
        indent(out, level).append('}');
    }

    /** Object items: grouped and aligned like attributes; keys that are not identifiers are quoted. */
    private static void objectBody(StringBuilder out, String[] keys, HclExpr[] values, int level) {
        int size = keys.length;
        String[] text = new String[size];
        int i = 0;
        while (i < size) {
            if (groupable(values[i], text, i, level)) {
                int end = i;
                int width = 0;
                while (end < size && groupable(values[end], text, end, level)) {
                    width = Math.max(width, key(keys[end]).length());
                    end++;
                    if (values[end - 1] instanceof HclExpr.Heredoc) {
                        break;
                    }
                }
                for (int k = i; k < end; k++) {
                    String n = key(keys[k]);
                    indent(out, level).append(n);
                    for (int pad = n.length(); pad < width; pad++) {
                        out.append(' ');
                    }
                    out.append(" = ");
                    value(out, values[k], text, k, level);
                    out.append('\n');
                }
                if (end < size && values[end - 1] instanceof HclExpr.Heredoc) {
                    out.append('\n');
                }
                i = end;
            } else {
                indent(out, level).append(key(keys[i])).append(" = ");
                value(out, values[i], text, i, level);
                out.append('\n');
                i++;
            }
        }
    }

    private static String call(HclExpr.Call c, int level) {
        List<String> args = new ArrayList<>();
        int multi = 0;
        for (HclExpr a : c.args()) {
            String s = expr(a, level);
            if (s.indexOf('\n') >= 0) {
                multi++;
                if (a != c.args().get(c.args().size() - 1) || a instanceof HclExpr.Heredoc) {
                    throw new IllegalArgumentException("only the last argument of " + c.name() + "() may span lines");
                }
            }
            args.add(s);
        }
        return name(c.name()) + "(" + String.join(", ", args) + ")";
    }

    private static String heredoc(String text, int level) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        String[] lines = body.split("\n", -1);
        String marker = "EOT";
        for (int n = 1; containsLine(lines, marker); n++) {
            marker = "EOT" + n;
        }
        StringBuilder sb = new StringBuilder("<<-").append(marker).append('\n');
        for (String line : lines) {
            if (!line.isBlank()) {
                indent(sb, level + 1).append(line.replace("${", "$${").replace("%{", "%%{"));
            }
            sb.append('\n');
        }
        return indent(sb, level).append(marker).toString();
    }

    private static boolean containsLine(String[] lines, String marker) {
        for (String l : lines) {
            if (l.trim().equals(marker)) {
                return true;
            }
        }
        return false;
    }

    // ---- tokens ----

    static String literal(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        if (v instanceof Number n) {
            return number(n);
        }
        StringBuilder sb = new StringBuilder(((String) v).length() + 2);
        literal(sb, v);
        return sb.toString();
    }

    /** Appends {@link #literal(Object)} of a value. */
    private static void literal(StringBuilder out, Object v) {
        if (v == null || v instanceof Boolean || v instanceof Number) {
            out.append(literal(v));
            return;
        }
        out.append('"');
        escapeTemplate(out, (String) v);
        out.append('"');
    }

    static String number(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte || n instanceof BigInteger) {
            return n.toString();
        }
        BigDecimal d = n instanceof BigDecimal bd ? bd : new BigDecimal(n.toString());
        if (d.signum() == 0) {
            return "0";
        }
        d = d.stripTrailingZeros();
        return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
    }

    /** Escapes literal text for a quoted template: quotes, backslashes, control characters, ${ and %{. */
    static String escapeTemplate(String s) {
        if (!needsEscape(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        escape(sb, s);
        return sb.toString();
    }

    /** Appends {@link #escapeTemplate(String)} of the text. */
    private static void escapeTemplate(StringBuilder sb, String s) {
        if (needsEscape(s)) {
            escape(sb, s);
        } else {
            sb.append(s);
        }
    }

    private static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '$', '%' -> {
                    sb.append(c);
                    if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
                        sb.append(c);
                    }
                }
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }

    /** True when {@link #escapeTemplate} would change the text (most literals need no escaping at all). */
    private static boolean needsEscape(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '"' || c == '\\'
                    || (c == '$' || c == '%') && i + 1 < n && s.charAt(i + 1) == '{') {
                return true;
            }
        }
        return false;
    }

    /** {@code [A-Za-z_][A-Za-z0-9_]*}, plus {@code -} after the first character when {@code dash}; no regex per call. */
    static boolean isName(String s, boolean dash) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        char first = s.charAt(0);
        if (!(first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z' || first == '_')) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || dash && c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static String label(String s) {
        if (s.contains("${") || s.contains("%{")) {
            throw new IllegalArgumentException("a block label holds no template sequence");
        }
        return "\"" + escapeTemplate(s) + "\"";
    }

    private static String key(String k) {
        return isName(k, false) && !KEYWORDS.contains(k) ? k : "\"" + escapeTemplate(k) + "\"";
    }

    private static String name(String n) {
        if (!isName(n, true)) {
            throw new IllegalArgumentException("expected an HCL identifier, got '" + n + "'");
        }
        return n;
    }

    private static StringBuilder indent(StringBuilder sb, int level) {
        for (int i = 0; i < level; i++) {
            sb.append("  ");
        }
        return sb;
    }
}
