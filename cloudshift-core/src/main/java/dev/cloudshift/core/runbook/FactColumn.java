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
        int[] slots = new int[facts.size()];
        List<Object> values = new ArrayList<>();
        Map<Object, Integer> slotOf = new HashMap<>();
        int nullSlot = -1;
        for (int i = 0; i < slots.length; i++) {
            Object v = facts.get(i).get(fact);
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
        return new FactColumn(slots, values);
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
