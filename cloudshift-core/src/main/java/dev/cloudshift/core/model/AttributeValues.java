package dev.cloudshift.core.model;

import java.math.BigDecimal;

/** Reading the JSON-like values of {@link Resource#attributes()} and {@link Resource#raw()}. */
public final class AttributeValues {

    private AttributeValues() {
    }

    /**
     * The value as a decimal: a number as is, a string that spells a number (surrounding blanks ignored);
     * anything else, including a blank string, null.
     */
    public static BigDecimal number(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
