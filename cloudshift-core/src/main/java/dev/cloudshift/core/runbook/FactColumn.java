package dev.cloudshift.core.runbook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The values of one fact over many sets of facts (every resource of a plan), each distinct scalar value stored
 * once, so that a test of the fact runs once per distinct value instead of once per resource. Only values whose
 * equality decides every {@link FactCondition} test (text, booleans, whole and decimal numbers, missing) are shared;
 * any other value (a list, a map) gets its own slot and is tested on its own.
 */
final class FactColumn {

    private final int[] slots;
    private final List<Object> values;

    private FactColumn(int[] slots, List<Object> values) {
        this.slots = slots;
        this.values = values;
    }

    static FactColumn of(List<Map<String, Object>> facts, String fact) {
        return of(facts, List.of(fact)).get(fact);
    }

    /**
     * The columns of several facts, read in one pass over the sets of facts (each set's maps are read once for all
     * the facts instead of once per fact).
     */
    static Map<String, FactColumn> of(List<Map<String, Object>> facts, List<String> names) {
        List<Builder> builders = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            builders.add(new Builder(facts.size()));
        }
        for (int i = 0; i < facts.size(); i++) {
            Map<String, Object> f = facts.get(i);
            for (int k = 0; k < names.size(); k++) {
                builders.get(k).add(i, f.get(names.get(k)));
            }
        }
        Map<String, FactColumn> out = new HashMap<>();
        for (int k = 0; k < names.size(); k++) {
            out.put(names.get(k), new FactColumn(builders.get(k).slots, builders.get(k).values));
        }
        return out;
    }

    private static final class Builder {
        final int[] slots;
        final List<Object> values = new ArrayList<>();
        final Map<Object, Integer> slotOf = new HashMap<>();
        int nullSlot = -1;

        Builder(int size) {
            slots = new int[size];
        }

        void add(int i, Object v) {
            if (v == null) {
                if (nullSlot < 0) {
                    nullSlot = values.size();
                    values.add(null);
                }
                slots[i] = nullSlot;
            } else if (v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
                    || v instanceof BigDecimal) {
                Integer slot = slotOf.get(v);
                if (slot == null) {
                    slot = values.size();
                    values.add(v);
                    slotOf.put(v, slot);
                }
                slots[i] = slot;
            } else {
                slots[i] = values.size();
                values.add(v);
            }
        }
    }

    /** The test's result for each set of facts, in order; the test runs once per distinct value. */
    boolean[] test(Predicate<Object> test) {
        boolean[] perSlot = new boolean[values.size()];
        for (int s = 0; s < perSlot.length; s++) {
            perSlot[s] = test.test(values.get(s));
        }
        boolean[] out = new boolean[slots.length];
        for (int i = 0; i < slots.length; i++) {
            out[i] = perSlot[slots[i]];
        }
        return out;
    }
}
