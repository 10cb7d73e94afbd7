package dev.cloudshift.core.ingest.dotenv;

import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.model.SourcePosition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Parses dotenv text the way docker compose (compose-go) and python-dotenv read it:
 * <ul>
 *   <li>blank lines and {@code # comment} lines; an optional {@code export } prefix;</li>
 *   <li>{@code KEY=value} with spaces allowed around {@code =}; keys {@code [A-Za-z_][A-Za-z0-9_.-]*};</li>
 *   <li>unquoted values are trimmed and end at an inline comment (whitespace then {@code #});</li>
 *   <li>single-quoted values are literal; double-quoted values understand {@code \n \r \t \\ \" \' \$};
 *       both may span several lines; text after the closing quote may only be a comment;</li>
 *   <li>{@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}} and friends expand in unquoted and
 *       double-quoted values, from variables defined earlier in the file and then from {@code inherited};</li>
 *   <li>{@code KEY=} is an empty value; a bare {@code KEY} line declares the key without a value.</li>
 * </ul>
 * A malformed line gives a {@link Diagnostic} {@code file:line:column: expected ...} (never containing a value)
 * and parsing goes on with the next line.
 */
public final class DotenvParser {

    private static final VariableInterpolator INTERPOLATOR = new VariableInterpolator(false);

    private final String file;
    private final String text;
    private final Map<String, String> inherited;
    private final Map<String, String> defined = new LinkedHashMap<>();
    private final List<DotenvVariable> variables = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private int i;
    private int line = 1;
    private int col = 1;

    private DotenvParser(String file, String text, Map<String, String> inherited) {
        this.file = file;
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        this.inherited = inherited == null ? Map.of() : inherited;
    }

    /** Parses {@code text}, naming {@code file} in positions. */
    public static DotenvDocument parse(String file, String text) {
        return parse(file, text, Map.of());
    }

    /** Parses {@code text}; {@code inherited} supplies variables for expansion that the file does not define. */
    public static DotenvDocument parse(String file, String text, Map<String, String> inherited) {
        DotenvParser p = new DotenvParser(file, text, inherited);
        p.run();
        return new DotenvDocument(file, p.variables, p.diagnostics);
    }

    private boolean eof() {
        return i >= text.length();
    }

    private char peek() {
        return text.charAt(i);
    }

    private char next() {
        char c = text.charAt(i++);
        if (c == '\n') {
            line++;
            col = 1;
        } else if (c == '\r') {
            if (i < text.length() && text.charAt(i) == '\n') {
                i++;
            }
            line++;
            col = 1;
        } else {
            col++;
        }
        return c;
    }

    private boolean atEol() {
        return eof() || peek() == '\n' || peek() == '\r';
    }

    private void skipToEol() {
        while (!atEol()) {
            next();
        }
    }

    private void skipInlineSpace() {
        while (!eof() && (peek() == ' ' || peek() == '\t')) {
            next();
        }
    }

    private void problem(int l, int c, String message) {
        diagnostics.add(new Diagnostic(file, l, c, message));
    }

    private void run() {
        while (!eof()) {
            char c = peek();
            if (c == '\n' || c == '\r' || c == ' ' || c == '\t' || c == '\f') {
                next();
                continue;
            }
            if (c == '#') {
                skipToEol();
                continue;
            }
            entry();
        }
    }

    private void entry() {
        int startLine = line;
        int startCol = col;
        if (text.startsWith("export", i) && i + 6 < text.length() && (text.charAt(i + 6) == ' ' || text.charAt(i + 6) == '\t')) {
            for (int k = 0; k < 6; k++) {
                next();
            }
            skipInlineSpace();
            startLine = line;
            startCol = col;
        }
        int keyStart = i;
        while (!atEol() && peek() != '=' && peek() != ' ' && peek() != '\t' && peek() != '#') {
            next();
        }
        String key = text.substring(keyStart, i);
        skipInlineSpace();
        if (!validKey(key)) {
            problem(startLine, startCol, key.isEmpty()
                    ? "expected a variable name before '='"
                    : "expected KEY=VALUE with a name of letters, digits, '_', '.' or '-' (not starting with a digit)");
            skipToEol();
            return;
        }
        if (atEol() || peek() == '#') {
            variables.add(new DotenvVariable(key, null, new SourcePosition(file, startLine, startCol)));
            skipToEol();
            return;
        }
        if (peek() != '=') {
            problem(line, col, "expected '=' after " + key);
            skipToEol();
            return;
        }
        next();
        skipInlineSpace();
        String value;
        if (!eof() && peek() == '\'') {
            value = singleQuoted(key);
        } else if (!eof() && peek() == '"') {
            value = doubleQuoted(key);
        } else {
            value = unquoted(key);
        }
        if (value != null) {
            defined.put(key, value);
            variables.add(new DotenvVariable(key, value, new SourcePosition(file, startLine, startCol)));
        }
    }

    private static boolean validKey(String key) {
        if (key.isEmpty()) {
            return false;
        }
        char f = key.charAt(0);
        if (!(Character.isLetter(f) || f == '_')) {
            return false;
        }
        for (int k = 1; k < key.length(); k++) {
            char c = key.charAt(k);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private String singleQuoted(String key) {
        int ql = line;
        int qc = col;
        int qi = i;
        next();
        StringBuilder b = new StringBuilder();
        while (!eof() && peek() != '\'') {
            char c = peek();
            if (c == '\r') {
                next();
                b.append('\n');
            } else {
                b.append(next());
            }
        }
        if (eof()) {
            problem(ql, qc, "expected a closing ' for the value of " + key + " opened here; the lines after it are read as new entries");
            rewind(qi, ql, qc);
            return null;
        }
        next();
        afterQuote(key);
        return b.toString();
    }

    private String doubleQuoted(String key) {
        int ql = line;
        int qc = col;
        int qi = i;
        next();
        // build a template in which an escaped '$' is protected from expansion, then expand
        StringBuilder template = new StringBuilder();
        while (!eof() && peek() != '"') {
            char c = next();
            if (c == '\r') {
                template.append('\n');
            } else if (c == '\\' && !eof()) {
                char e = next();
                switch (e) {
                    case 'n' -> template.append('\n');
                    case 'r' -> template.append('\r');
                    case 't' -> template.append('\t');
                    case '\\' -> template.append('\\');
                    case '"' -> template.append('"');
                    case '\'' -> template.append('\'');
                    case '$' -> template.append('\u0000');
                    default -> template.append('\\').append(e);
                }
            } else {
                template.append(c);
            }
        }
        if (eof()) {
            problem(ql, qc, "expected a closing \" for the value of " + key + " opened here; the lines after it are read as new entries");
            rewind(qi, ql, qc);
            return null;
        }
        next();
        afterQuote(key);
        return expand(template.toString(), ql, qc).replace('\u0000', '$');
    }

    /** Goes back to an unterminated quote and skips the rest of its line, so the following lines are not lost. */
    private void rewind(int index, int l, int c) {
        i = index;
        line = l;
        col = c;
        skipToEol();
    }

    private void afterQuote(String key) {
        skipInlineSpace();
        if (!atEol() && peek() != '#') {
            problem(line, col, "expected end of line or a # comment after the quoted value of " + key);
        }
        skipToEol();
    }

    private String unquoted(String key) {
        int vl = line;
        int vc = col;
        int start = i;
        while (!atEol()) {
            char c = peek();
            if (c == '#' && i > start && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
                break;
            }
            next();
        }
        String raw = text.substring(start, i).strip();
        skipToEol();
        return expand(raw, vl, vc);
    }

    private String expand(String raw, int l, int c) {
        Function<String, VariableInterpolator.Value> lookup = name -> {
            String v = defined.containsKey(name) ? defined.get(name) : inherited.get(name);
            return v == null ? null : new VariableInterpolator.Value(v, "<redacted>");
        };
        VariableInterpolator.Result r = INTERPOLATOR.interpolate(raw, lookup);
        for (String p : r.problems()) {
            problem(l, c, p);
        }
        return r.value();
    }
}
