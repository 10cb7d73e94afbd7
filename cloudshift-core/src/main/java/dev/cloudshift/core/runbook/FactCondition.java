package dev.cloudshift.core.runbook;

import static dev.cloudshift.core.model.AttributeValues.number;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
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

    /** A condition that holds for every set of facts (no {@code when}). */
    private static final FactCondition ALWAYS = new FactCondition(new Step[0]);

    /** One key of the {@code when} mapping, tested in the order written; the first that fails decides. */
    private interface Step {
        boolean holds(Map<String, Object> facts);
    }

    /** A test of one fact's value; {@code fact} is null when the fact is missing or null. */
    private interface Test {
        boolean test(Object fact);
    }

    private final Step[] steps;
    /** The fact the first step tests, when the first step is a plain test of one fact (not {@code any}); else null. */
    private final String firstFact;
    private final Test firstTest;

    private FactCondition(Step[] steps) {
        this(steps, null, null);
    }

    private FactCondition(Step[] steps, String firstFact, Test firstTest) {
        this.steps = steps;
        this.firstFact = firstFact;
        this.firstTest = firstTest;
    }

    /**
     * The condition of a {@code when} mapping, read once so that it can be tested against many sets of facts (a
     * rule over every resource). A malformed condition is reported when it is tested, as {@link #holds(JsonNode, Map)}
     * reports it.
     */
    public static FactCondition of(JsonNode when) {
        if (when == null || when.isNull() || when.isMissingNode()) {
            return ALWAYS;
        }
        if (!when.isObject()) {
            return new FactCondition(new Step[] {facts -> {
                throw new RunbookCatalogException("a `when` condition must be a mapping, found " + when);
            }});
        }
        List<Step> steps = new ArrayList<>();
        String firstFact = null;
        Test firstTest = null;
        Iterator<Map.Entry<String, JsonNode>> it = when.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("any")) {
                List<FactCondition> alternatives = new ArrayList<>();
                for (JsonNode alt : e.getValue()) {
                    alternatives.add(of(alt));
                }
                FactCondition[] alts = alternatives.toArray(new FactCondition[0]);
                steps.add(facts -> {
                    boolean one = false;
                    for (FactCondition alt : alts) {
                        one |= alt.holds(facts); // every alternative is evaluated, so a malformed one is always reported
                    }
                    return one;
                });
                continue;
            }
            String key = e.getKey();
            Test test = test(e.getValue());
            if (steps.isEmpty()) {
                firstFact = key;
                firstTest = test;
            }
            steps.add(facts -> test.test(facts.get(key)));
        }
        return new FactCondition(steps.toArray(new Step[0]), firstFact, firstTest);
    }

    public static boolean holds(JsonNode when, Map<String, Object> facts) {
        return of(when).holds(facts);
    }

    /** True when every key of the condition holds on these facts. */
    public boolean holds(Map<String, Object> facts) {
        for (Step step : steps) {
            if (!step.holds(facts)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The fact the condition tests first, when its first key is a plain test of that fact's value (not {@code any});
     * else null. Such a condition holds exactly when {@link #firstHolds} holds on that fact's value and
     * {@link #restHolds} on the facts: a caller testing many sets of facts can test each distinct value once.
     */
    String firstFact() {
        return firstFact;
    }

    /** The first key's test on a value of {@link #firstFact()} (null when the fact is missing). */
    boolean firstHolds(Object value) {
        return firstTest.test(value);
    }

    /** Every key after the first holds on these facts (for facts whose first key already holds). */
    boolean restHolds(Map<String, Object> facts) {
        for (int i = 1; i < steps.length; i++) {
            if (!steps[i].holds(facts)) {
                return false;
            }
        }
        return true;
    }

    private static Test test(JsonNode expected) {
        if (expected.isArray()) {
            Test in = oneOf(expected);
            return fact -> fact != null && in.test(fact);
        }
        if (!expected.isObject()) {
            Test eq = equal(expected);
            return fact -> fact != null && eq.test(fact);
        }
        List<Test> ops = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> op = it.next();
            ops.add(operator(op.getKey(), op.getValue()));
        }
        Test[] all = ops.toArray(new Test[0]);
        return fact -> {
            for (Test t : all) {
                if (!t.test(fact)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Test operator(String name, JsonNode v) {
        return switch (name) {
            case "present" -> {
                boolean wanted = v.asBoolean();
                yield fact -> wanted == (fact != null);
            }
            case "eq" -> {
                Test eq = equal(v);
                yield fact -> fact != null && eq.test(fact);
            }
            case "ne" -> {
                Test eq = equal(v);
                yield fact -> fact == null || !eq.test(fact);
            }
            case "in" -> {
                Test in = oneOf(v);
                yield fact -> fact != null && in.test(fact);
            }
            case "not_in" -> {
                Test in = oneOf(v);
                yield fact -> fact == null || !in.test(fact);
            }
            case "gt" -> ordering(v, c -> c > 0);
            case "gte" -> ordering(v, c -> c >= 0);
            case "lt" -> ordering(v, c -> c < 0);
            case "lte" -> ordering(v, c -> c <= 0);
            case "matches" -> {
                String regex = v.asText();
                yield fact -> fact != null && matches(fact, regex);
            }
            default -> fact -> {
                throw new RunbookCatalogException("unknown operator `" + name
                        + "`: use gt, gte, lt, lte, eq, ne, in, not_in, matches or present");
            };
        };
    }

    private static Test oneOf(JsonNode list) {
        List<Test> values = new ArrayList<>();
        for (JsonNode v : list) {
            values.add(equal(v));
        }
        Test[] all = values.toArray(new Test[0]);
        return fact -> {
            for (Test t : all) {
                if (t.test(fact)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Equality with one expected value: numerically for a number, exactly for a boolean, else as text. */
    private static Test equal(JsonNode v) {
        if (v.isNumber()) {
            BigDecimal expected = v.decimalValue();
            return fact -> {
                BigDecimal f = number(fact);
                return f != null && f.compareTo(expected) == 0;
            };
        }
        if (v.isBoolean()) {
            boolean expected = v.asBoolean();
            return fact -> fact instanceof Boolean b && b == expected;
        }
        String expected = v.asText();
        return fact -> {
            if (fact instanceof Collection<?> c) {
                for (Object x : c) {
                    if (String.valueOf(x).equals(expected)) {
                        return true;
                    }
                }
                return false;
            }
            return String.valueOf(fact).equals(expected);
        };
    }

    private interface Comparison {
        boolean accepts(int c);
    }

    /** Numeric comparison; fails when the fact or the expected value is not a number. */
    private static Test ordering(JsonNode v, Comparison accepts) {
        if (!v.isNumber()) {
            return fact -> false;
        }
        BigDecimal expected = v.decimalValue();
        return fact -> {
            BigDecimal f = fact == null || fact instanceof Boolean ? null : number(fact);
            return f != null && accepts.accepts(f.compareTo(expected));
        };
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
