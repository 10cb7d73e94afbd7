package dev.cloudshift.core.runbook;

import static dev.cloudshift.core.model.AttributeValues.number;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Evaluates the {@code when} mapping of a rule against facts. Every key must hold (and); a key is a fact name.
 * The value is a scalar (equal), a list (equal to one of them) or a mapping of operators: {@code gt, gte, lt,
 * lte, eq, ne, in, not_in, matches} (regular expression; on a list fact, any element) and {@code present}.
 * A missing fact fails every test except {@code present: false} and {@code ne}/{@code not_in}. The key
 * {@code any} takes a list of mappings, one of which must hold.
 */
public final class FactCondition {

    private FactCondition() {
    }

    public static boolean holds(JsonNode when, Map<String, Object> facts) {
        if (when == null || when.isNull() || when.isMissingNode()) {
            return true;
        }
        if (!when.isObject()) {
            throw new RunbookCatalogException("a `when` condition must be a mapping, found " + when);
        }
        Iterator<Map.Entry<String, JsonNode>> it = when.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("any")) {
                boolean one = false;
                for (JsonNode alt : e.getValue()) {
                    one |= holds(alt, facts);
                }
                if (!one) {
                    return false;
                }
                continue;
            }
            if (!test(facts.get(e.getKey()), facts.containsKey(e.getKey()), e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean test(Object fact, boolean present, JsonNode expected) {
        if (expected.isArray()) {
            return present && fact != null && oneOf(fact, expected);
        }
        if (!expected.isObject()) {
            return present && fact != null && equal(fact, expected);
        }
        Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> op = it.next();
            JsonNode v = op.getValue();
            boolean there = present && fact != null;
            boolean ok = switch (op.getKey()) {
                case "present" -> v.asBoolean() == there;
                case "eq" -> there && equal(fact, v);
                case "ne" -> !there || !equal(fact, v);
                case "in" -> there && oneOf(fact, v);
                case "not_in" -> !there || !oneOf(fact, v);
                case "gt" -> there && compare(fact, v) != null && compare(fact, v) > 0;
                case "gte" -> there && compare(fact, v) != null && compare(fact, v) >= 0;
                case "lt" -> there && compare(fact, v) != null && compare(fact, v) < 0;
                case "lte" -> there && compare(fact, v) != null && compare(fact, v) <= 0;
                case "matches" -> there && matches(fact, v.asText());
                default -> throw new RunbookCatalogException("unknown operator `" + op.getKey()
                        + "`: use gt, gte, lt, lte, eq, ne, in, not_in, matches or present");
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean oneOf(Object fact, JsonNode list) {
        for (JsonNode v : list) {
            if (equal(fact, v)) {
                return true;
            }
        }
        return false;
    }

    static boolean equal(Object fact, JsonNode v) {
        if (v.isNumber()) {
            BigDecimal f = number(fact);
            return f != null && f.compareTo(v.decimalValue()) == 0;
        }
        if (v.isBoolean()) {
            return fact instanceof Boolean b && b == v.asBoolean();
        }
        if (fact instanceof Collection<?> c) {
            return c.stream().anyMatch(x -> String.valueOf(x).equals(v.asText()));
        }
        return String.valueOf(fact).equals(v.asText());
    }

    /** Numeric comparison, or null when the fact is not a number (every ordering test then fails). */
    private static Integer compare(Object fact, JsonNode v) {
        BigDecimal f = fact instanceof Boolean ? null : number(fact);
        if (f == null || !v.isNumber()) {
            return null;
        }
        return f.compareTo(v.decimalValue());
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean matches(Object fact, String regex) {
        Pattern p = PATTERNS.computeIfAbsent(regex, Pattern::compile);
        if (fact instanceof Collection<?> c) {
            return c.stream().anyMatch(x -> p.matcher(String.valueOf(x)).find());
        }
        return p.matcher(String.valueOf(fact)).find();
    }
}
