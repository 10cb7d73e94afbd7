package dev.cloudshift.hcl.eval;

import dev.cloudshift.hcl.HclDiagnostic;
import dev.cloudshift.hcl.ast.BinaryExpr;
import dev.cloudshift.hcl.ast.ConditionalExpr;
import dev.cloudshift.hcl.ast.Expr;
import dev.cloudshift.hcl.ast.ForExpr;
import dev.cloudshift.hcl.ast.FunctionCallExpr;
import dev.cloudshift.hcl.ast.GetAttrExpr;
import dev.cloudshift.hcl.ast.IndexExpr;
import dev.cloudshift.hcl.ast.LiteralExpr;
import dev.cloudshift.hcl.ast.ObjectExpr;
import dev.cloudshift.hcl.ast.ObjectItem;
import dev.cloudshift.hcl.ast.ParenExpr;
import dev.cloudshift.hcl.ast.SplatExpr;
import dev.cloudshift.hcl.ast.SplatItemExpr;
import dev.cloudshift.hcl.ast.TemplateExpr;
import dev.cloudshift.hcl.ast.TemplateForExpr;
import dev.cloudshift.hcl.ast.TemplateIfExpr;
import dev.cloudshift.hcl.ast.TemplateWrapExpr;
import dev.cloudshift.hcl.ast.TupleExpr;
import dev.cloudshift.hcl.ast.UnaryExpr;
import dev.cloudshift.hcl.ast.UnaryOperator;
import dev.cloudshift.hcl.ast.VariableExpr;
import dev.cloudshift.hcl.function.FunctionContext;
import dev.cloudshift.hcl.function.FunctionLibrary;
import dev.cloudshift.hcl.function.HclFunction;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates expressions against a {@link Scope}. Never throws: problems become diagnostics at the failing
 * expression's position and the value becomes an unknown carrying the expression text. Unknowns and the
 * sensitive mark propagate through every operation.
 */
public final class Evaluator {
    private static final int MAX_TEMPLATE_DEPTH = 16;

    private final FunctionLibrary functions;
    private final Path baseDir;
    private List<HclDiagnostic> diagnostics;
    private final Map<SplatItemExpr, Value> splatItems = new IdentityHashMap<>();
    private int templateDepth;

    public Evaluator(FunctionLibrary functions, Path baseDir, List<HclDiagnostic> diagnostics) {
        this.functions = functions;
        this.baseDir = baseDir;
        this.diagnostics = diagnostics;
    }

    /** An evaluator with the standard function library, no base directory, collecting into a new list. */
    public static Evaluator standard() {
        return new Evaluator(FunctionLibrary.standard(), null, new ArrayList<>());
    }

    public List<HclDiagnostic> diagnostics() {
        return diagnostics;
    }

    public Path baseDir() {
        return baseDir;
    }

    public FunctionLibrary functions() {
        return functions;
    }

    /** Evaluates an expression; never throws. */
    public Value evaluate(Expr e, Scope scope) {
        if (e == null) {
            return Value.NULL;
        }
        try {
            return eval(e, scope);
        } catch (RuntimeException | StackOverflowError ex) {
            diagnostics.add(new HclDiagnostic(e.position(), "could not evaluate this expression ("
                    + ex.getClass().getSimpleName() + ")"));
            return Value.unknown(e.text());
        }
    }

    /** Evaluates a template body (templatefile) with nesting bounded. */
    public Value evaluateTemplate(Expr template, Scope scope) {
        if (templateDepth >= MAX_TEMPLATE_DEPTH) {
            throw new EvalException("templates nested more than " + MAX_TEMPLATE_DEPTH + " levels deep");
        }
        templateDepth++;
        try {
            return evaluate(template, scope);
        } finally {
            templateDepth--;
        }
    }

    private Value eval(Expr e, Scope scope) {
        try {
            return evalNode(e, scope);
        } catch (EvalException ex) {
            diagnostics.add(new HclDiagnostic(e.position(), ex.getMessage()));
            return Value.unknown(e.text());
        }
    }

    private Value evalNode(Expr e, Scope scope) {
        if (e instanceof LiteralExpr lit) {
            return literal(lit.value());
        }
        if (e instanceof VariableExpr v) {
            Value val = scope.lookup(v.name());
            if (val == null) {
                throw new EvalException("undefined name \"" + v.name() + "\"");
            }
            return val;
        }
        if (e instanceof GetAttrExpr g) {
            return getAttr(g, eval(g.object(), scope));
        }
        if (e instanceof IndexExpr ix) {
            return index(ix, eval(ix.collection(), scope), eval(ix.key(), scope));
        }
        if (e instanceof TemplateWrapExpr w) {
            return eval(w.wrapped(), scope);
        }
        if (e instanceof TemplateExpr t) {
            return template(t, scope);
        }
        if (e instanceof ParenExpr p) {
            return eval(p.inner(), scope);
        }
        if (e instanceof BinaryExpr b) {
            return binary(b, scope);
        }
        if (e instanceof UnaryExpr u) {
            return unary(u, eval(u.operand(), scope));
        }
        if (e instanceof ConditionalExpr c) {
            Value cond = eval(c.condition(), scope);
            if (!cond.isKnown()) {
                return Value.unknown(c.text()).mark(cond.sensitive());
            }
            boolean b = Conversions.asBool(cond, "condition");
            return eval(b ? c.then() : c.otherwise(), scope).mark(cond.sensitive());
        }
        if (e instanceof TupleExpr t) {
            List<Value> items = new ArrayList<>(t.items().size());
            for (Expr item : t.items()) {
                items.add(eval(item, scope));
            }
            return Value.tuple(items);
        }
        if (e instanceof ObjectExpr o) {
            return object(o, scope);
        }
        if (e instanceof FunctionCallExpr f) {
            return call(f, scope);
        }
        if (e instanceof ForExpr f) {
            return forExpr(f, scope);
        }
        if (e instanceof SplatExpr s) {
            return splat(s, scope);
        }
        if (e instanceof SplatItemExpr item) {
            Value v = splatItems.get(item);
            if (v == null) {
                throw new EvalException("splat element used outside its splat");
            }
            return v;
        }
        if (e instanceof TemplateIfExpr ti) {
            Value cond = eval(ti.condition(), scope);
            if (!cond.isKnown()) {
                return Value.unknown(ti.text()).mark(cond.sensitive());
            }
            if (Conversions.asBool(cond, "%{if} condition")) {
                return template(ti.then(), scope).mark(cond.sensitive());
            }
            return ti.otherwise() == null ? Value.string("").mark(cond.sensitive())
                    : template(ti.otherwise(), scope).mark(cond.sensitive());
        }
        if (e instanceof TemplateForExpr tf) {
            return templateFor(tf, scope);
        }
        throw new EvalException("unsupported expression");
    }

    /** Names an expression in a message by its source text (never by its value), shortened. */
    private static String describe(Expr e) {
        String t = e.text().replaceAll("\\s+", " ");
        if (t.length() > 60 || t.isEmpty()) {
            return "this value";
        }
        return t;
    }

    static Value literal(Object o) {
        if (o == null) {
            return Value.NULL;
        }
        if (o instanceof String s) {
            return Value.string(s);
        }
        if (o instanceof BigDecimal d) {
            return Value.number(d);
        }
        if (o instanceof Boolean b) {
            return Value.bool(b);
        }
        return Value.fromJava(o);
    }

    private Value getAttr(GetAttrExpr g, Value base) {
        if (!base.isKnown()) {
            return Value.unknown(g.text()).mark(base.sensitive());
        }
        if (base instanceof ObjectValue o) {
            Value v = o.get(g.name());
            if (v == null) {
                if (o.isOpen()) {
                    return Value.unknown(o.address() != null ? o.address() + "." + g.name() : g.text())
                            .mark(base.sensitive());
                }
                throw new EvalException(describe(g.object()) + " has no attribute named \"" + g.name() + "\"");
            }
            return v.mark(base.sensitive());
        }
        if (base.isNull()) {
            throw new EvalException("cannot read attribute \"" + g.name() + "\" of null");
        }
        if (base instanceof ListValue) {
            throw new EvalException("cannot read attribute \"" + g.name() + "\" of a " + base.typeName()
                    + "; use [*]." + g.name() + " or an index");
        }
        throw new EvalException("cannot read attribute \"" + g.name() + "\" of a " + base.typeName());
    }

    private Value index(IndexExpr ix, Value coll, Value key) {
        boolean mark = coll.sensitive() || key.sensitive();
        if (!coll.isKnown() || !key.isKnown()) {
            return Value.unknown(ix.text()).mark(mark);
        }
        if (coll instanceof ListValue l) {
            if (l.kind() == ListValue.Kind.SET) {
                throw new EvalException("cannot index a set; convert it with tolist() first");
            }
            int i = Conversions.asInt(key, "index");
            if (i < 0 || i >= l.size()) {
                throw new EvalException("index " + i + " is out of range for a " + l.typeName() + " of "
                        + l.size() + " elements");
            }
            return l.items().get(i).mark(mark);
        }
        if (coll instanceof ObjectValue o) {
            String k = Conversions.asString(key, "key");
            Value v = o.get(k);
            if (v == null) {
                if (o.isOpen()) {
                    return Value.unknown(ix.text()).mark(mark);
                }
                throw new EvalException(describe(ix.collection()) + " has no element for the given key");
            }
            return v.mark(mark);
        }
        if (coll.isNull()) {
            throw new EvalException("cannot index null");
        }
        throw new EvalException("cannot index a " + coll.typeName());
    }

    private Value template(TemplateExpr t, Scope scope) {
        StringBuilder sb = new StringBuilder();
        StringBuilder rendered = null;
        boolean sensitive = false;
        for (Expr part : t.parts()) {
            if (part instanceof LiteralExpr lit && lit.value() instanceof String str) {
                sb.append(str);
                if (rendered != null) {
                    rendered.append(str);
                }
                continue;
            }
            Value v = eval(part, scope);
            sensitive |= v.isDeepSensitive();
            if (!v.isKnown()) {
                if (rendered == null) {
                    rendered = new StringBuilder(sb);
                }
                rendered.append(((UnknownValue) v).rendered());
                continue;
            }
            String s = templatePart(v);
            sb.append(s);
            if (rendered != null) {
                rendered.append(s);
            }
        }
        if (rendered != null) {
            return UnknownValue.template(t.text(), rendered.toString()).mark(sensitive);
        }
        return Value.string(sb.toString()).mark(sensitive);
    }

    private static String templatePart(Value v) {
        if (v.isNull()) {
            throw new EvalException("cannot include null in a string template");
        }
        if (v instanceof ListValue || v instanceof ObjectValue) {
            throw new EvalException("cannot include a " + v.typeName()
                    + " in a string template; use jsonencode() or join()");
        }
        return Conversions.asString(v, "template");
    }

    private Value templateFor(TemplateForExpr tf, Scope scope) {
        Value coll = eval(tf.collection(), scope);
        if (!coll.isWhollyKnown()) {
            return Value.unknown(tf.text()).mark(coll.isDeepSensitive());
        }
        StringBuilder sb = new StringBuilder();
        boolean sensitive = coll.sensitive();
        for (Map.Entry<Value, Value> kv : iterate(coll)) {
            Scope child = scope.with(tf.valueVar(), kv.getValue());
            if (tf.keyVar() != null) {
                child = child.with(tf.keyVar(), kv.getKey());
            }
            Value body = template(tf.body(), child);
            if (!body.isKnown()) {
                return Value.unknown(tf.text()).mark(sensitive || body.sensitive());
            }
            sensitive |= body.sensitive();
            sb.append(((StringValue) body.withSensitive(false)).value());
        }
        return Value.string(sb.toString()).mark(sensitive);
    }

    private static List<Map.Entry<Value, Value>> iterate(Value coll) {
        List<Map.Entry<Value, Value>> out = new ArrayList<>();
        if (coll instanceof ListValue l) {
            int i = 0;
            for (Value v : l.items()) {
                out.add(Map.entry(l.kind() == ListValue.Kind.SET ? v : Value.number(i), v));
                i++;
            }
            return out;
        }
        if (coll instanceof ObjectValue o) {
            for (Map.Entry<String, Value> e : o.attributes().entrySet()) {
                out.add(Map.entry(Value.string(e.getKey()), e.getValue()));
            }
            return out;
        }
        if (coll.isNull()) {
            throw new EvalException("cannot iterate over null");
        }
        throw new EvalException("cannot iterate over a " + coll.typeName());
    }

    private Value object(ObjectExpr o, Scope scope) {
        Map<String, Value> attrs = new LinkedHashMap<>();
        boolean mark = false;
        for (ObjectItem item : o.items()) {
            Value k = eval(item.key(), scope);
            if (!k.isKnown()) {
                return Value.unknown(o.text());
            }
            if (k.isNull()) {
                throw new EvalException("object key must not be null");
            }
            mark |= k.sensitive();
            attrs.put(Conversions.asString(k, "object key"), eval(item.value(), scope));
        }
        return Value.object(attrs).mark(mark);
    }

    private Value forExpr(ForExpr f, Scope scope) {
        Value coll = eval(f.collection(), scope);
        if (!coll.isKnown()) {
            return Value.unknown(f.text()).mark(coll.sensitive());
        }
        List<Value> tuple = f.keyExpr() == null ? new ArrayList<>() : null;
        Map<String, Value> obj = f.keyExpr() != null && !f.grouping() ? new LinkedHashMap<>() : null;
        Map<String, List<Value>> groups = f.grouping() ? new LinkedHashMap<>() : null;
        for (Map.Entry<Value, Value> kv : iterate(coll)) {
            Scope child = scope.with(f.valueVar(), kv.getValue());
            if (f.keyVar() != null) {
                child = child.with(f.keyVar(), kv.getKey());
            }
            if (f.condition() != null) {
                Value c = eval(f.condition(), child);
                if (!c.isKnown()) {
                    return Value.unknown(f.text()).mark(coll.sensitive());
                }
                if (!Conversions.asBool(c, "for expression condition")) {
                    continue;
                }
            }
            if (tuple != null) {
                tuple.add(eval(f.valueExpr(), child));
                continue;
            }
            Value k = eval(f.keyExpr(), child);
            if (!k.isKnown()) {
                return Value.unknown(f.text()).mark(coll.sensitive());
            }
            String key = Conversions.asString(k, "for expression key");
            Value v = eval(f.valueExpr(), child);
            if (groups != null) {
                groups.computeIfAbsent(key, x -> new ArrayList<>()).add(v);
            } else {
                if (obj.containsKey(key)) {
                    throw new EvalException("duplicate key in the for expression's result; add '...' after the"
                            + " value to group values by key");
                }
                obj.put(key, v);
            }
        }
        if (tuple != null) {
            return Value.tuple(tuple).mark(coll.sensitive());
        }
        if (groups != null) {
            Map<String, Value> out = new LinkedHashMap<>();
            groups.forEach((k, v) -> out.put(k, Value.tuple(v)));
            return Value.object(out).mark(coll.sensitive());
        }
        return Value.object(obj).mark(coll.sensitive());
    }

    private Value splat(SplatExpr s, Scope scope) {
        Value src = eval(s.source(), scope);
        if (!src.isKnown()) {
            return Value.unknown(s.text()).mark(src.sensitive());
        }
        if (src.isNull()) {
            return Value.tuple(List.of());
        }
        List<Value> items = src instanceof ListValue l ? l.items() : List.of(src);
        List<Value> out = new ArrayList<>(items.size());
        for (Value item : items) {
            Value prev = splatItems.put(s.item(), item);
            try {
                Value v = eval(s.each(), scope);
                if (!v.isWhollyKnown()) {
                    return Value.unknown(s.text()).mark(src.isDeepSensitive());
                }
                out.add(v);
            } finally {
                if (prev == null) {
                    splatItems.remove(s.item());
                } else {
                    splatItems.put(s.item(), prev);
                }
            }
        }
        Value result = src instanceof ListValue l && l.kind() == ListValue.Kind.LIST ? Value.list(out)
                : src instanceof ListValue l2 && l2.kind() == ListValue.Kind.SET ? Value.set(out) : Value.tuple(out);
        return result.mark(src.sensitive());
    }

    private Value binary(BinaryExpr b, Scope scope) {
        Value l = eval(b.left(), scope);
        switch (b.op()) {
            case AND, OR -> {
                boolean isAnd = b.op() == dev.cloudshift.hcl.ast.BinaryOperator.AND;
                if (l.isKnown() && !l.isNull()) {
                    boolean lv = Conversions.asBool(l, "left operand of " + b.op().symbol());
                    if (isAnd && !lv) {
                        return Value.FALSE.mark(l.sensitive());
                    }
                    if (!isAnd && lv) {
                        return Value.TRUE.mark(l.sensitive());
                    }
                }
                Value r = eval(b.right(), scope);
                boolean mark = l.sensitive() || r.sensitive();
                if (!l.isKnown() || !r.isKnown()) {
                    return Value.unknown(b.text()).mark(mark);
                }
                Conversions.asBool(l, "left operand of " + b.op().symbol());
                return Value.bool(Conversions.asBool(r, "right operand of " + b.op().symbol())).mark(mark);
            }
            default -> {
            }
        }
        Value r = eval(b.right(), scope);
        boolean mark = l.isDeepSensitive() || r.isDeepSensitive();
        if (!l.isWhollyKnown() || !r.isWhollyKnown()) {
            return Value.unknown(b.text()).mark(mark);
        }
        switch (b.op()) {
            case EQUAL:
                return Value.bool(Conversions.equal(l, r)).mark(mark);
            case NOT_EQUAL:
                return Value.bool(!Conversions.equal(l, r)).mark(mark);
            default:
                break;
        }
        String sym = b.op().symbol();
        BigDecimal x = Conversions.asNumber(l, "left operand of " + sym);
        BigDecimal y = Conversions.asNumber(r, "right operand of " + sym);
        Value result = switch (b.op()) {
            case ADD -> Value.number(x.add(y));
            case SUBTRACT -> Value.number(x.subtract(y));
            case MULTIPLY -> Value.number(x.multiply(y, MathContext.DECIMAL128));
            case DIVIDE -> {
                if (y.signum() == 0) {
                    throw new EvalException("division by zero");
                }
                yield Value.number(x.divide(y, MathContext.DECIMAL128));
            }
            case MODULO -> {
                if (y.signum() == 0) {
                    throw new EvalException("modulo by zero");
                }
                yield Value.number(x.remainder(y, MathContext.DECIMAL128));
            }
            case LESS -> Value.bool(x.compareTo(y) < 0);
            case LESS_OR_EQUAL -> Value.bool(x.compareTo(y) <= 0);
            case GREATER -> Value.bool(x.compareTo(y) > 0);
            case GREATER_OR_EQUAL -> Value.bool(x.compareTo(y) >= 0);
            default -> throw new EvalException("unsupported operator " + sym);
        };
        return result.mark(mark);
    }

    private Value unary(UnaryExpr u, Value v) {
        if (!v.isKnown()) {
            return Value.unknown(u.text()).mark(v.sensitive());
        }
        if (u.op() == UnaryOperator.NOT) {
            return Value.bool(!Conversions.asBool(v, "operand of !")).mark(v.sensitive());
        }
        return Value.number(Conversions.asNumber(v, "operand of -").negate()).mark(v.sensitive());
    }

    private Value call(FunctionCallExpr f, Scope scope) {
        String name = f.name();
        if (name.equals("try")) {
            return tryCall(f, scope);
        }
        if (name.equals("can")) {
            return canCall(f, scope);
        }
        HclFunction fn = functions.get(name);
        if (fn == null && name.startsWith("provider::")) {
            // provider-defined functions run inside the provider plugin: not knowable here
            return Value.unknown(f.text());
        }
        if (fn == null) {
            throw new EvalException("there is no function named \"" + name + "\"");
        }
        List<Value> args = new ArrayList<>(f.args().size());
        for (Expr a : f.args()) {
            args.add(eval(a, scope));
        }
        if (f.expandFinal() && !args.isEmpty()) {
            Value last = args.remove(args.size() - 1);
            if (!last.isKnown()) {
                return Value.unknown(f.text()).mark(last.sensitive());
            }
            if (!(last instanceof ListValue lv)) {
                throw new EvalException(name + "(): the argument before '...' must be a list, found a " + last.typeName());
            }
            for (Value v : lv.items()) {
                args.add(v.mark(last.sensitive()));
            }
        }
        if (args.size() < fn.minArgs() || (fn.maxArgs() >= 0 && args.size() > fn.maxArgs())) {
            String expected = fn.maxArgs() < 0 ? "at least " + fn.minArgs()
                    : fn.minArgs() == fn.maxArgs() ? String.valueOf(fn.minArgs()) : fn.minArgs() + " to " + fn.maxArgs();
            throw new EvalException(name + "(): expected " + expected + " argument" + (expected.equals("1") ? "" : "s")
                    + ", found " + args.size());
        }
        boolean deepSensitive = false;
        boolean topSensitive = false;
        for (Value a : args) {
            topSensitive |= a.sensitive();
            deepSensitive |= a.isDeepSensitive();
            if (!a.isKnown() || (!fn.acceptsPartiallyUnknown() && !a.isWhollyKnown())) {
                return Value.unknown(f.text()).mark(deepSensitive || a.isDeepSensitive() || name.equals("sensitive"));
            }
        }
        Value result;
        try {
            result = fn.call(args, new FunctionContext(this, f));
        } catch (EvalException ex) {
            throw new EvalException(name + "(): " + ex.getMessage());
        } catch (ArithmeticException | IllegalArgumentException | IndexOutOfBoundsException ex) {
            throw new EvalException(name + "(): invalid arguments");
        }
        if (result instanceof UnknownValue u && u.expression().isEmpty()) {
            result = Value.unknown(f.text());
        }
        return result.mark(fn.acceptsPartiallyUnknown() ? topSensitive : deepSensitive);
    }

    private Value tryCall(FunctionCallExpr f, Scope scope) {
        if (f.args().isEmpty()) {
            throw new EvalException("try(): expected at least 1 argument");
        }
        List<HclDiagnostic> outer = diagnostics;
        try {
            for (Expr a : f.args()) {
                diagnostics = new ArrayList<>();
                Value v = eval(a, scope);
                if (diagnostics.isEmpty()) {
                    if (!v.isKnown()) {
                        return Value.unknown(f.text()).mark(v.sensitive());
                    }
                    return v;
                }
            }
        } finally {
            diagnostics = outer;
        }
        throw new EvalException("try(): none of the expressions could be evaluated without an error");
    }

    private Value canCall(FunctionCallExpr f, Scope scope) {
        if (f.args().size() != 1) {
            throw new EvalException("can(): expected 1 argument, found " + f.args().size());
        }
        List<HclDiagnostic> outer = diagnostics;
        diagnostics = new ArrayList<>();
        try {
            Value v = eval(f.args().get(0), scope);
            if (!diagnostics.isEmpty()) {
                return Value.FALSE;
            }
            if (!v.isWhollyKnown()) {
                return Value.unknown(f.text());
            }
            return Value.TRUE;
        } finally {
            diagnostics = outer;
        }
    }
}
