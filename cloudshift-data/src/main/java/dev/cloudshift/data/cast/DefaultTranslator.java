package dev.cloudshift.data.cast;

import dev.cloudshift.data.cast.TargetType.Kind;
import dev.cloudshift.data.rulefile.RuleFileReader;
import dev.cloudshift.data.rulefile.RuleNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Translates a column default from the source's syntax to the target's: literals by the target column's kind,
 * functions by {@code typemaps/defaults.yaml}. Returns null for no default (and says why in {@code notes}).
 */
final class DefaultTranslator {

    private static final Pattern PG_CAST = Pattern.compile("^(.*)::[a-z_ ]+(\\(\\d+(,\\s*\\d+)?\\))?(\\[\\])?$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("^[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?$");

    private record Function(Pattern match, String replacement, boolean known) {
    }

    private final String target;
    private final List<Function> functions = new ArrayList<>();
    private final String trueLiteral;
    private final String falseLiteral;

    DefaultTranslator(String target) {
        this.target = target;
        RuleNode root = RuleFileReader.readResource("/typemaps/defaults.yaml");
        List<RuleNode> bools = root.require("booleans", "defaults").require(target, "booleans").asList("booleans");
        trueLiteral = bools.get(0).asText("true literal");
        falseLiteral = bools.get(1).asText("false literal");
        for (RuleNode f : root.require("functions", "defaults").asList("functions")) {
            Map<String, RuleNode> m = f.asMap("a function default");
            RuleNode repl = m.get(target);
            functions.add(new Function(Pattern.compile("^(" + f.require("match", "a function default").asText("match")
                    + ")$", Pattern.CASE_INSENSITIVE), repl == null ? null : repl.asText(target), true));
        }
    }

    String translate(String dflt, TargetType t, List<String> notes) {
        if (dflt == null) {
            return null;
        }
        String d = dflt.trim();
        for (int guard = 0; guard < 5; guard++) {
            var m = PG_CAST.matcher(d);
            if (m.matches() && !m.group(1).isEmpty()) {
                d = m.group(1).trim();
            } else if (d.startsWith("(") && d.endsWith(")") && balanced(d.substring(1, d.length() - 1))) {
                d = d.substring(1, d.length() - 1).trim();
            } else {
                break;
            }
        }
        if (d.equalsIgnoreCase("null")) {
            return null;
        }
        if (d.length() >= 2 && d.startsWith("'") && d.endsWith("'")) {
            return literal(unquote(d.substring(1, d.length() - 1)), t, dflt, notes);
        }
        if (NUMBER.matcher(d).matches()) {
            return number(d, t, dflt, notes);
        }
        if (d.equalsIgnoreCase("true") || d.equalsIgnoreCase("false")) {
            boolean b = d.equalsIgnoreCase("true");
            return switch (t.kind()) {
                case BOOLEAN -> b ? trueLiteral : falseLiteral;
                case INTEGER, DECIMAL, FLOAT32, FLOAT64 -> b ? "1" : "0";
                default -> quote(b ? "true" : "false");
            };
        }
        if (d.matches("(?i)b'[01]+'")) {
            long bits = Long.parseLong(d.substring(2, d.length() - 1), 2);
            return t.kind() == Kind.BOOLEAN ? (bits != 0 ? trueLiteral : falseLiteral) : Long.toString(bits);
        }
        for (Function f : functions) {
            if (f.match().matcher(d).matches()) {
                if (f.replacement() == null) {
                    notes.add("default " + dflt + " has no " + target + " equivalent; dropped");
                    return null;
                }
                String fsp = t.fraction() > 0 && t.fraction() < 9 && !t.name().params().isEmpty()
                        ? "(" + t.fraction() + ")" : "";
                return f.replacement().replace("{fsp}", fsp);
            }
        }
        notes.add("default " + dflt + " is an expression this tool does not translate; dropped");
        return null;
    }

    private String literal(String text, TargetType t, String original, List<String> notes) {
        switch (t.kind()) {
            case BOOLEAN:
                try {
                    return (Boolean) Coercions.toBoolean(text) ? trueLiteral : falseLiteral;
                } catch (RejectedValueException e) {
                    notes.add("default " + original + " is not a boolean; dropped");
                    return null;
                }
            case INTEGER, DECIMAL, FLOAT32, FLOAT64:
                if (NUMBER.matcher(text.trim()).matches()) {
                    return number(text.trim(), t, original, notes);
                }
                notes.add("default " + original + " is not a number; dropped");
                return null;
            case DATE, TIMESTAMP, TIMESTAMPTZ:
                if (text.startsWith("0000-00-00") || text.matches("\\d{4}-00-.*|\\d{4}-\\d\\d-00.*")) {
                    notes.add("zero-date default " + original + " dropped");
                    return null;
                }
                return quote(text);
            default:
                return quote(text);
        }
    }

    private String number(String n, TargetType t, String original, List<String> notes) {
        if (t.kind() == Kind.BOOLEAN) {
            BigDecimal d = new BigDecimal(n);
            if (d.compareTo(BigDecimal.ZERO) == 0) {
                return falseLiteral;
            }
            if (d.compareTo(BigDecimal.ONE) == 0) {
                return trueLiteral;
            }
            notes.add("default " + original + " is not a boolean; dropped");
            return null;
        }
        if (t.kind() == Kind.INTEGER || t.kind() == Kind.DECIMAL || t.kind() == Kind.FLOAT32
                || t.kind() == Kind.FLOAT64) {
            return n.startsWith("+") ? n.substring(1) : n;
        }
        return quote(n);
    }

    private String quote(String text) {
        String q = text.replace("'", "''");
        if (target.equals("mysql")) {
            q = q.replace("\\", "\\\\");
        }
        return "'" + q + "'";
    }

    private static String unquote(String inner) {
        return inner.replace("''", "'").replace("\\'", "'");
    }

    private static boolean balanced(String s) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0 && !quoted;
    }
}
