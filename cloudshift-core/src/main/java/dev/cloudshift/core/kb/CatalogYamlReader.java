package dev.cloudshift.core.kb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the YAML subset the catalog files are written in: block mappings and sequences, one-line flow
 * sequences and mappings, plain, single- and double-quoted scalars, and comments. It exists for speed:
 * the catalog is read at every start of the CLI, and a general YAML parser needs several times longer in a
 * fresh JVM. Anything outside the subset (anchors, tags, block scalars, multi-line scalars, multiple
 * documents) is rejected with {@code file:line}, never guessed. Scalars resolve like YAML 1.1 as used by
 * Jackson/SnakeYAML (null, true/false/yes/no/on/off, decimal integers and floats); a test checks that every
 * shipped catalog file reads to the same tree with both readers.
 */
final class CatalogYamlReader {

    private static final Pattern INT = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
    private static final Pattern FLOAT = Pattern.compile("[-+]?([0-9]+)?\\.[0-9]+([eE][-+][0-9]+)?|[-+]?[0-9]+\\.([eE][-+][0-9]+)?");
    private static final Pattern OTHER_NUMBER = Pattern.compile("[-+]?(0[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+|[0-9][0-9_]*(:[0-5]?[0-9])+|[0-9_]*\\.?[0-9_]+([eE][-+]?[0-9]+)?|\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))");

    private record Line(int number, int indent, String text) {
    }

    private final String file;
    private final List<Line> lines;
    private int pos;

    private CatalogYamlReader(String file, List<Line> lines) {
        this.file = file;
        this.lines = lines;
    }

    /** Reads one document; an empty document is an empty map. */
    static CatalogNode read(String file, String text) {
        CatalogYamlReader r = new CatalogYamlReader(file, split(file, text));
        if (r.lines.isEmpty()) {
            return CatalogNode.of(file, 1, Collections.unmodifiableMap(new LinkedHashMap<>()));
        }
        Line first = r.lines.get(0);
        if (first.indent() != 0) {
            throw r.error(first, "the document must start at column 1");
        }
        CatalogNode root = r.block(0);
        if (r.pos < r.lines.size()) {
            throw r.error(r.lines.get(r.pos), "unexpected indentation or content after the document");
        }
        return root;
    }

    // ------------------------------------------------------------------ lines

    private static List<Line> split(String file, String text) {
        List<Line> out = new ArrayList<>();
        List<String> raw = text.lines().toList();
        for (int i = 0; i < raw.size(); i++) {
            String s = raw.get(i);
            if (s.indexOf('\t') >= 0 && s.substring(0, indentOf(s)).indexOf('\t') >= 0) {
                throw new CatalogException(file + ":" + (i + 1) + ": tab in indentation; indent with spaces");
            }
            String content = stripComment(s, file, i + 1).stripTrailing();
            int indent = indentOf(content);
            String body = content.substring(indent);
            if (body.isEmpty()) {
                continue;
            }
            if (body.equals("---") && out.isEmpty()) {
                continue;
            }
            if (body.startsWith("---") || body.startsWith("...")) {
                throw new CatalogException(file + ":" + (i + 1) + ": only one YAML document per catalog file");
            }
            out.add(new Line(i + 1, indent, body));
        }
        return out;
    }

    private static int indentOf(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** The line without a comment: {@code #} at the start or after a blank, outside quotes. */
    private static String stripComment(String s, String file, int line) {
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (quote == '"' && c == '\\') {
                    i++;
                } else if (c == quote) {
                    if (quote == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                        i++;
                    } else {
                        quote = 0;
                    }
                }
            } else if ((c == '"' || c == '\'') && startsScalar(s, i)) {
                quote = c;
            } else if (c == '#' && (i == 0 || s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t')) {
                return s.substring(0, i);
            }
        }
        return s;
    }

    /** A quote opens a quoted scalar only where a scalar can start (not inside a plain scalar like it's). */
    private static boolean startsScalar(String s, int i) {
        int j = i - 1;
        while (j >= 0 && s.charAt(j) == ' ') {
            j--;
        }
        if (j < 0) {
            return true;
        }
        char p = s.charAt(j);
        return p == ':' || p == '-' || p == '[' || p == '{' || p == ',' || p == '?';
    }

    // ------------------------------------------------------------------ blocks

    private CatalogNode block(int indent) {
        Line l = lines.get(pos);
        if (isSequenceItem(l.text())) {
            return sequence(l.indent());
        }
        return mapping(l.indent(), l.indent(), null);
    }

    private static boolean isSequenceItem(String text) {
        return text.equals("-") || text.startsWith("- ");
    }

    /**
     * A block mapping whose keys sit at {@code indent}. {@code firstOverride} replaces the text of the first
     * line (used for a mapping that starts on a sequence item's line: {@code - key: value}).
     */
    private CatalogNode mapping(int indent, int startLineIndent, String firstOverride) {
        Map<String, CatalogNode> map = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        int startLine = lines.get(pos).number();
        boolean first = true;
        while (pos < lines.size()) {
            Line l = lines.get(pos);
            String text = first && firstOverride != null ? firstOverride : l.text();
            int lineIndent = first && firstOverride != null ? indent : l.indent();
            if (lineIndent < indent) {
                break;
            }
            if (lineIndent > indent) {
                throw error(l, "unexpected indentation (expected a key at column " + (indent + 1) + ")");
            }
            if (isSequenceItem(text)) {
                if (first) {
                    throw error(l, "expected a key: value entry");
                }
                break;
            }
            first = false;
            int colon = keyColon(text);
            if (colon < 0) {
                throw error(l, "expected 'key: value' (a plain scalar cannot continue on a new line; quote long text)");
            }
            String keyText = text.substring(0, colon).strip();
            if (keyText.startsWith("? ") || keyText.equals("?") || keyText.startsWith("&") || keyText.startsWith("*")
                    || keyText.startsWith("!")) {
                throw error(l, "unsupported YAML key form '" + keyText + "'");
            }
            String key = keyText.startsWith("\"") || keyText.startsWith("'")
                    ? quoted(l, keyText, 0).text() : keyText;
            String rest = text.substring(colon + 1).strip();
            pos++;
            CatalogNode value;
            if (rest.isEmpty()) {
                if (pos < lines.size() && lines.get(pos).indent() > indent) {
                    value = block(lines.get(pos).indent());
                } else if (pos < lines.size() && lines.get(pos).indent() == indent && isSequenceItem(lines.get(pos).text())) {
                    value = sequence(indent);
                } else {
                    value = CatalogNode.of(file, l.number(), null);
                }
            } else {
                value = inline(l, rest);
            }
            Integer previous = keyLines.put(key, l.number());
            if (previous != null) {
                throw new CatalogException(file + ":" + l.number() + ": duplicate key '" + key
                        + "' (first written at line " + previous + "); keep one of them");
            }
            map.put(key, value.withLine(l.number()));
        }
        return CatalogNode.of(file, startLine, Collections.unmodifiableMap(map));
    }

    private CatalogNode sequence(int indent) {
        List<CatalogNode> items = new ArrayList<>();
        int startLine = lines.get(pos).number();
        while (pos < lines.size()) {
            Line l = lines.get(pos);
            if (l.indent() < indent || (l.indent() == indent && !isSequenceItem(l.text()))) {
                break;
            }
            if (l.indent() > indent) {
                throw error(l, "unexpected indentation in a list");
            }
            String rest = l.text().substring(1).strip();
            if (rest.isEmpty()) {
                pos++;
                if (pos < lines.size() && lines.get(pos).indent() > indent) {
                    items.add(block(lines.get(pos).indent()).withLine(l.number()));
                } else {
                    items.add(CatalogNode.of(file, l.number(), null));
                }
                continue;
            }
            if (!rest.startsWith("[") && !rest.startsWith("{") && !rest.startsWith("\"") && !rest.startsWith("'")
                    && keyColon(rest) >= 0) {
                // "- key: value" starts a mapping whose keys sit where the first key is written
                int column = l.indent() + l.text().indexOf(rest);
                items.add(mapping(column, l.indent(), rest).withLine(l.number()));
                continue;
            }
            if (isSequenceItem(rest)) {
                throw error(l, "nested '- - ' lists are not supported; use a flow list [a, b]");
            }
            pos++;
            items.add(inline(l, rest));
        }
        return CatalogNode.of(file, startLine, Collections.unmodifiableList(items));
    }

    /** Index of the ':' that ends a key (followed by a blank or the end), outside quotes and brackets; -1 if none. */
    private static int keyColon(String text) {
        char quote = 0;
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (quote == '"' && c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if ((c == '"' || c == '\'') && startsScalar(text, i)) {
                quote = c;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            } else if (c == ':' && depth == 0 && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ inline values

    private CatalogNode inline(Line l, String text) {
        char c = text.charAt(0);
        if (c == '&' || c == '*' || c == '!' || c == '|' || c == '>' || c == '%' || c == '@' || c == '`') {
            throw error(l, "unsupported YAML construct starting with '" + c + "' (anchors, tags and block scalars are not used in catalogs)");
        }
        if (c == '[' || c == '{') {
            Flow f = new Flow(l, text);
            CatalogNode n = f.value();
            f.skipBlanks();
            if (f.i != text.length()) {
                throw error(l, "unexpected text after the closing bracket: '" + text.substring(f.i) + "'");
            }
            return n;
        }
        if (c == '"' || c == '\'') {
            Quoted q = quoted(l, text, 0);
            if (q.end != text.length()) {
                throw error(l, "unexpected text after the quoted value: '" + text.substring(q.end) + "'");
            }
            return CatalogNode.of(file, l.number(), q.text());
        }
        return CatalogNode.of(file, l.number(), plain(l, text));
    }

    private record Quoted(String text, int end) {
    }

    private Quoted quoted(Line l, String s, int start) {
        char q = s.charAt(start);
        StringBuilder sb = new StringBuilder();
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (q == '\'') {
                if (c == '\'') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                        sb.append('\'');
                        i++;
                        continue;
                    }
                    return new Quoted(sb.toString(), i + 1);
                }
                sb.append(c);
                continue;
            }
            if (c == '"') {
                return new Quoted(sb.toString(), i + 1);
            }
            if (c == '\\') {
                if (i + 1 >= s.length()) {
                    break;
                }
                char e = s.charAt(++i);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '0' -> sb.append('\0');
                    case '"', '\\', '/', ' ' -> sb.append(e);
                    case 'u' -> {
                        if (i + 4 >= s.length()) {
                            throw error(l, "bad \\u escape");
                        }
                        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> throw error(l, "unsupported escape '\\" + e + "' in a double-quoted value");
                }
                continue;
            }
            sb.append(c);
        }
        throw error(l, "unclosed " + (q == '"' ? "double" : "single") + "-quoted value (quoted text must end on the same line)");
    }

    /** Resolves a plain scalar like YAML 1.1: null, booleans, decimal integers and floats, otherwise text. */
    private Object plain(Line l, String text) {
        switch (text) {
            case "~", "null", "Null", "NULL" -> {
                return null;
            }
            case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON" -> {
                return Boolean.TRUE;
            }
            case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF" -> {
                return Boolean.FALSE;
            }
            default -> {
                // fall through to numbers
            }
        }
        char c = text.charAt(0);
        if (!(c >= '0' && c <= '9') && c != '-' && c != '+' && c != '.') {
            return text; // cheap exit: most plain scalars are words, and regexes are slow in a cold JVM
        }
        if (INT.matcher(text).matches() || FLOAT.matcher(text).matches()) {
            return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
        }
        if (OTHER_NUMBER.matcher(text).matches()) {
            throw error(l, "number form '" + text + "' is not supported in catalogs; write a decimal number or quote it");
        }
        return text;
    }

    /** One-line flow collections: [a, "b", {k: v}]. */
    private final class Flow {
        private final Line line;
        private final String s;
        private int i;

        Flow(Line line, String s) {
            this.line = line;
            this.s = s;
        }

        void skipBlanks() {
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
        }

        CatalogNode value() {
            skipBlanks();
            if (i >= s.length()) {
                throw error(line, "unexpected end of line inside a flow collection (flow lists and maps must close on the same line)");
            }
            char c = s.charAt(i);
            if (c == '[') {
                i++;
                List<CatalogNode> items = new ArrayList<>();
                skipBlanks();
                if (i < s.length() && s.charAt(i) == ']') {
                    i++;
                    return CatalogNode.of(file, line.number(), Collections.unmodifiableList(items));
                }
                while (true) {
                    items.add(value());
                    skipBlanks();
                    if (i < s.length() && s.charAt(i) == ',') {
                        i++;
                        continue;
                    }
                    if (i < s.length() && s.charAt(i) == ']') {
                        i++;
                        return CatalogNode.of(file, line.number(), Collections.unmodifiableList(items));
                    }
                    throw error(line, "expected ',' or ']' in a flow list (lists must close on the same line)");
                }
            }
            if (c == '{') {
                i++;
                Map<String, CatalogNode> map = new LinkedHashMap<>();
                skipBlanks();
                if (i < s.length() && s.charAt(i) == '}') {
                    i++;
                    return CatalogNode.of(file, line.number(), Collections.unmodifiableMap(map));
                }
                while (true) {
                    skipBlanks();
                    String key = key();
                    skipBlanks();
                    if (i >= s.length() || s.charAt(i) != ':') {
                        throw error(line, "expected ':' after key '" + key + "' in a flow map");
                    }
                    i++;
                    CatalogNode v = value();
                    if (map.put(key, v) != null) {
                        throw error(line, "duplicate key '" + key + "' in a flow map");
                    }
                    skipBlanks();
                    if (i < s.length() && s.charAt(i) == ',') {
                        i++;
                        continue;
                    }
                    if (i < s.length() && s.charAt(i) == '}') {
                        i++;
                        return CatalogNode.of(file, line.number(), Collections.unmodifiableMap(map));
                    }
                    throw error(line, "expected ',' or '}' in a flow map (maps must close on the same line)");
                }
            }
            if (c == '"' || c == '\'') {
                Quoted q = quoted(line, s, i);
                i = q.end();
                return CatalogNode.of(file, line.number(), q.text());
            }
            int start = i;
            while (i < s.length() && ",]}".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            String text = s.substring(start, i).strip();
            if (text.isEmpty()) {
                throw error(line, "empty value in a flow collection");
            }
            return CatalogNode.of(file, line.number(), plain(line, text));
        }

        private String key() {
            if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
                Quoted q = quoted(line, s, i);
                i = q.end();
                return q.text();
            }
            int start = i;
            while (i < s.length() && s.charAt(i) != ':' && ",]}".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            return s.substring(start, i).strip();
        }
    }

    private CatalogException error(Line l, String message) {
        return new CatalogException(file + ":" + l.number() + ": " + message);
    }
}
