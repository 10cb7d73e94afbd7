package dev.cloudshift.core.ingest.dotenv;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Shell-style variable expansion as docker compose and dotenv files use it: {@code $VAR}, {@code ${VAR}},
 * {@code ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR:?error}}, {@code ${VAR?error}},
 * {@code ${VAR:+replacement}}, {@code ${VAR+replacement}}, defaults that contain further expansions, and
 * (for compose) {@code $$} as a literal {@code $}.
 *
 * <p>Every expansion is done twice: once with the real value and once with a masked value supplied by the
 * lookup (for example the redacted shape of a .env value), so that callers can keep a printable form of the
 * result without ever holding the secret in it. Problems (unset variables, {@code :?} errors, a missing
 * {@code }}) are returned as messages that name variables but never values.
 */
public final class VariableInterpolator {

    /** A variable's value and the printable form to use in its place. */
    public record Value(String real, String masked) {
        @Override
        public String toString() {
            return "Value[masked=" + masked + "]";
        }
    }

    /**
     * Result of an expansion.
     *
     * @param value       the expanded text (may contain secrets)
     * @param masked      the same text with every substituted value replaced by its masked form
     * @param substituted true when at least one variable was substituted by a looked-up value
     * @param problems    messages, without values
     */
    public record Result(String value, String masked, boolean substituted, List<String> problems) {
        @Override
        public String toString() {
            return "Result[masked=" + masked + ", problems=" + problems + "]";
        }
    }

    private final boolean dollarDollarEscape;

    /** @param dollarDollarEscape true to read {@code $$} as a literal {@code $} (compose files) */
    public VariableInterpolator(boolean dollarDollarEscape) {
        this.dollarDollarEscape = dollarDollarEscape;
    }

    private static final class State {
        boolean substituted;
        final List<String> problems = new ArrayList<>();
    }

    /** Expands {@code text}; {@code lookup} returns null for an unset variable. */
    public Result interpolate(String text, Function<String, Value> lookup) {
        if (text == null || text.indexOf('$') < 0) {
            return new Result(text, text, false, List.of());
        }
        StringBuilder real = new StringBuilder();
        StringBuilder masked = new StringBuilder();
        State st = new State();
        expand(text, 0, false, real, masked, st, lookup, 0);
        return new Result(real.toString(), masked.toString(), st.substituted, List.copyOf(st.problems));
    }

    private static boolean nameStart(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }

    private static boolean namePart(char c) {
        return nameStart(c) || (c >= '0' && c <= '9');
    }

    /** Expands from {@code i}; when nested, stops at the closing brace and returns its index. */
    private int expand(String s, int i, boolean nested, StringBuilder real, StringBuilder masked, State st,
                       Function<String, Value> lookup, int depth) {
        int len = s.length();
        while (i < len) {
            char c = s.charAt(i);
            if (nested && c == '}') {
                return i;
            }
            if (c != '$' || i + 1 >= len) {
                real.append(c);
                masked.append(c);
                i++;
                continue;
            }
            char n = s.charAt(i + 1);
            if (n == '$' && dollarDollarEscape) {
                real.append('$');
                masked.append('$');
                i += 2;
                continue;
            }
            if (nameStart(n)) {
                int j = i + 1;
                while (j < len && namePart(s.charAt(j))) {
                    j++;
                }
                substitute(s.substring(i + 1, j), real, masked, st, lookup);
                i = j;
                continue;
            }
            if (n != '{') {
                real.append(c);
                masked.append(c);
                i++;
                continue;
            }
            int j = i + 2;
            while (j < len && namePart(s.charAt(j))) {
                j++;
            }
            String name = s.substring(i + 2, j);
            if (name.isEmpty() || !nameStart(name.charAt(0))) {
                st.problems.add("expected a variable name after '${' at offset " + i);
                real.append(s, i, len);
                masked.append(s, i, len);
                return len;
            }
            if (j >= len) {
                st.problems.add("expected '}' to close '${" + name + "'");
                real.append(s, i, len);
                masked.append(s, i, len);
                return len;
            }
            char op = s.charAt(j);
            if (op == '}') {
                substitute(name, real, masked, st, lookup);
                i = j + 1;
                continue;
            }
            boolean colon = false;
            int k = j;
            if (op == ':') {
                colon = true;
                k++;
                op = k < len ? s.charAt(k) : 0;
            }
            if (op != '-' && op != '?' && op != '+') {
                st.problems.add("expected '}', ':-', '-', ':?', '?', ':+' or '+' after '${" + name + "'");
                real.append(s, i, len);
                masked.append(s, i, len);
                return len;
            }
            StringBuilder argReal = new StringBuilder();
            StringBuilder argMasked = new StringBuilder();
            State argState = new State();
            int close = depth > 32 ? len : expand(s, k + 1, true, argReal, argMasked, argState, lookup, depth + 1);
            if (close >= len) {
                st.problems.add("expected '}' to close '${" + name + "'");
                real.append(s, i, len);
                masked.append(s, i, len);
                return len;
            }
            Value v = lookup.apply(name);
            boolean set = v != null && v.real() != null;
            boolean present = set && !(colon && v.real().isEmpty());
            switch (op) {
                case '-' -> {
                    if (present) {
                        append(v, real, masked, st);
                    } else {
                        real.append(argReal);
                        masked.append(argMasked);
                        st.substituted |= argState.substituted;
                        st.problems.addAll(argState.problems);
                    }
                }
                case '?' -> {
                    if (present) {
                        append(v, real, masked, st);
                    } else {
                        String msg = argMasked.length() == 0 ? "required variable " + name + " is missing a value"
                                : "required variable " + name + " is missing a value: " + argMasked;
                        st.problems.add(msg);
                    }
                }
                default -> { // '+'
                    if (present) {
                        real.append(argReal);
                        masked.append(argMasked);
                        st.substituted |= argState.substituted;
                        st.problems.addAll(argState.problems);
                    }
                }
            }
            i = close + 1;
        }
        return len;
    }

    private static void substitute(String name, StringBuilder real, StringBuilder masked, State st, Function<String, Value> lookup) {
        Value v = lookup.apply(name);
        if (v == null || v.real() == null) {
            st.problems.add("variable " + name + " is not set; using an empty string");
            return;
        }
        append(v, real, masked, st);
    }

    private static void append(Value v, StringBuilder real, StringBuilder masked, State st) {
        real.append(v.real());
        masked.append(v.masked() == null ? "" : v.masked());
        st.substituted = true;
    }
}
