package dev.cloudshift.hcl.function;

import static dev.cloudshift.hcl.eval.Conversions.asList;
import static dev.cloudshift.hcl.eval.Conversions.asMap;

import dev.cloudshift.hcl.eval.BoolValue;
import dev.cloudshift.hcl.eval.Conversions;
import dev.cloudshift.hcl.eval.EvalException;
import dev.cloudshift.hcl.eval.ListValue;
import dev.cloudshift.hcl.eval.NumberValue;
import dev.cloudshift.hcl.eval.ObjectValue;
import dev.cloudshift.hcl.eval.StringValue;
import dev.cloudshift.hcl.eval.Value;
import java.util.ArrayList;

/** tostring, tonumber, tobool, tolist, toset, tomap, sensitive, nonsensitive, type helpers. */
final class TypeConversionFunctions {
    private TypeConversionFunctions() {
    }

    static void register(FunctionLibrary.Registry r) {
        r.add("tostring", 1, 1, false, (a, c) -> {
            Value v = a.get(0);
            if (v.isNull()) {
                return Value.NULL;
            }
            if (v instanceof ListValue || v instanceof ObjectValue) {
                throw new EvalException("cannot convert a " + v.typeName() + " to a string");
            }
            return Value.string(Conversions.asString(v, "argument"));
        });
        r.add("tonumber", 1, 1, false, (a, c) -> a.get(0).isNull() ? Value.NULL
                : Value.number(Conversions.asNumber(a.get(0), "argument")));
        r.add("tobool", 1, 1, false, (a, c) -> a.get(0).isNull() ? Value.NULL
                : Value.bool(Conversions.asBool(a.get(0), "argument")));
        r.add("tolist", 1, 1, true, (a, c) -> a.get(0).isNull() ? Value.NULL
                : Value.list(asList(a.get(0), "argument")));
        r.add("toset", 1, 1, false, (a, c) -> a.get(0).isNull() ? Value.NULL
                : Value.set(new ArrayList<>(asList(a.get(0), "argument"))));
        r.add("tomap", 1, 1, true, (a, c) -> a.get(0).isNull() ? Value.NULL
                : Value.map(asMap(a.get(0), "argument")));
        r.add("sensitive", 1, 1, true, (a, c) -> a.get(0).withSensitive(true));
        // CloudShift keeps the mark: un-redacting is never needed to plan, and keeping it is safer.
        r.add("nonsensitive", 1, 1, true, (a, c) -> a.get(0));
        r.add("type", 1, 1, true, (a, c) -> Value.string(a.get(0).typeName()));
        r.add("timestamp", 0, 0, false, (a, c) -> Value.unknown(""));
        r.add("uuid", 0, 0, false, (a, c) -> Value.unknown(""));
        r.add("plantimestamp", 0, 0, false, (a, c) -> Value.unknown(""));
        r.add("issensitive", 1, 1, true, (a, c) -> Value.bool(a.get(0).isDeepSensitive()));
    }

    static boolean isPrimitive(Value v) {
        return v instanceof StringValue || v instanceof NumberValue || v instanceof BoolValue;
    }
}
