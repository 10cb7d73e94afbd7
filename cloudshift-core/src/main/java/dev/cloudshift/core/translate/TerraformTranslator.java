package dev.cloudshift.core.translate;

import dev.cloudshift.core.cost.CostEstimate;
import dev.cloudshift.core.cost.EnvironmentCost;
import dev.cloudshift.core.cost.sizing.SizingDecision;
import dev.cloudshift.core.plan.Plan;
import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.hcl.emit.HclExpr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates the source resources of a {@link Plan} into target Terraform: rule files first (one per source type,
 * {@code catalog/translate/<source>-to-<target>/}), then the hooks they name, then {@link TerraformRenderer}.
 * Sizes come from the cost stage's sizing decisions (the SKU chosen per address and environment).
 */
public final class TerraformTranslator {

    private TerraformTranslator() {
    }

    /** Sizing decisions of a cost estimate, per environment and source address. */
    public static Map<String, Map<String, SizingDecision>> sizing(CostEstimate estimate) {
        Map<String, Map<String, SizingDecision>> out = new LinkedHashMap<>();
        if (estimate == null) {
            return out;
        }
        for (EnvironmentCost e : estimate.environments()) {
            Map<String, SizingDecision> m = out.computeIfAbsent(e.environment(), k -> new LinkedHashMap<>());
            for (SizingDecision d : e.sizing()) {
                m.put(d.address(), d);
            }
        }
        return out;
    }

    /** Translates every source provider of the plan towards the plan's target (types without a rule become TODOs). */
    public static TerraformOutput translate(Plan plan, Map<String, Map<String, SizingDecision>> sizing) {
        List<String> sources = plan.source().stream().filter(s -> !s.equals(plan.target())).toList();
        if (sources.isEmpty()) {
            return TerraformOutput.empty();
        }
        // every source provider with its own rules (a project may mix Terraform and compose); types never overlap
        List<TranslationRules> all = sources.stream().map(s -> TranslationRules.bundled(s, plan.target())).toList();
        Translation t = new Translation(plan, String.join(" and ", sources), TranslationRules.combine(all), sizing);
        apply(t);
        return TerraformRenderer.render(t);
    }

    static void apply(Translation t) {
        List<Runnable> fills = new java.util.ArrayList<>();
        for (SourceGroup g : t.groups()) {
            TranslationRules.TypeRule rule = t.rules.rule(g.type);
            if (rule == null) {
                String why = Translation.unmappedReason(g);
                t.todo(g.key, why != null ? "no safe equivalent on " + t.target + ": " + why
                        : "no translation rule for " + g.type + " to " + t.target + " yet", fileOf(g), null);
                continue;
            }
            if (rule.todo() != null && rule.targets().isEmpty()) {
                t.todo(g.key, rule.todo(), rule.file(), null);
                continue;
            }
            if (rule.absorbed() != null) {
                t.absorbed.add(g.key + ": " + rule.absorbed());
                continue;
            }
            if (rule.targets().isEmpty()) {
                continue; // a rule with a hook alone: the hook says what becomes of the block (secret_iam_member)
            }
            // when: {from: x} without in (or present: true) applies when any instance has the value (a port published in the
            // prod override only)
            List<TranslationRules.TargetRule> targets = new java.util.ArrayList<>(rule.targets().size());
            for (TranslationRules.TargetRule x : rule.targets()) {
                if (x.whenIn().isEmpty() && x.whenFrom() != null ? anyApplies(x, g) : x.applies(g.first())) {
                    targets.add(x);
                }
            }
            if (targets.isEmpty()) {
                TranslationRules.TargetRule first = rule.targets().get(0);
                t.todo(g.key, "no translation for " + first.whenFrom() + " " + ValueSpec.read(g.first(), first.whenFrom())
                        + (first.whenIn().isEmpty() ? " (the rule needs a value)" : " (the rule covers " + String.join(", ", first.whenIn()) + ")"),
                        rule.file(), null);
                continue;
            }
            for (TranslationRules.TargetRule target : targets) {
                fills.add(build(t, g, rule, target));
            }
            if (rule.todo() != null) {
                t.todo(g.key, rule.todo(), rule.file(), t.bySource.get(g.key).get(0).address());
            }
        }
        // every target resource exists (and has its name) before any value refers to one
        fills.forEach(Runnable::run);
        List<SourceGroup> late = new java.util.ArrayList<>();
        for (SourceGroup g : t.groups()) {
            TranslationHook hook = hookOf(t, g);
            if (hook != null && hook.afterOtherHooks()) {
                late.add(g);
            } else if (hook != null) {
                runHook(t, g, hook);
            }
        }
        for (SourceGroup g : late) {
            runHook(t, g, hookOf(t, g));
        }
    }

    private static TranslationHook hookOf(Translation t, SourceGroup g) {
        TranslationRules.TypeRule rule = t.rules.rule(g.type);
        if (rule == null || rule.hook() == null) {
            return null;
        }
        TranslationHook hook = TranslationHooks.named(rule.hook());
        if (hook == null) {
            throw new IllegalStateException(rule.origin() + ": unknown hook " + rule.hook());
        }
        return hook;
    }

    private static void runHook(Translation t, SourceGroup g, TranslationHook hook) {
        t.scope = g.modulePrefix();
        t.resolvingFrom = g.first();
        hook.apply(t, g);
        t.resolvingFrom = null;
    }

    private static boolean anyApplies(TranslationRules.TargetRule x, SourceGroup g) {
        for (PlannedResource r : g.instances.values()) {
            if (x.applies(r)) {
                return true;
            }
        }
        return false;
    }

    private static String fileOf(SourceGroup g) {
        return TerraformRenderer.fileFor(g.first().category());
    }

    private static Runnable build(Translation t, SourceGroup g, TranslationRules.TypeRule rule, TranslationRules.TargetRule target) {
        String name = target.name().replace("{name}", g.name).replace("{type}", g.type);
        String prefix = rule.varPrefix() != null ? rule.varPrefix() : target.type().replaceFirst("^[a-z]+_", "");
        String file = target.file() != null ? target.file() : rule.file();
        Draft d = target.single() ? t.sharedDraft(target.type(), name, file, g, prefix)
                : t.newDraft(target.type(), name, file, g, prefix);
        boolean single = target.single() || !g.multi;
        return () -> fillAll(t, g, target, d, single);
    }

    private static void fillAll(Translation t, SourceGroup g, TranslationRules.TargetRule target, Draft d, boolean single) {
        t.scope = g.modulePrefix();
        for (Map.Entry<Inst, PlannedResource> e : g.instances.entrySet()) {
            Inst inst = single ? new Inst(e.getKey().environment(), null) : e.getKey();
            if (d.instances.contains(inst) && single && target.single()) {
                continue;
            }
            if (single && !target.single() && d.instances.contains(inst)) {
                continue;
            }
            d.instances.add(inst);
            Context c = new Context(t, e.getValue(), e.getKey().environment(), e.getKey().key());
            t.resolvingFrom = e.getValue();
            fill(t, d, d.body, target.attributes(), target.blocks(), inst, c);
            t.resolvingFrom = null;
        }
        if (!target.outputs().isEmpty()) {
            for (Map.Entry<String, String> o : target.outputs().entrySet()) {
                t.output(o.getKey().replace("{name}", g.name), d, d.multi()
                        ? HclExpr.raw("{ for k, v in " + d.address() + " : k => v." + o.getValue().replaceAll("\\.(\\d+)", "[$1]") + " }")
                        : Translation.attrPath(Translation.self(d, null), o.getValue()));
            }
        }
    }

    static void fill(Translation t, Draft d, Draft.Block block, Map<String, ValueSpec> attrs, List<TranslationRules.BlockRule> blocks,
            Inst inst, ValueSpec.Context c) {
        for (Map.Entry<String, ValueSpec> a : attrs.entrySet()) {
            Draft.Field f = block.field(a.getKey());
            if (f == null) {
                String var = a.getValue().var() == null ? null : a.getValue().var().replace("{name}",
                        SourceGroup.nameOf(t.parts(c.resource().address())[0]));
                f = new Draft.Field(a.getKey(), a.getValue().perEnv(), var, a.getValue().description());
                block.fields.add(f);
            }
            if (f.values.containsKey(inst)) {
                continue;
            }
            if (a.getValue().secretVar() != null) {
                t.sensitiveVariable(a.getValue().secretVarName(c.resource()));
            }
            Object v = a.getValue().evaluate(c);
            if (v instanceof Map<?, ?> || v instanceof List<?>) {
                List<String> lost = new java.util.ArrayList<>();
                v = deepTranslate(t, v, lost);
                for (String s : lost) {
                    t.todo(c.resource().address(), a.getKey() + " refers to " + s.replace("${", "").replace("}", "")
                            + t.untranslatedReason(s), d.file, d.address());
                }
            }
            if (v instanceof String s && s.contains("${")) {
                Object tr = t.translateString(s);
                if (tr == null) {
                    t.todo(c.resource().address(), a.getKey() + " refers to " + s.replace("${", "").replace("}", "")
                            + t.untranslatedReason(s), d.file, d.address());
                    v = ValueSpec.MISSING;
                } else {
                    v = tr;
                }
            }
            f.values.put(inst, v);
        }
        for (TranslationRules.BlockRule br : blocks) {
            if (br.forEach() != null) {
                repeated(t, d, block, br, inst, c);
                continue;
            }
            Draft.Block b = block.block(br.type());
            if (b == null) {
                b = Draft.Block.value(br.type(), br.as(), br.call());
                block.blocks.add(b);
            }
            if (br.enabled() != null) {
                b.switched = true;
                Object on = br.enabled().evaluate(c);
                b.enabled.put(inst, Boolean.TRUE.equals(on) || "true".equals(on));
            }
            fill(t, d, b, br.attributes(), br.blocks(), inst, c);
        }
    }

    /**
     * A repeated block: one block per item of the rule's for_each list, in source order; the n-th block of every
     * instance is the same draft block, switched off where an instance has fewer items.
     */
    private static void repeated(Translation t, Draft d, Draft.Block block, TranslationRules.BlockRule br, Inst inst,
            ValueSpec.Context c) {
        List<Map<?, ?>> skipped = new java.util.ArrayList<>();
        List<Map<?, ?>> items = br.items(c, skipped);
        String source = t.parts(c.resource().address())[0];
        for (Map<?, ?> s : skipped) {
            t.todoOnce(source, br.type() + " " + label(s, -1) + " is not translated: " + (br.skipped() != null ? br.skipped()
                    : "it does not match " + br.where()), d.file, d.address());
        }
        int n = 0;
        for (int i = 0; i < items.size(); i++) {
            ItemContext ic = new ItemContext(c, items.get(i), i);
            String missing = null;
            for (String req : br.required()) {
                ValueSpec spec = br.attributes().get(req);
                if (spec != null && spec.evaluate(ic) == ValueSpec.MISSING) {
                    missing = req;
                    break;
                }
            }
            if (missing != null) {
                t.todoOnce(source, br.type() + " " + label(items.get(i), i) + ": " + missing + " has no translation; write this "
                        + br.type() + " by hand", d.file, d.address());
                continue;
            }
            Draft.Block b = block.repeated(br.type(), n++);
            b.switched = true;
            b.enabled.put(inst, true);
            fill(t, d, b, br.attributes(), br.blocks(), inst, ic);
        }
    }

    private static String label(Map<?, ?> item, int index) {
        Object name = item.get("name") != null ? item.get("name") : item.get("description");
        return name != null ? "'" + name + "'" : index >= 0 ? "#" + (index + 1) : String.valueOf(item);
    }

    /** The context of one item of a repeated block: the instance's context plus the item and its position. */
    record ItemContext(ValueSpec.Context base, Map<?, ?> item, int itemIndex) implements ValueSpec.Context {

        @Override
        public PlannedResource resource() {
            return base.resource();
        }

        @Override
        public String environment() {
            return base.environment();
        }

        @Override
        public String key() {
            return base.key();
        }

        @Override
        public String targetSku() {
            return base.targetSku();
        }

        @Override
        public String targetSkuOf(PlannedResource r) {
            return base.targetSkuOf(r);
        }

        @Override
        public Map<String, Object> sizingAttributes() {
            return base.sizingAttributes();
        }

        @Override
        public PlannedResource related(String type) {
            return base.related(type);
        }

        @Override
        public HclExpr reference(ValueSpec.RefTo to) {
            return base.reference(to);
        }

        @Override
        public HclExpr.Reference ref(String dotted) {
            return base.ref(dotted);
        }

        @Override
        public String project() {
            return base.project();
        }
    }

    /** Strings inside maps and lists with ${...} references become target expressions (untranslatable: left out). */
    static Object deepTranslate(Translation t, Object v, List<String> lost) {
        if (v instanceof String s && s.contains("${")) {
            Object x = t.translateString(s);
            if (x == null) {
                lost.add(s);
            }
            return x == null ? ValueSpec.MISSING : x;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, x) -> {
                Object y = deepTranslate(t, x, lost);
                if (y != ValueSpec.MISSING) {
                    out.put(String.valueOf(k), y);
                }
            });
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new java.util.ArrayList<>();
            l.forEach(x -> {
                Object y = deepTranslate(t, x, lost);
                if (y != ValueSpec.MISSING) {
                    out.add(y);
                }
            });
            return out;
        }
        return v;
    }

    /** What a rule value sees for one source instance. */
    record Context(Translation t, PlannedResource resource, String environment, String key) implements ValueSpec.Context {

        @Override
        public String targetSku() {
            SizingDecision s = t.sizingOf(resource);
            return s == null ? null : s.targetSku();
        }

        @Override
        public String targetSkuOf(PlannedResource r) {
            SizingDecision s = t.sizingOf(r);
            return s == null ? null : s.targetSku();
        }

        @Override
        public Map<String, Object> sizingAttributes() {
            String sku = targetSku();
            return sku == null ? Map.of() : t.sizingTable(resource).targetAttributes(resource.type(), sku);
        }

        @Override
        public String project() {
            return t.projectSlug();
        }

        @Override
        public HclExpr.Reference ref(String dotted) {
            return t.ref(dotted);
        }

        @Override
        public PlannedResource related(String type) {
            return t.related(resource, type);
        }

        @Override
        public HclExpr reference(ValueSpec.RefTo to) {
            if ("self".equals(to.source())) {
                String[] own = t.parts(resource.address());
                // name: one of several targets of the same type ({name}_lb beside {name})
                String name = to.name() == null ? null : Translation.identifier(to.name().replace("{name}", SourceGroup.nameOf(own[0])));
                for (Draft d : t.bySource.getOrDefault(own[0], List.of())) {
                    if (d.type.equals(to.target()) && (name == null || d.name.equals(name))) {
                        return Translation.attrPath(Translation.self(d, own[1]), to.attr());
                    }
                }
                return null;
            }
            for (String[] parts : t.dependencyParts(resource)) {
                SourceGroup g = t.groups.get(parts[0]);
                if (g == null || (to.source() != null && !g.type.equals(to.source()))) {
                    continue;
                }
                for (Draft d : t.bySource.getOrDefault(g.key, List.of())) {
                    if (to.target() == null || d.type.equals(to.target())) {
                        return Translation.attrPath(Translation.self(d, parts[1]), to.attr());
                    }
                }
            }
            // no dependency edge: the one translated resource of that source type, when there is exactly one
            if (to.source() != null) {
                List<SourceGroup> gs = t.groupsOfType(to.source());
                if (gs.size() == 1) {
                    for (Draft d : t.bySource.getOrDefault(gs.get(0).key, List.of())) {
                        if (to.target() == null || d.type.equals(to.target())) {
                            return Translation.attrPath(Translation.self(d, null), to.attr());
                        }
                    }
                }
            } else if (to.target() != null) {
                List<Draft> ds = t.draftsOfType(to.target());
                if (ds.size() == 1) {
                    return Translation.attrPath(Translation.self(ds.get(0), null), to.attr());
                }
            }
            return null;
        }
    }
}
