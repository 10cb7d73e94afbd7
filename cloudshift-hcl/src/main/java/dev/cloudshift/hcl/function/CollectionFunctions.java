package dev.cloudshift.hcl.function;

import static dev.cloudshift.hcl.eval.Conversions.asBool;
import static dev.cloudshift.hcl.eval.Conversions.asInt;
import static dev.cloudshift.hcl.eval.Conversions.asList;
import static dev.cloudshift.hcl.eval.Conversions.asMap;
import static dev.cloudshift.hcl.eval.Conversions.asNumber;
import static dev.cloudshift.hcl.eval.Conversions.asString;

import dev.cloudshift.hcl.eval.EvalException;
import dev.cloudshift.hcl.eval.ListValue;
import dev.cloudshift.hcl.eval.NumberValue;
import dev.cloudshift.hcl.eval.ObjectValue;
import dev.cloudshift.hcl.eval.StringValue;
import dev.cloudshift.hcl.eval.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** merge, concat, lookup, element, length, keys, values, zipmap, flatten, distinct, compact, slice, ... */
final class CollectionFunctions {
    private CollectionFunctions() {
    }

    static void register(FunctionLibrary.Registry r) {
        r.add("merge", 0, -1, true, (a, c) -> {
            Map<String, Value> out = new LinkedHashMap<>();
            boolean allMaps = true;
            for (Value v : a) {
                if (v.isNull()) {
                    continue;
                }
                if (!(v instanceof ObjectValue o)) {
                    throw new EvalException("expected maps or objects, found a " + v.typeName());
                }
                allMaps &= o.kind() == ObjectValue.Kind.MAP;
                for (Map.Entry<String, Value> e : o.attributes().entrySet()) {
                    out.put(e.getKey(), e.getValue().mark(v.sensitive()));
                }
            }
            return allMaps && !a.isEmpty() ? Value.map(out) : Value.object(out);
        });
        r.add("concat", 1, -1, true, (a, c) -> {
            List<Value> out = new ArrayList<>();
            for (Value v : a) {
                for (Value x : asList(v, "argument")) {
                    out.add(x.mark(v.sensitive()));
                }
            }
            return Value.tuple(out);
        });
        r.add("lookup", 2, 3, true, (a, c) -> {
            Map<String, Value> m = asMap(a.get(0), "first argument");
            if (!a.get(1).isKnown()) {
                return Value.unknown("");
            }
            Value v = m.get(asString(a.get(1), "key"));
            if (v != null) {
                return v;
            }
            if (a.get(0) instanceof ObjectValue o && o.isOpen()) {
                return Value.unknown("");
            }
            if (a.size() == 3) {
                return a.get(2);
            }
            throw new EvalException("the map has no element for the given key and no default was given");
        });
        r.add("element", 2, 2, true, (a, c) -> {
            List<Value> l = asList(a.get(0), "first argument");
            if (l.isEmpty()) {
                throw new EvalException("cannot use element() with an empty list");
            }
            int i = asInt(a.get(1), "index");
            if (i < 0) {
                throw new EvalException("index must not be negative");
            }
            return l.get(i % l.size());
        });
        r.add("length", 1, 1, true, (a, c) -> {
            Value v = a.get(0);
            if (v instanceof ListValue l) {
                return Value.number(l.size());
            }
            if (v instanceof ObjectValue o) {
                return Value.number(o.size());
            }
            if (v instanceof StringValue s) {
                return Value.number(s.value().codePointCount(0, s.value().length()));
            }
            throw new EvalException("expected a collection or string, found " + (v.isNull() ? "null" : "a " + v.typeName()));
        });
        r.add("keys", 1, 1, true, (a, c) -> {
            List<Value> out = new ArrayList<>();
            for (String k : asMap(a.get(0), "argument").keySet()) {
                out.add(Value.string(k));
            }
            return Value.list(out);
        });
        r.add("values", 1, 1, true, (a, c) -> Value.tuple(new ArrayList<>(asMap(a.get(0), "argument").values())));
        r.add("zipmap", 2, 2, true, (a, c) -> {
            List<Value> ks = asList(a.get(0), "keys");
            List<Value> vs = asList(a.get(1), "values");
            if (ks.size() != vs.size()) {
                throw new EvalException("the keys and values lists must have the same length");
            }
            Map<String, Value> out = new LinkedHashMap<>();
            for (int i = 0; i < ks.size(); i++) {
                if (!ks.get(i).isKnown()) {
                    return Value.unknown("");
                }
                out.put(asString(ks.get(i), "key"), vs.get(i));
            }
            return Value.object(out);
        });
        r.add("flatten", 1, 1, true, (a, c) -> Value.tuple(flatten(asList(a.get(0), "argument"))));
        r.add("distinct", 1, 1, false, (a, c) -> Value.list(new ArrayList<>(new LinkedHashSet<>(asList(a.get(0), "argument")))));
        r.add("compact", 1, 1, false, (a, c) -> {
            List<Value> out = new ArrayList<>();
            for (Value v : asList(a.get(0), "argument")) {
                if (!v.isNull() && !(v instanceof StringValue s && s.value().isEmpty())) {
                    out.add(Value.string(asString(v, "element")).mark(v.sensitive()));
                }
            }
            return Value.list(out);
        });
        r.add("slice", 3, 3, true, (a, c) -> {
            List<Value> l = asList(a.get(0), "first argument");
            int from = asInt(a.get(1), "start index");
            int to = asInt(a.get(2), "end index");
            if (from < 0 || to > l.size() || from > to) {
                throw new EvalException("the start and end indexes must satisfy 0 <= start <= end <= length");
            }
            return Value.tuple(new ArrayList<>(l.subList(from, to)));
        });
        r.add("reverse", 1, 1, true, (a, c) -> {
            List<Value> out = new ArrayList<>(asList(a.get(0), "argument"));
            java.util.Collections.reverse(out);
            return Value.tuple(out);
        });
        r.add("sort", 1, 1, false, (a, c) -> {
            List<String> s = new ArrayList<>();
            for (Value v : asList(a.get(0), "argument")) {
                s.add(asString(v, "element"));
            }
            java.util.Collections.sort(s);
            List<Value> out = new ArrayList<>();
            for (String x : s) {
                out.add(Value.string(x));
            }
            return Value.list(out);
        });
        r.add("range", 1, 3, false, (a, c) -> {
            BigDecimal start = BigDecimal.ZERO;
            BigDecimal limit;
            BigDecimal step = BigDecimal.ONE;
            if (a.size() == 1) {
                limit = asNumber(a.get(0), "limit");
            } else {
                start = asNumber(a.get(0), "start");
                limit = asNumber(a.get(1), "limit");
                if (a.size() == 3) {
                    step = asNumber(a.get(2), "step");
                } else if (limit.compareTo(start) < 0) {
                    step = BigDecimal.ONE.negate();
                }
            }
            if (step.signum() == 0) {
                throw new EvalException("step must not be zero");
            }
            List<Value> out = new ArrayList<>();
            for (BigDecimal x = start; step.signum() > 0 ? x.compareTo(limit) < 0 : x.compareTo(limit) > 0; x = x.add(step)) {
                if (out.size() >= 1024) {
                    throw new EvalException("more than 1024 values would be produced");
                }
                out.add(Value.number(x));
            }
            return Value.list(out);
        });
        r.add("index", 2, 2, false, (a, c) -> {
            List<Value> l = asList(a.get(0), "first argument");
            for (int i = 0; i < l.size(); i++) {
                if (l.get(i).equals(a.get(1))) {
                    return Value.number(i);
                }
            }
            throw new EvalException("the given value is not in the list");
        });
        r.add("contains", 2, 2, false, (a, c) -> Value.bool(asList(a.get(0), "first argument").contains(a.get(1))));
        r.add("coalesce", 1, -1, true, (a, c) -> {
            for (Value v : a) {
                if (v.isNull() || (v instanceof StringValue s && s.value().isEmpty())) {
                    continue;
                }
                return v;
            }
            throw new EvalException("no non-null, non-empty argument");
        });
        r.add("coalescelist", 1, -1, true, (a, c) -> {
            for (Value v : a) {
                if (!asList(v, "argument").isEmpty()) {
                    return v;
                }
            }
            return Value.tuple(List.of());
        });
        r.add("one", 1, 1, true, (a, c) -> {
            List<Value> l = asList(a.get(0), "argument");
            if (l.size() > 1) {
                throw new EvalException("expected a collection of at most one element, found " + l.size());
            }
            return l.isEmpty() ? Value.NULL : l.get(0);
        });
        r.add("alltrue", 1, 1, false, (a, c) -> {
            for (Value v : asList(a.get(0), "argument")) {
                if (!asBool(v, "element")) {
                    return Value.FALSE;
                }
            }
            return Value.TRUE;
        });
        r.add("anytrue", 1, 1, false, (a, c) -> {
            for (Value v : asList(a.get(0), "argument")) {
                if (asBool(v, "element")) {
                    return Value.TRUE;
                }
            }
            return Value.FALSE;
        });
        r.add("sum", 1, 1, false, (a, c) -> {
            List<Value> l = asList(a.get(0), "argument");
            if (l.isEmpty()) {
                throw new EvalException("cannot sum an empty list");
            }
            BigDecimal s = BigDecimal.ZERO;
            for (Value v : l) {
                s = s.add(asNumber(v, "element"));
            }
            return Value.number(s);
        });
        r.add("setunion", 1, -1, false, (a, c) -> {
            List<Value> out = new ArrayList<>();
            for (Value v : a) {
                out.addAll(asList(v, "argument"));
            }
            return Value.set(out);
        });
        r.add("setintersection", 1, -1, false, (a, c) -> {
            List<Value> out = new ArrayList<>(asList(a.get(0), "argument"));
            for (int i = 1; i < a.size(); i++) {
                out.retainAll(asList(a.get(i), "argument"));
            }
            return Value.set(out);
        });
        r.add("setsubtract", 2, 2, false, (a, c) -> {
            List<Value> out = new ArrayList<>(asList(a.get(0), "argument"));
            out.removeAll(asList(a.get(1), "argument"));
            return Value.set(out);
        });
        r.add("chunklist", 2, 2, true, (a, c) -> {
            List<Value> l = asList(a.get(0), "first argument");
            int size = asInt(a.get(1), "chunk size");
            if (size < 0) {
                throw new EvalException("chunk size must not be negative");
            }
            List<Value> out = new ArrayList<>();
            if (size == 0) {
                out.add(Value.list(l));
                return Value.list(out);
            }
            for (int i = 0; i < l.size(); i += size) {
                out.add(Value.list(l.subList(i, Math.min(l.size(), i + size))));
            }
            return Value.list(out);
        });
        r.add("matchkeys", 3, 3, false, (a, c) -> {
            List<Value> vals = asList(a.get(0), "values");
            List<Value> keys = asList(a.get(1), "keys");
            List<Value> search = asList(a.get(2), "search set");
            if (vals.size() != keys.size()) {
                throw new EvalException("the values and keys lists must have the same length");
            }
            List<Value> out = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                if (search.contains(keys.get(i))) {
                    out.add(vals.get(i));
                }
            }
            return Value.list(out);
        });
        r.add("transpose", 1, 1, false, (a, c) -> {
            Map<String, List<Value>> out = new LinkedHashMap<>();
            for (Map.Entry<String, Value> e : asMap(a.get(0), "argument").entrySet()) {
                for (Value v : asList(e.getValue(), "element")) {
                    out.computeIfAbsent(asString(v, "element"), k -> new ArrayList<>()).add(Value.string(e.getKey()));
                }
            }
            Map<String, Value> res = new LinkedHashMap<>();
            out.forEach((k, v) -> res.put(k, Value.list(v)));
            return Value.map(res);
        });
    }

    static List<Value> flatten(List<Value> items) {
        List<Value> out = new ArrayList<>();
        for (Value v : items) {
            if (v instanceof ListValue l) {
                for (Value x : flatten(l.items())) {
                    out.add(x.mark(v.sensitive()));
                }
            } else {
                if (!v.isKnown()) {
                    out.add(v);
                } else {
                    out.add(v);
                }
            }
        }
        return out;
    }

    static boolean isNumber(Value v) {
        return v instanceof NumberValue;
    }
}
