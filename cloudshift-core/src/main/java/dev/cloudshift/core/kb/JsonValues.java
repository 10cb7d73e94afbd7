package dev.cloudshift.core.kb;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions between the JSON-like values of raw attributes and the values of normalised attributes. */
final class JsonValues {

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?");

    private JsonValues() {
    }

    /** True for an unknown value: the string {@code ${expression}} that ingest keeps for computed values. */
    static boolean isUnknown(Object v) {
        return v instanceof String s && s.startsWith("${") && s.endsWith("}");
    }

    /** A number from a Number or a numeric string; null when the value is not numeric. */
    static BigDecimal toDecimal(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (v instanceof String s) {
            String t = s.trim();
            if (t.isEmpty() || !NUMBER.matcher(t).matches()) {
                return null;
            }
            try {
                return new BigDecimal(t);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * The canonical form of a number in normalised attributes: a Long when integral, otherwise a Double
     * rounded to 6 significant digits (0.25, 0.5, 6.38).
     */
    static Number canonicalNumber(BigDecimal d) {
        BigDecimal r = d.round(new MathContext(9, RoundingMode.HALF_UP)).stripTrailingZeros();
        if (r.scale() <= 0 && r.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            return r.longValueExact();
        }
        return r.setScale(Math.min(r.scale(), 6), RoundingMode.HALF_UP).doubleValue();
    }

    /** A boolean from a Boolean or the strings true/false; null otherwise. */
    static Boolean toBoolean(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            if (s.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (s.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
        }
        return null;
    }

    /** Text of a scalar value (numbers without exponent or trailing zeros); null for maps, lists and null. */
    static String toText(Object v) {
        if (v == null || v instanceof Map || v instanceof List) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().scale() <= 0 ? d.toBigInteger().toString() : d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Double || v instanceof Float) {
            return toText(toDecimal(v));
        }
        return v.toString();
    }

    /** Deep copy converting BigDecimal numbers to canonical Long/Double values. */
    static Object plain(Object v) {
        if (v instanceof BigDecimal d) {
            return canonicalNumber(d);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(plain(x)));
            return out;
        }
        return v;
    }
}
