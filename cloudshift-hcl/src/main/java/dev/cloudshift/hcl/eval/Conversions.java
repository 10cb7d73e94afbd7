package dev.cloudshift.hcl.eval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Terraform's implicit type conversions (string <-> number <-> bool, tuple/list/set, object/map). */
public final class Conversions {
    private Conversions() {
    }

    public static String asString(Value v, String what) {
        if (v instanceof StringValue s) {
            return s.value();
        }
        if (v instanceof NumberValue n) {
            return NumberValue.format(n.value());
        }
        if (v instanceof BoolValue b) {
            return Boolean.toString(b.value());
        }
        if (v.isNull()) {
            throw new EvalException(what + ": expected a string, found null");
        }
        throw new EvalException(what + ": expected a string, found a " + v.typeName());
    }

    public static BigDecimal asNumber(Value v, String what) {
        if (v instanceof NumberValue n) {
            return n.value();
        }
        if (v instanceof StringValue s) {
            try {
                return new BigDecimal(s.value().trim());
            } catch (NumberFormatException e) {
                throw new EvalException(what + ": expected a number, found a string that is not a number");
            }
        }
        throw new EvalException(what + ": expected a number, found " + (v.isNull() ? "null" : "a " + v.typeName()));
    }

    public static int asInt(Value v, String what) {
        BigDecimal d = asNumber(v, what);
        try {
            return d.setScale(0, java.math.RoundingMode.DOWN).intValueExact();
        } catch (ArithmeticException e) {
            throw new EvalException(what + ": expected a whole number in range");
        }
    }

    public static boolean asBool(Value v, String what) {
        if (v instanceof BoolValue b) {
            return b.value();
        }
        if (v instanceof StringValue s) {
            if (s.value().equals("true")) {
                return true;
            }
            if (s.value().equals("false")) {
                return false;
            }
        }
        throw new EvalException(what + ": expected a bool, found " + (v.isNull() ? "null" : "a " + v.typeName()));
    }

    /** Elements of a tuple, list or set. */
    public static List<Value> asList(Value v, String what) {
        if (v instanceof ListValue l) {
            return l.items();
        }
        throw new EvalException(what + ": expected a list, found " + (v.isNull() ? "null" : "a " + v.typeName()));
    }

    public static Map<String, Value> asMap(Value v, String what) {
        if (v instanceof ObjectValue o) {
            return o.attributes();
        }
        throw new EvalException(what + ": expected a map or object, found " + (v.isNull() ? "null" : "a " + v.typeName()));
    }

    /** Converts to a string value keeping marks (for templates and tostring). */
    public static Value toStringValue(Value v, String what) {
        if (v instanceof StringValue) {
            return v;
        }
        return Value.string(asString(v, what)).mark(v.sensitive());
    }

    /** Flattens nested lists to a list of values (one level of nesting per call, recursively). */
    public static List<Value> flatten(List<Value> items) {
        List<Value> out = new ArrayList<>();
        for (Value v : items) {
            if (v instanceof ListValue l) {
                out.addAll(flatten(l.items()));
            } else {
                out.add(v);
            }
        }
        return out;
    }

    /** HCL's equality: same kind and deeply equal; numbers compare by value; lists/tuples/sets by elements. */
    public static boolean equal(Value a, Value b) {
        return a.equals(b);
    }
}
