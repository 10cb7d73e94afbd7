package dev.cloudshift.core.ingest.terraform;

import dev.cloudshift.core.model.Resource;
import dev.cloudshift.core.model.SourcePosition;
import dev.cloudshift.hcl.Position;
import dev.cloudshift.hcl.ast.Attribute;
import dev.cloudshift.hcl.ast.Block;
import dev.cloudshift.hcl.ast.Body;
import dev.cloudshift.hcl.ast.Expr;
import dev.cloudshift.hcl.ast.LiteralExpr;
import dev.cloudshift.hcl.ast.Traversal;
import dev.cloudshift.hcl.ast.TraversalCollector;
import dev.cloudshift.hcl.ast.VariableExpr;
import dev.cloudshift.hcl.eval.ListValue;
import dev.cloudshift.hcl.eval.NumberValue;
import dev.cloudshift.hcl.eval.ObjectValue;
import dev.cloudshift.hcl.eval.Scope;
import dev.cloudshift.hcl.eval.StringValue;
import dev.cloudshift.hcl.eval.UnknownValue;
import dev.cloudshift.hcl.eval.Value;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates one instance of a module: variables from its inputs, locals, resources and data sources
 * (count/for_each expanded, dynamic blocks expanded), child module calls (local sources followed, remote
 * ones recorded as unresolved) and outputs, in dependency order. Tracks, for every value, the resource
 * addresses it was derived from, so each resource gets its dependsOn.
 */
final class ModuleEvaluator {
    static final int MAX_MODULE_DEPTH = 32;
    private static final Set<String> RESOURCE_META = Set.of("count", "for_each", "depends_on", "provider", "providers");
    private static final Set<String> RESOURCE_META_BLOCKS = Set.of("lifecycle", "provisioner", "connection");
    private static final Set<String> MODULE_META = Set.of("source", "version", "count", "for_each", "providers", "depends_on");

    /** What a module instance gives its caller. */
    record Result(Map<String, Value> outputs, Map<String, Set<String>> outputDeps, List<Resource> resources) {
    }

    /** One count/for_each instance: address suffix and the names it binds (count or each). */
    private record Instance(String suffix, Map<String, Value> bindings, Value key) {
    }

    private final EvaluationContext ctx;
    private final ModuleDefinition def;
    private final String prefix;
    private final Map<String, Value> inputs;
    private final Map<String, Set<String>> inputDeps;
    private final int depth;
    private final boolean root;

    private Value varObject;
    private final Map<String, Value> variableValues = new LinkedHashMap<>();
    private final Map<String, Value> locals = new HashMap<>();
    private final Map<String, Set<String>> localDeps = new HashMap<>();
    private final Map<String, Value> resourceValues = new HashMap<>();
    private final Map<String, Value> moduleValues = new HashMap<>();
    private final Map<String, Map<String, Set<String>>> moduleOutputDeps = new HashMap<>();
    private final Map<String, Value> outputs = new LinkedHashMap<>();
    private final Map<String, Set<String>> outputDeps = new LinkedHashMap<>();
    private List<Resource> resources = new ArrayList<>();
    private final Map<String, List<Resource>> resourcesByNode = new HashMap<>();
    private Value pathObject;
    private Value terraformObject;

    ModuleEvaluator(EvaluationContext ctx, ModuleDefinition def, String prefix, Map<String, Value> inputs,
                    Map<String, Set<String>> inputDeps, int depth, boolean root) {
        this.ctx = ctx;
        this.def = def;
        this.prefix = prefix;
        this.inputs = inputs;
        this.inputDeps = inputDeps;
        this.depth = depth;
        this.root = root;
    }

    Map<String, Value> variableValues() {
        return variableValues;
    }

    Result run() {
        String modulePath = ModuleDefinition.displayName(ctx.root, def.dir);
        pathObject = Value.object(Map.of(
                "module", Value.string(modulePath.isEmpty() ? "." : modulePath),
                "root", Value.string("."),
                "cwd", Value.string(".")));
        terraformObject = Value.object(Map.of("workspace", Value.string(ctx.environment)));
        evaluateVariables();
        for (ModuleDefinition.Node node : def.order) {
            resources = resourcesByNode.computeIfAbsent(node.key(), k -> new ArrayList<>());
            switch (node.kind()) {
                case LOCAL -> evaluateLocal(node);
                case RESOURCE, DATA -> evaluateResource(node);
                case MODULE -> evaluateModule(node);
                case OUTPUT -> evaluateOutput(node);
                default -> {
                }
            }
        }
        // report in declaration order (files by name, then source order), whatever the evaluation order was
        List<Resource> ordered = new ArrayList<>();
        for (String key : def.nodes.keySet()) {
            ordered.addAll(resourcesByNode.getOrDefault(key, List.of()));
        }
        return new Result(outputs, outputDeps, ordered);
    }

    // ------------------------------------------------------------------ variables

    private void evaluateVariables() {
        for (Map.Entry<String, Block> e : def.variables.entrySet()) {
            String name = e.getKey();
            Body body = e.getValue().body();
            Attribute defAttr = body.attribute("default");
            Value dflt = defAttr == null ? null : ctx.evaluator.evaluate(defAttr.expr(), Scope.EMPTY);
            boolean sensitive = staticBool(body.attribute("sensitive"), false);
            boolean nullable = staticBool(body.attribute("nullable"), true);
            Value v = inputs.get(name);
            if (v == null || (v.isNull() && !nullable)) {
                v = dflt;
            }
            if (v == null) {
                Position p = e.getValue().position();
                if (root) {
                    ctx.warn(p, "variable \"" + name + "\" has no default and no value in environment \""
                            + ctx.environment + "\"; it is left unknown");
                } else {
                    ctx.warn(p, "variable \"" + name + "\" of module " + trimDot(prefix)
                            + " has no default and is not set by the caller; it is left unknown");
                }
                v = Value.unknown("var." + name);
            }
            Attribute type = body.attribute("type");
            if (type != null) {
                v = TypeConstraint.convert(type.expr(), v, ctx.evaluator);
            }
            if (sensitive || SecretNames.isSecretName(name)) {
                v = v.withSensitive(true);
            } else {
                v = SecretNames.markSecretEntries(v);
            }
            ctx.rememberSecrets(v, false);
            variableValues.put(name, v);
        }
        varObject = Value.object(variableValues);
    }

    private boolean staticBool(Attribute a, boolean dflt) {
        if (a == null) {
            return dflt;
        }
        Value v = ctx.evaluator.evaluate(a.expr(), Scope.EMPTY);
        if (v instanceof dev.cloudshift.hcl.eval.BoolValue b) {
            return b.value();
        }
        return dflt;
    }

    // ------------------------------------------------------------------ locals and outputs

    private void evaluateLocal(ModuleDefinition.Node node) {
        Scope scope = scopeFor(node.refs(), null);
        Value v = ctx.evaluator.evaluate(node.attribute().expr(), scope);
        locals.put(node.name(), v);
        localDeps.put(node.name(), deps(node.refs(), scope, null));
    }

    private void evaluateOutput(ModuleDefinition.Node node) {
        Attribute value = node.block().body().attribute("value");
        if (value == null) {
            ctx.warn(node.block().position(), "output \"" + node.name() + "\" has no value");
            return;
        }
        Scope scope = scopeFor(node.refs(), null);
        Value v = ctx.evaluator.evaluate(value.expr(), scope);
        if (staticBool(node.block().body().attribute("sensitive"), false)) {
            v = v.withSensitive(true);
        }
        outputs.put(node.name(), v);
        outputDeps.put(node.name(), deps(TraversalCollector.collect(value.expr()), scope, null));
    }

    // ------------------------------------------------------------------ resources

    private void evaluateResource(ModuleDefinition.Node node) {
        Block block = node.block();
        boolean data = node.kind() == ModuleDefinition.Kind.DATA;
        String type = block.label(0);
        String name = block.label(1);
        String base = prefix + (data ? "data." : "") + type + "." + name;
        Scope baseScope = scopeFor(node.refs(), null);
        List<Instance> instances = instances(block, baseScope, base);
        Set<String> explicit = explicitDependsOn(block.body().attribute("depends_on"));
        Position pos = block.position();
        SourcePosition sp = new SourcePosition(pos.file(), pos.line(), pos.column());
        String provider = Resource.providerOf(type);
        Map<String, Value> byKey = new LinkedHashMap<>();
        List<Value> byIndex = new ArrayList<>();
        for (Instance inst : instances) {
            Scope scope = withBindings(baseScope, inst.bindings());
            Map<String, Object> raw = new LinkedHashMap<>();
            Map<String, Value> values = new LinkedHashMap<>();
            evaluateBody(block.body(), scope, true, raw, values);
            Set<String> dependsOn = deps(node.refs(), scope, base);
            dependsOn.addAll(explicit);
            dependsOn.remove(base + inst.suffix());
            resources.add(new Resource(base + inst.suffix(), type, provider, null, ctx.environment, Map.of(), raw,
                    new ArrayList<>(dependsOn), sp));
            Value instanceValue = ObjectValue.openDeep(values, trimPrefix(base + inst.suffix()));
            if (inst.key() instanceof StringValue sk) {
                byKey.put(sk.value(), instanceValue);
            } else if (inst.key() instanceof NumberValue) {
                byIndex.add(instanceValue);
            } else if (inst.key() == null) {
                byKey.put("", instanceValue);
            }
        }
        Value registered;
        if (block.body().attribute("count") != null) {
            registered = instances.size() == 1 && instances.get(0).key() instanceof UnknownValue
                    ? Value.unknown(trimPrefix(base)) : Value.tuple(byIndex);
        } else if (block.body().attribute("for_each") != null) {
            registered = instances.size() == 1 && instances.get(0).key() instanceof UnknownValue
                    ? Value.unknown(trimPrefix(base)) : Value.object(byKey);
        } else {
            registered = byKey.getOrDefault("", Value.unknown(trimPrefix(base)));
        }
        resourceValues.put(node.key(), registered);
    }

    private String trimPrefix(String address) {
        return address.startsWith(prefix) ? address.substring(prefix.length()) : address;
    }

    /** Expands count / for_each into instances, within the environment's instance budget. */
    private List<Instance> instances(Block block, Scope scope, String base) {
        List<Instance> all = expand(block, scope, base);
        int left = ctx.instanceBudget - ctx.instances;
        if (all.size() > left) {
            if (!ctx.budgetReported) {
                ctx.budgetReported = true;
                ctx.warn(block.position(), "more than " + ctx.instanceBudget + " resource and module "
                        + "instances in environment \"" + ctx.environment + "\"; the rest are not expanded");
            }
            all = all.subList(0, Math.max(0, left));
        }
        ctx.instances += all.size();
        return all;
    }

    /** Expands count / for_each into instances; an unknown expansion yields one instance with unknown keys. */
    private List<Instance> expand(Block block, Scope scope, String base) {
        Attribute count = block.body().attribute("count");
        Attribute forEach = block.body().attribute("for_each");
        List<Instance> out = new ArrayList<>();
        if (count != null && forEach != null) {
            ctx.warn(count.position(), "count and for_each cannot both be set on " + block.type() + " \""
                    + String.join("\" \"", block.labels()) + "\"; for_each is ignored");
        }
        if (count != null) {
            Value v = ctx.evaluator.evaluate(count.expr(), scope);
            if (!v.isKnown() || v.sensitive()) {
                ctx.warn(count.expr().position(), "count of " + trimPrefix(base) + " is not known before apply; "
                        + "it is planned as one instance");
                Value idx = Value.unknown("count.index");
                out.add(new Instance("", Map.of("count", Value.object(Map.of("index", idx))), idx));
                return out;
            }
            int n;
            if (v instanceof NumberValue nv && nv.value().signum() >= 0 && nv.value().stripTrailingZeros().scale() <= 0
                    && nv.value().compareTo(BigDecimal.valueOf(100_000)) <= 0) {
                n = nv.value().intValue();
            } else {
                ctx.warn(count.expr().position(), "count must be a whole number from 0 to 100000; "
                        + trimPrefix(base) + " is planned as one instance");
                n = 1;
            }
            for (int i = 0; i < n; i++) {
                Value idx = Value.number(i);
                out.add(new Instance("[" + i + "]", Map.of("count", Value.object(Map.of("index", idx))), idx));
            }
            return out;
        }
        if (forEach != null) {
            Value v = ctx.evaluator.evaluate(forEach.expr(), scope);
            if (v.isDeepSensitive() && !(v instanceof ObjectValue o && !o.sensitive())) {
                ctx.warn(forEach.expr().position(), "for_each of " + trimPrefix(base)
                        + " is derived from a sensitive value, so its keys cannot be shown; it is planned as one instance");
                return unknownEach(out);
            }
            if (!v.isKnown() || (v instanceof ListValue lv && !lv.isWhollyKnown())) {
                ctx.warn(forEach.expr().position(), "for_each of " + trimPrefix(base) + " is not known before apply; "
                        + "it is planned as one instance");
                return unknownEach(out);
            }
            if (v instanceof ObjectValue o) {
                for (Map.Entry<String, Value> e : o.attributes().entrySet()) {
                    Value key = Value.string(e.getKey());
                    out.add(new Instance("[" + quoteKey(e.getKey()) + "]", each(key, e.getValue()), key));
                }
                return out;
            }
            if (v instanceof ListValue l) {
                if (l.kind() != ListValue.Kind.SET) {
                    ctx.warn(forEach.expr().position(), "for_each expects a map or a set of strings, found a "
                            + l.typeName() + "; wrap it in toset()");
                }
                for (Value item : Value.set(l.items()).items()) {
                    if (!(item instanceof StringValue s)) {
                        ctx.warn(forEach.expr().position(), "for_each set elements must be strings, found a " + item.typeName());
                        continue;
                    }
                    out.add(new Instance("[" + quoteKey(s.value()) + "]", each(item, item), item));
                }
                return out;
            }
            if (v.isNull()) {
                ctx.warn(forEach.expr().position(), "for_each of " + trimPrefix(base) + " is null; no instances");
                return out;
            }
            ctx.warn(forEach.expr().position(), "for_each expects a map or a set of strings, found a " + v.typeName());
            return out;
        }
        out.add(new Instance("", Map.of(), null));
        return out;
    }

    private static List<Instance> unknownEach(List<Instance> out) {
        Value k = Value.unknown("each.key");
        out.add(new Instance("", each(k, Value.unknown("each.value")), k));
        return out;
    }

    private static Map<String, Value> each(Value key, Value value) {
        return Map.of("each", Value.object(Map.of("key", key, "value", value)));
    }

    static String quoteKey(String k) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    private static Scope withBindings(Scope base, Map<String, Value> bindings) {
        Scope s = base;
        for (Map.Entry<String, Value> e : bindings.entrySet()) {
            s = s.with(e.getKey(), e.getValue());
        }
        return s;
    }

    /** Evaluates a body into raw JSON-like values and HCL values; nested blocks become lists of maps. */
    private void evaluateBody(Body body, Scope scope, boolean topLevel, Map<String, Object> raw, Map<String, Value> values) {
        for (Attribute a : body.attributes()) {
            if (topLevel && RESOURCE_META.contains(a.name())) {
                if (a.name().equals("provider")) {
                    raw.put("provider", a.expr().text());
                }
                continue;
            }
            Value v = ctx.evaluator.evaluate(a.expr(), scope);
            if (SecretNames.isSecretName(a.name()) && SecretNames.holdsSecretText(v)) {
                v = v.withSensitive(true);
            } else {
                v = SecretNames.markSecretEntries(v);
            }
            ctx.rememberSecrets(v, false);
            values.put(a.name(), v);
            raw.put(a.name(), v.toJava());
        }
        Map<String, List<Object>> rawBlocks = new LinkedHashMap<>();
        Map<String, List<Value>> valueBlocks = new LinkedHashMap<>();
        for (Block b : body.blocks()) {
            if (topLevel && RESOURCE_META_BLOCKS.contains(b.type())) {
                continue;
            }
            if (b.type().equals("dynamic")) {
                expandDynamic(b, scope, rawBlocks, valueBlocks);
                continue;
            }
            Map<String, Object> r = new LinkedHashMap<>();
            Map<String, Value> v = new LinkedHashMap<>();
            evaluateBody(b.body(), scope, false, r, v);
            rawBlocks.computeIfAbsent(b.type(), k -> new ArrayList<>()).add(r);
            valueBlocks.computeIfAbsent(b.type(), k -> new ArrayList<>()).add(Value.object(v));
        }
        rawBlocks.forEach(raw::put);
        valueBlocks.forEach((k, list) -> values.put(k, Value.tuple(list)));
    }

    private void expandDynamic(Block b, Scope scope, Map<String, List<Object>> rawBlocks, Map<String, List<Value>> valueBlocks) {
        String label = b.label(0);
        if (label == null) {
            ctx.warn(b.position(), "a dynamic block needs a label naming the block type to generate");
            return;
        }
        Attribute forEach = b.body().attribute("for_each");
        List<Block> contents = b.body().blocks("content");
        if (forEach == null || contents.isEmpty()) {
            ctx.warn(b.position(), "dynamic \"" + label + "\" needs for_each and a content block");
            return;
        }
        String iterator = label;
        Attribute it = b.body().attribute("iterator");
        if (it != null && it.expr() instanceof VariableExpr ve) {
            iterator = ve.name();
        }
        Body content = contents.get(0).body();
        List<Object> rawList = rawBlocks.computeIfAbsent(label, k -> new ArrayList<>());
        List<Value> valueList = valueBlocks.computeIfAbsent(label, k -> new ArrayList<>());
        Value coll = ctx.evaluator.evaluate(forEach.expr(), scope);
        List<Map.Entry<Value, Value>> items = new ArrayList<>();
        if (coll instanceof ListValue l && !coll.sensitive()) {
            int i = 0;
            for (Value x : l.items()) {
                items.add(Map.entry(l.kind() == ListValue.Kind.SET ? x : Value.number(i), x));
                i++;
            }
        } else if (coll instanceof ObjectValue o && !coll.sensitive()) {
            for (Map.Entry<String, Value> e : o.attributes().entrySet()) {
                items.add(Map.entry(Value.string(e.getKey()), e.getValue()));
            }
        } else if (coll.isNull()) {
            return;
        } else {
            // not known before apply: one entry that shows the content with the iterator left unknown
            items.add(Map.entry(Value.unknown(iterator + ".key"), Value.unknown(iterator + ".value").mark(coll.sensitive())));
        }
        for (Map.Entry<Value, Value> item : items) {
            Scope s = scope.with(iterator, Value.object(Map.of("key", item.getKey(), "value", item.getValue())));
            Map<String, Object> r = new LinkedHashMap<>();
            Map<String, Value> v = new LinkedHashMap<>();
            evaluateBody(content, s, false, r, v);
            rawList.add(r);
            valueList.add(Value.object(v));
        }
    }

    private Set<String> explicitDependsOn(Attribute dependsOn) {
        Set<String> out = new LinkedHashSet<>();
        if (dependsOn == null) {
            return out;
        }
        for (Traversal t : TraversalCollector.collect(dependsOn.expr())) {
            String key = def.targetKey(t);
            if (key == null) {
                continue;
            }
            if (key.startsWith("local.")) {
                out.addAll(localDeps.getOrDefault(key.substring(6), Set.of()));
            } else {
                out.add(prefix + key);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ modules

    private void evaluateModule(ModuleDefinition.Node node) {
        Block block = node.block();
        String name = node.name();
        String base = prefix + "module." + name;
        Scope baseScope = scopeFor(node.refs(), null);
        Attribute sourceAttr = block.body().attribute("source");
        String source = sourceAttr == null ? null
                : ctx.evaluator.evaluate(sourceAttr.expr(), Scope.EMPTY) instanceof StringValue s ? s.value() : null;
        Map<String, Set<String>> outDeps = new HashMap<>();
        moduleOutputDeps.put(name, outDeps);
        if (source == null) {
            ctx.warn(block.position(), "module \"" + name + "\" has no literal source string; it is not read");
            moduleValues.put(name, ObjectValue.open(Map.of()));
            moduleOutputDeps.remove(name);
            return;
        }
        Path dir = localModuleDir(source);
        if (dir == null) {
            ctx.warn(sourceAttr.expr().position(), "module \"" + name + "\" uses the remote source \""
                    + SecretScrubber.scrub(source, List.of()) + "\": recorded as unresolved and not fetched; "
                    + "its resources are not in the inventory");
            moduleValues.put(name, ObjectValue.open(Map.of()));
            moduleOutputDeps.remove(name);
            return;
        }
        if (!Files.isDirectory(dir)) {
            ctx.warn(sourceAttr.expr().position(), "module \"" + name + "\": no directory at " + source
                    + " (relative to " + def.displayDir + ")");
            moduleValues.put(name, ObjectValue.open(Map.of()));
            moduleOutputDeps.remove(name);
            return;
        }
        if (depth >= MAX_MODULE_DEPTH) {
            ctx.warn(block.position(), "module \"" + name + "\" is nested more than " + MAX_MODULE_DEPTH
                    + " levels deep (does a module call itself?); it is not expanded");
            moduleValues.put(name, ObjectValue.open(Map.of()));
            moduleOutputDeps.remove(name);
            return;
        }
        ModuleDefinition child = ctx.modules.load(dir);
        List<Instance> instances = instances(block, baseScope, base);
        Map<String, Value> byKey = new LinkedHashMap<>();
        List<Value> byIndex = new ArrayList<>();
        Set<String> explicit = explicitDependsOn(block.body().attribute("depends_on"));
        for (Instance inst : instances) {
            Scope scope = withBindings(baseScope, inst.bindings());
            Map<String, Value> in = new LinkedHashMap<>();
            Map<String, Set<String>> inDeps = new HashMap<>();
            for (Attribute a : block.body().attributes()) {
                if (MODULE_META.contains(a.name())) {
                    continue;
                }
                if (!child.variables.containsKey(a.name())) {
                    ctx.warn(a.position(), "module \"" + name + "\" (" + source + ") has no variable named \""
                            + a.name() + "\"; the argument is ignored");
                    continue;
                }
                in.put(a.name(), ctx.evaluator.evaluate(a.expr(), scope));
                Set<String> d = deps(TraversalCollector.collect(a.expr()), scope, null);
                d.addAll(explicit);
                inDeps.put(a.name(), d);
            }
            ModuleEvaluator childEval = new ModuleEvaluator(ctx, child, base + inst.suffix() + ".", in, inDeps,
                    depth + 1, false);
            Result r = childEval.run();
            for (Resource res : r.resources()) {
                if (explicit.isEmpty()) {
                    resources.add(res);
                } else {
                    List<String> d = new ArrayList<>(res.dependsOn());
                    for (String x : explicit) {
                        if (!d.contains(x)) {
                            d.add(x);
                        }
                    }
                    resources.add(new Resource(res.address(), res.type(), res.provider(), res.category(),
                            res.environment(), res.attributes(), res.raw(), d, res.position()));
                }
            }
            r.outputDeps().forEach((k, v) -> outDeps.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(v));
            Value outObj = Value.object(r.outputs());
            if (inst.key() instanceof StringValue sk) {
                byKey.put(sk.value(), outObj);
            } else if (inst.key() instanceof NumberValue) {
                byIndex.add(outObj);
            } else {
                byKey.put("", outObj);
            }
        }
        Value registered;
        if (block.body().attribute("count") != null) {
            registered = instances.size() == 1 && instances.get(0).key() instanceof UnknownValue
                    ? ObjectValue.open(Map.of()) : Value.tuple(byIndex);
        } else if (block.body().attribute("for_each") != null) {
            registered = instances.size() == 1 && instances.get(0).key() instanceof UnknownValue
                    ? ObjectValue.open(Map.of()) : Value.object(byKey);
        } else {
            registered = byKey.getOrDefault("", ObjectValue.open(Map.of()));
        }
        moduleValues.put(name, registered);
    }

    private Path localModuleDir(String source) {
        if (!(source.startsWith("./") || source.startsWith("../") || source.equals(".") || source.equals(".."))) {
            return null;
        }
        try {
            return def.dir.resolve(source).normalize();
        } catch (RuntimeException e) {
            // not a usable path: a directory that cannot exist, so the caller reports "no directory at ..."
            return def.dir.resolve("..").resolve(".cloudshift-invalid-module-source");
        }
    }

    // ------------------------------------------------------------------ scopes and dependencies

    /** A scope holding exactly what the references need (cheap: no whole-module objects are rebuilt). */
    private Scope scopeFor(List<Traversal> refs, Map<String, Value> extra) {
        Map<String, Value> names = new HashMap<>();
        names.put("var", varObject);
        names.put("path", pathObject);
        names.put("terraform", terraformObject);
        Map<String, Value> localSubset = null;
        Map<String, Value> moduleSubset = null;
        Map<String, Map<String, Value>> dataSubset = null;
        Map<String, Map<String, Value>> resourceSubset = null;
        boolean wholeLocal = false;
        for (Traversal t : refs) {
            String rootName = t.root();
            switch (rootName) {
                case "var", "path", "terraform", "count", "each", "self" -> {
                }
                case "local" -> {
                    String n = t.attr(0);
                    if (n == null) {
                        wholeLocal = true;
                    } else if (def.nodes.containsKey("local." + n)) {
                        if (localSubset == null) {
                            localSubset = new HashMap<>();
                        }
                        localSubset.put(n, locals.getOrDefault(n, Value.unknown("local." + n)));
                    }
                }
                case "module" -> {
                    String n = t.attr(0);
                    if (n != null && def.nodes.containsKey("module." + n)) {
                        if (moduleSubset == null) {
                            moduleSubset = new HashMap<>();
                        }
                        moduleSubset.put(n, moduleValues.getOrDefault(n, ObjectValue.open(Map.of())));
                    }
                }
                case "data" -> {
                    String type = t.attr(0);
                    String n = t.attr(1);
                    if (type != null && n != null && def.nodes.containsKey("data." + type + "." + n)) {
                        if (dataSubset == null) {
                            dataSubset = new HashMap<>();
                        }
                        dataSubset.computeIfAbsent(type, k -> new HashMap<>()).put(n,
                                resourceValues.getOrDefault("data." + type + "." + n, ObjectValue.open(Map.of())));
                    }
                }
                default -> {
                    String n = t.attr(0);
                    if (n != null && def.resourceTypes.contains(rootName) && def.nodes.containsKey(rootName + "." + n)) {
                        if (resourceSubset == null) {
                            resourceSubset = new HashMap<>();
                        }
                        resourceSubset.computeIfAbsent(rootName, k -> new HashMap<>()).put(n,
                                resourceValues.getOrDefault(rootName + "." + n, Value.unknown(rootName + "." + n)));
                    }
                }
            }
        }
        if (wholeLocal) {
            names.put("local", Value.object(locals));
        } else {
            names.put("local", Value.object(localSubset == null ? Map.of() : localSubset));
        }
        names.put("module", Value.object(moduleSubset == null ? Map.of() : moduleSubset));
        Map<String, Value> dataObj = new HashMap<>();
        if (dataSubset != null) {
            dataSubset.forEach((k, v) -> dataObj.put(k, Value.object(v)));
        }
        names.put("data", Value.object(dataObj));
        if (resourceSubset != null) {
            resourceSubset.forEach((k, v) -> names.put(k, Value.object(v)));
        }
        if (extra != null) {
            names.putAll(extra);
        }
        return Scope.of(names);
    }

    /**
     * The resource addresses the references lead to: directly, through locals, through this module's inputs
     * and through child module outputs. Instance-precise when the index evaluates to a known key.
     */
    private Set<String> deps(List<Traversal> refs, Scope scope, String self) {
        Set<String> out = new LinkedHashSet<>();
        for (Traversal t : refs) {
            String rootName = t.root();
            switch (rootName) {
                case "count", "each", "path", "terraform", "self" -> {
                }
                case "var" -> {
                    String n = t.attr(0);
                    if (n != null) {
                        out.addAll(inputDeps.getOrDefault(n, Set.of()));
                    } else {
                        inputDeps.values().forEach(out::addAll);
                    }
                }
                case "local" -> {
                    String n = t.attr(0);
                    if (n != null) {
                        out.addAll(localDeps.getOrDefault(n, Set.of()));
                    } else {
                        localDeps.values().forEach(out::addAll);
                    }
                }
                case "module" -> {
                    String n = t.attr(0);
                    Map<String, Set<String>> od = n == null ? null : moduleOutputDeps.get(n);
                    if (od == null) {
                        if (n != null && def.nodes.containsKey("module." + n)) {
                            out.add(prefix + "module." + n);
                        }
                        continue;
                    }
                    String output = t.attr(1) != null ? t.attr(1) : t.attr(2);
                    if (output != null && od.containsKey(output)) {
                        out.addAll(od.get(output));
                    } else {
                        od.values().forEach(out::addAll);
                    }
                }
                case "data" -> {
                    String type = t.attr(0);
                    String n = t.attr(1);
                    if (type != null && n != null && def.nodes.containsKey("data." + type + "." + n)) {
                        out.add(prefix + "data." + type + "." + n + indexSuffix(t, 2, scope));
                    }
                }
                default -> {
                    String n = t.attr(0);
                    if (n != null && def.resourceTypes.contains(rootName) && def.nodes.containsKey(rootName + "." + n)) {
                        String addr = prefix + rootName + "." + n;
                        if (addr.equals(self)) {
                            continue;
                        }
                        out.add(addr + indexSuffix(t, 1, scope));
                    }
                }
            }
        }
        return out;
    }

    private String indexSuffix(Traversal t, int step, Scope scope) {
        Expr key = t.index(step);
        if (key == null) {
            return "";
        }
        Value v = key instanceof LiteralExpr lit ? literalValue(lit) : ctx.quiet.evaluate(key, scope);
        ctx.quiet.diagnostics().clear();
        if (v == null || v.isDeepSensitive() || !v.isKnown()) {
            return "";
        }
        if (v instanceof NumberValue n && n.value().signum() >= 0 && n.value().stripTrailingZeros().scale() <= 0) {
            return "[" + NumberValue.format(n.value()) + "]";
        }
        if (v instanceof StringValue s) {
            return "[" + quoteKey(s.value()) + "]";
        }
        return "";
    }

    private static Value literalValue(LiteralExpr lit) {
        Object o = lit.value();
        if (o instanceof BigDecimal d) {
            return Value.number(d);
        }
        if (o instanceof String s) {
            return Value.string(s);
        }
        return null;
    }

    private static String trimDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
