package dev.cloudshift.core.ingest.terraform;

import dev.cloudshift.hcl.ast.Expr;
import dev.cloudshift.hcl.ast.FunctionCallExpr;
import dev.cloudshift.hcl.ast.LiteralExpr;
import dev.cloudshift.hcl.ast.ObjectExpr;
import dev.cloudshift.hcl.ast.ObjectItem;
import dev.cloudshift.hcl.ast.VariableExpr;
import dev.cloudshift.hcl.eval.BoolValue;
import dev.cloudshift.hcl.eval.Evaluator;
import dev.cloudshift.hcl.eval.ListValue;
import dev.cloudshift.hcl.eval.NumberValue;
import dev.cloudshift.hcl.eval.ObjectValue;
import dev.cloudshift.hcl.eval.Scope;
import dev.cloudshift.hcl.eval.StringValue;
import dev.cloudshift.hcl.eval.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a variable's {@code type} constraint the way Terraform converts values: number/bool from strings,
 * string from numbers and bools, list/set/map/tuple kinds, element types, and {@code optional(type, default)}
 * object attributes filled in when absent or null. Lenient: a value that does not convert is kept as given
 * (the planner reads what it can), and attributes the type does not name are kept.
 */
final class TypeConstraint {
    private static final int MAX_DEPTH = 32;

    private TypeConstraint() {
    }

    static Value convert(Expr type, Value v, Evaluator evaluator) {
        return convert(type, v, evaluator, 0);
    }

    private static Value convert(Expr type, Value v, Evaluator evaluator, int depth) {
        if (type == null || v == null || !v.isKnown() || v.isNull() || depth > MAX_DEPTH) {
            return v;
        }
        boolean mark = v.sensitive();
        Value out = v;
        if (type instanceof VariableExpr ve) {
            out = primitive(ve.name(), v);
        } else if (type instanceof FunctionCallExpr call && call.args().size() == 1) {
            Expr arg = call.args().get(0);
            switch (call.name()) {
                case "list", "set" -> {
                    if (v instanceof ListValue l) {
                        List<Value> items = new ArrayList<>();
                        for (Value x : l.items()) {
                            items.add(convert(arg, x, evaluator, depth + 1));
                        }
                        out = call.name().equals("list") ? Value.list(items) : Value.set(items);
                    }
                }
                case "map" -> {
                    if (v instanceof ObjectValue o) {
                        Map<String, Value> m = new LinkedHashMap<>();
                        o.attributes().forEach((k, x) -> m.put(k, convert(arg, x, evaluator, depth + 1)));
                        out = Value.map(m);
                    }
                }
                case "tuple" -> {
                    if (v instanceof ListValue l && arg instanceof dev.cloudshift.hcl.ast.TupleExpr t) {
                        List<Value> items = new ArrayList<>();
                        for (int i = 0; i < l.size(); i++) {
                            items.add(i < t.items().size() ? convert(t.items().get(i), l.items().get(i), evaluator, depth + 1)
                                    : l.items().get(i));
                        }
                        out = Value.tuple(items);
                    }
                }
                case "object" -> {
                    if (v instanceof ObjectValue o && arg instanceof ObjectExpr spec) {
                        out = object(spec, o, evaluator, depth);
                    }
                }
                default -> {
                }
            }
        }
        return out.mark(mark);
    }

    private static Value object(ObjectExpr spec, ObjectValue o, Evaluator evaluator, int depth) {
        Map<String, Value> m = new LinkedHashMap<>(o.attributes());
        for (ObjectItem item : spec.items()) {
            if (!(item.key() instanceof LiteralExpr lit) || !(lit.value() instanceof String name)) {
                continue;
            }
            Expr attrType = item.value();
            Value given = m.get(name);
            if (attrType instanceof FunctionCallExpr opt && opt.name().equals("optional") && !opt.args().isEmpty()) {
                Expr inner = opt.args().get(0);
                if (given == null || given.isNull()) {
                    Value dflt = opt.args().size() > 1 ? evaluator.evaluate(opt.args().get(1), Scope.EMPTY) : Value.NULL;
                    m.put(name, convert(inner, dflt, evaluator, depth + 1));
                } else {
                    m.put(name, convert(inner, given, evaluator, depth + 1));
                }
            } else if (given != null) {
                m.put(name, convert(attrType, given, evaluator, depth + 1));
            }
        }
        return Value.object(m);
    }

    private static Value primitive(String type, Value v) {
        switch (type) {
            case "string":
                return v instanceof NumberValue n ? Value.string(NumberValue.format(n.value()))
                        : v instanceof BoolValue b ? Value.string(Boolean.toString(b.value())) : v;
            case "number":
                if (v instanceof StringValue s) {
                    try {
                        return Value.number(new BigDecimal(s.value().trim()));
                    } catch (NumberFormatException e) {
                        return v;
                    }
                }
                return v;
            case "bool":
                return v instanceof StringValue s && (s.value().equals("true") || s.value().equals("false"))
                        ? Value.bool(Boolean.parseBoolean(s.value())) : v;
            default:
                return v;
        }
    }
}
