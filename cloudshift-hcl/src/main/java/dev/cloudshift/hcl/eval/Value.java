package dev.cloudshift.hcl.eval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An evaluated HCL value: null, bool, number, string, tuple/list/set, object/map, or unknown. Every value
 * can carry the "sensitive" mark, which operations propagate to their results (like Terraform's marks) so
 * secrets can be redacted downstream.
 */
public abstract sealed class Value permits NullValue, BoolValue, NumberValue, StringValue, ListValue, ObjectValue,
        UnknownValue {

    public static final String REDACTED = "<sensitive>";

    protected final boolean sensitive;

    protected Value(boolean sensitive) {
        this.sensitive = sensitive;
    }

    /** True when this value itself carries the sensitive mark. */
    public final boolean sensitive() {
        return sensitive;
    }

    /** This value with the sensitive mark set or cleared. */
    public abstract Value withSensitive(boolean mark);

    /** Adds the mark when {@code mark} is true; otherwise returns this. */
    public final Value mark(boolean mark) {
        return mark && !sensitive ? withSensitive(true) : this;
    }

    /** A short type name for messages: string, number, bool, null, tuple, list, set, object, map, unknown. */
    public abstract String typeName();

    public boolean isKnown() {
        return true;
    }

    public boolean isNull() {
        return false;
    }

    /** True when neither this value nor anything inside it is unknown. */
    public boolean isWhollyKnown() {
        return true;
    }

    /** True when this value or anything inside it is sensitive. */
    public boolean isDeepSensitive() {
        return sensitive;
    }

    /**
     * A JSON-like Java value (String, BigDecimal, Boolean, List, Map, null) with sensitive parts replaced by
     * {@link #REDACTED} and unknowns rendered as {@code ${expression}}.
     */
    public final Object toJava() {
        return sensitive ? REDACTED : toJavaUnmarked();
    }

    protected abstract Object toJavaUnmarked();

    // ---------------------------------------------------------------- factories

    public static final NullValue NULL = new NullValue(false);
    public static final BoolValue TRUE = new BoolValue(true, false);
    public static final BoolValue FALSE = new BoolValue(false, false);

    public static BoolValue bool(boolean b) {
        return b ? TRUE : FALSE;
    }

    public static NumberValue number(BigDecimal d) {
        return new NumberValue(d, false);
    }

    public static NumberValue number(long l) {
        return new NumberValue(BigDecimal.valueOf(l), false);
    }

    public static StringValue string(String s) {
        return new StringValue(s, false);
    }

    public static ListValue tuple(List<Value> items) {
        return new ListValue(items, ListValue.Kind.TUPLE, false);
    }

    public static ListValue list(List<Value> items) {
        return new ListValue(items, ListValue.Kind.LIST, false);
    }

    public static ListValue set(List<Value> items) {
        return ListValue.setOf(items, false);
    }

    public static ObjectValue object(Map<String, Value> attrs) {
        return new ObjectValue(attrs, ObjectValue.Kind.OBJECT, false, false);
    }

    public static ObjectValue map(Map<String, Value> attrs) {
        return new ObjectValue(attrs, ObjectValue.Kind.MAP, false, false);
    }

    public static UnknownValue unknown(String expressionText) {
        return new UnknownValue(expressionText, null, false);
    }

    /** Converts a JSON-like Java value (as produced by Jackson or YAML readers) into a Value. */
    public static Value fromJava(Object o) {
        if (o == null) {
            return NULL;
        }
        if (o instanceof Value v) {
            return v;
        }
        if (o instanceof Boolean b) {
            return bool(b);
        }
        if (o instanceof BigDecimal d) {
            return number(d);
        }
        if (o instanceof Number num) {
            if (o instanceof Double || o instanceof Float) {
                return number(new BigDecimal(num.toString()));
            }
            return number(new BigDecimal(num.toString()));
        }
        if (o instanceof CharSequence cs) {
            return string(cs.toString());
        }
        if (o instanceof Map<?, ?> m) {
            Map<String, Value> attrs = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                attrs.put(String.valueOf(e.getKey()), fromJava(e.getValue()));
            }
            return object(attrs);
        }
        if (o instanceof Iterable<?> it) {
            List<Value> items = new ArrayList<>();
            for (Object x : it) {
                items.add(fromJava(x));
            }
            return tuple(items);
        }
        return string(o.toString());
    }
}
