package dev.cloudshift.core.translate;

import dev.cloudshift.core.cost.sizing.SizingDecision;
import dev.cloudshift.core.cost.sizing.SizingTable;
import dev.cloudshift.core.plan.Plan;
import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.core.plan.TargetMapping;
import dev.cloudshift.hcl.HclParser;
import dev.cloudshift.hcl.ast.Expr;
import dev.cloudshift.hcl.ast.GetAttrExpr;
import dev.cloudshift.hcl.ast.IndexExpr;
import dev.cloudshift.hcl.ast.LiteralExpr;
import dev.cloudshift.hcl.ast.VariableExpr;
import dev.cloudshift.hcl.emit.HclExpr;
import dev.cloudshift.hcl.emit.HclItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one translation: the source resource blocks, the target resources being built ({@link Draft}s), the
 * extra file items, variables and TODOs. Rule files fill it first, then hooks; {@link TerraformRenderer} writes it.
 */
public final class Translation {

    /** A variable declared by a rule or hook with its value per environment (none for sensitive ones). */
    record Variable(String name, String type, String description, boolean sensitive, Map<String, Object> values) {
    }

    final Plan plan;
    final String sourceProvider;
    final String target;
    final TranslationRules rules;
    final Map<String, Map<String, SizingDecision>> sizing;
    final Map<String, SourceGroup> groups = new LinkedHashMap<>();
    final List<Draft> drafts = new ArrayList<>();
    final Map<String, Draft> shared = new LinkedHashMap<>();
    final Map<String, List<Draft>> bySource = new LinkedHashMap<>();
    final Map<String, List<HclItem>> fileItems = new LinkedHashMap<>();
    final Map<String, Variable> variables = new LinkedHashMap<>();
    /** outputs.tf: output name -> the value of every target resource that has it, in translation order. */
    final Map<String, List<Output>> outputs = new LinkedHashMap<>();

    /** One output value and the source block whose translation it reads. */
    record Output(String sourceKey, String draftName, HclExpr value) {
    }

    /** Per output name: the values it has (the same module in 610 instances made the duplicate check quadratic). */
    private final Map<String, Set<HclExpr>> outputValuesByName = new java.util.HashMap<>();

    void output(String name, Draft d, HclExpr value) {
        List<Output> list = outputs.computeIfAbsent(name, k -> new ArrayList<>());
        if (!outputValuesByName.computeIfAbsent(name, k -> new java.util.HashSet<>()).add(value)) {
            return; // a shared target resource (one Key Vault for every secret) reported again
        }
        list.add(new Output(d.source == null ? d.address() : d.source.key,
                d.name, value));
    }

    /**
     * The outputs to write: a name one resource has stays; a name several resources have (the same module in several
     * instances) becomes one output per resource, named after its module instance ({@code postgres_fqdn_db_a}) or,
     * outside modules, after the target resource ({@code postgres_fqdn_replica}), so no value is lost.
     */
    Map<String, HclExpr> outputValues() {
        Map<String, HclExpr> out = new LinkedHashMap<>();
        Set<String> taken = new java.util.HashSet<>(outputs.keySet());
        for (Map.Entry<String, List<Output>> e : outputs.entrySet()) {
            if (e.getValue().size() == 1) {
                out.put(e.getKey(), e.getValue().get(0).value());
                continue;
            }
            for (Output o : e.getValue()) {
                String module = OUTER_UNDERSCORES.matcher(NOT_ALPHANUMERIC.matcher(MODULE_WORD.matcher(modulePrefix(o.sourceKey()))
                        .replaceAll("")).replaceAll("_")).replaceAll("");
                String base = identifier(e.getKey() + "_" + (module.isEmpty() ? o.draftName() : module));
                String name = base;
                for (int i = 2; taken.contains(name) || out.containsKey(name); i++) {
                    name = base + "_" + i;
                }
                taken.add(name);
                out.put(name, o.value());
            }
        }
        return out;
    }
    private static final java.util.regex.Pattern MODULE_WORD = java.util.regex.Pattern.compile("\\bmodule\\.");
    private static final java.util.regex.Pattern NOT_ALPHANUMERIC = java.util.regex.Pattern.compile("[^A-Za-z0-9]+");
    private static final java.util.regex.Pattern OUTER_UNDERSCORES = java.util.regex.Pattern.compile("^_|_$");

    /** Defaults written in variables.tf (the target region mapped from the source region). */
    final Map<String, Object> variableDefaults = new LinkedHashMap<>();
    final List<Todo> todos = new ArrayList<>();
    /** TODOs in place of a target resource: written before the draft's block (keyed by draft address) or in a file. */
    final Map<String, List<String>> todoComments = new LinkedHashMap<>();
    final List<String> absorbed = new ArrayList<>();
    private final Set<String> addresses = new LinkedHashSet<>();
    /** Per taken address {@code type.name}: the suffix from which the next free {@code name_N} is searched. */
    private final Map<String, Integer> nextSuffix = new java.util.HashMap<>();
    private final Map<String, List<Draft>> draftsByType = new LinkedHashMap<>();
    /** Every draft by its address (addresses are unique: {@link #newDraft} picks a free one). */
    private final Map<String, Draft> draftsByAddress = new java.util.HashMap<>();
    /** What a hook remembers between the source blocks of one translation (hooks themselves are stateless). */
    final Map<String, Object> hookState = new java.util.HashMap<>();
    /** Module prefix ({@code module.network.}) of the source block being translated: references resolve there first. */
    String scope = "";

    /**
     * {@link SourceGroup#split} of every address met (resources and their dependency edges), computed once: the same
     * edges are followed when ordering the blocks, indexing dependents and resolving references.
     */
    private final Map<String, String[]> addressParts;

    /** Per source resource: {@link #parts} of each of its dependency edges, in order. */
    private final Map<PlannedResource, String[][]> dependencyParts;

    /** A hash map capacity that holds this many entries without growing (the default grows 15 times for 20,000). */
    static int capacityFor(int entries) {
        return (int) (entries / 0.75f) + 1;
    }

    /** {@link #parts} of each address a resource depends on, in edge order (the arrays are shared: do not change them). */
    String[][] dependencyParts(PlannedResource r) {
        String[][] p = dependencyParts.get(r);
        if (p == null) {
            p = new String[r.dependsOn().size()][];
            int i = 0;
            for (String d : r.dependsOn()) {
                p[i++] = parts(d);
            }
            dependencyParts.put(r, p);
        }
        return p;
    }

    /** One reference per dotted name ({@code var.location}): rules ask for the same few names for every instance. */
    private final Map<String, HclExpr.Reference> refs = new java.util.HashMap<>();

    /** {@link HclExpr#ref} of a dotted name; references are immutable, so one is handed out for every use. */
    HclExpr.Reference ref(String dotted) {
        HclExpr.Reference r = refs.get(dotted);
        if (r == null) {
            r = HclExpr.ref(dotted);
            refs.put(dotted, r);
        }
        return r;
    }

    private String projectSlug;

    /** The project name with every run of characters other than letters, digits and '-' as one '-'. */
    String projectSlug() {
        if (projectSlug == null) {
            projectSlug = plan.project().replaceAll("[^A-Za-z0-9-]+", "-");
        }
        return projectSlug;
    }

    /** {@link SourceGroup#split} of an address (the returned array is shared: do not change it). */
    String[] parts(String address) {
        String[] p = addressParts.get(address);
        if (p == null) {
            p = SourceGroup.split(address);
            addressParts.put(address, p);
        }
        return p;
    }

    /** @param sourceProvider the source providers, joined with " and " (for the file header) */
    Translation(Plan plan, String sourceProvider, TranslationRules rules, Map<String, Map<String, SizingDecision>> sizing) {
        this.plan = plan;
        this.sourceProvider = sourceProvider;
        this.target = plan.target();
        this.rules = rules;
        this.sizing = sizing;
        int n = plan.resources().size();
        this.addressParts = new java.util.HashMap<>(capacityFor(n + n / 4)); // addresses and the odd edge to elsewhere
        this.dependencyParts = new java.util.IdentityHashMap<>(n);
        for (PlannedResource r : plan.resources()) {
            if (r.provider().equals(plan.target())) {
                continue;
            }
            String[] parts = parts(r.address());
            SourceGroup g = groups.get(parts[0]);
            if (g == null) {
                g = new SourceGroup(parts[0], r.type(), SourceGroup.nameOf(parts[0]));
                groups.put(parts[0], g);
            }
            g.instances.put(new Inst(r.environment(), parts[1]), r);
            if (parts[1] != null) {
                g.multi = true;
            }
        }
        // dependencies first, so that a file reads top-down (network before the subnets that use it)
        Map<String, SourceGroup> ordered = new LinkedHashMap<>(capacityFor(groups.size()));
        // one set for every walk: a key in it is either finished (in ordered) or on the current walk's path
        Set<String> path = new java.util.HashSet<>(capacityFor(groups.size()));
        for (SourceGroup g : groups.values()) {
            visit(g, ordered, path);
        }
        groups.clear();
        groups.putAll(ordered);
    }

    private void visit(SourceGroup g, Map<String, SourceGroup> ordered, Set<String> path) {
        if (ordered.containsKey(g.key) || !path.add(g.key)) {
            return;
        }
        for (PlannedResource r : g.instances.values()) {
            for (String[] dep : dependencyParts(r)) {
                SourceGroup d = groups.get(dep[0]);
                if (d != null) {
                    visit(d, ordered, path);
                }
            }
        }
        ordered.put(g.key, g);
    }

    public List<String> environments() {
        return plan.environments();
    }

    Iterable<SourceGroup> groups() {
        return groups.values();
    }

    private Map<String, List<SourceGroup>> groupsByType;
    private Map<String, java.util.Set<String>> groupDependents;

    List<SourceGroup> groupsOfType(String type) {
        if (groupsByType == null) {
            groupsByType = new LinkedHashMap<>();
            for (SourceGroup g : groups.values()) {
                groupsByType.computeIfAbsent(g.type, k -> new ArrayList<>()).add(g);
            }
        }
        return groupsByType.getOrDefault(type, List.of());
    }

    /** Keys of the source blocks that depend on a block (any instance, any environment). */
    java.util.Set<String> dependentsOf(SourceGroup g) {
        if (groupDependents == null) {
            groupDependents = new LinkedHashMap<>();
            for (SourceGroup from : groups.values()) {
                for (PlannedResource r : from.instances.values()) {
                    for (String[] d : dependencyParts(r)) {
                        groupDependents.computeIfAbsent(d[0], k -> new LinkedHashSet<>()).add(from.key);
                    }
                }
            }
        }
        return groupDependents.getOrDefault(g.key, java.util.Set.of());
    }

    /** The module prefix of a source block key: {@code module.network.aws_vpc.this} -> {@code module.network.}. */
    static String modulePrefix(String key) {
        int last = key.lastIndexOf('.');
        int typeDot = last < 0 ? -1 : key.lastIndexOf('.', last - 1);
        return typeDot < 0 ? "" : key.substring(0, typeDot + 1);
    }

    /** The draft made for a source block with this target type, or null. */
    Draft draft(SourceGroup g, String targetType) {
        for (Draft d : bySource.getOrDefault(g.key, List.of())) {
            if (d.type.equals(targetType)) {
                return d;
            }
        }
        return null;
    }

    List<Draft> draftsOfType(String type) {
        return draftsByType.getOrDefault(type, List.of());
    }

    /** A new target resource with a unique address. */
    Draft newDraft(String type, String name, String file, SourceGroup source, String varPrefix) {
        String n = identifier(name);
        String candidate = n;
        String base = type + "." + n;
        if (addresses.contains(base)) {
            // The smallest free suffix only grows (addresses are never removed), so the search for the next
            // one starts where the last one for this name ended instead of at 2 (610 module instances of one
            // name made this loop quadratic).
            int i = nextSuffix.getOrDefault(base, 2);
            while (addresses.contains(type + "." + n + "_" + i)) {
                i++;
            }
            nextSuffix.put(base, i + 1);
            candidate = n + "_" + i;
        }
        addresses.add(type + "." + candidate);
        Draft d = new Draft(type, candidate, file, source, varPrefix);
        drafts.add(d);
        draftsByAddress.put(d.address(), d);
        draftsByType.computeIfAbsent(type, k -> new ArrayList<>()).add(d);
        if (source != null) {
            bySource.computeIfAbsent(source.key, k -> new ArrayList<>()).add(d);
        }
        return d;
    }

    /** Shared target resources (one Key Vault, one registry) are made once and found again by type and name. */
    Draft sharedDraft(String type, String name, String file, SourceGroup source, String varPrefix) {
        Draft d = shared.get(type + "." + name);
        if (d == null) {
            d = newDraft(type, name, file, null, varPrefix);
            shared.put(type + "." + name, d);
        }
        bySource.computeIfAbsent(source.key, k -> new ArrayList<>()).add(d);
        return d;
    }

    private final Set<String> todoKeys = new java.util.HashSet<>();

    /** A TODO written once however many instances and environments report it. */
    void todoOnce(String address, String reason, String file, String beforeDraft) {
        if (todoKeys.add(address + "\u0000" + reason + "\u0000" + file + "\u0000" + beforeDraft)) {
            todo(address, reason, file, beforeDraft);
        }
    }

    void todo(String address, String reason, String file, String beforeDraft) {
        if (beforeDraft != null) {
            Draft d = draftsByAddress.get(beforeDraft);
            if (d != null) {
                file = d.file;
            }
        }
        reason = oneSpaced(reason);
        Todo t = new Todo(address, reason, file, 0, 0);
        todos.add(t);
        todoComments.computeIfAbsent(beforeDraft == null ? "file:" + file : beforeDraft, k -> new ArrayList<>()).add(t.comment());
    }

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    /** Runs of whitespace as one space ({@code replaceAll("\\s+", " ")}); text without such a run is returned as is. */
    static String oneSpaced(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (isRegexSpace(c) && (c != ' ' || i + 1 < n && isRegexSpace(s.charAt(i + 1)))) {
                return WHITESPACE.matcher(s).replaceAll(" ");
            }
        }
        return s;
    }

    /** The characters of the regular expression class {@code \\s}. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    void fileItem(String file, HclItem item) {
        fileItems.computeIfAbsent(file, k -> new ArrayList<>()).add(item);
    }

    void variable(String name, String type, String description, boolean sensitive, Map<String, Object> values) {
        variables.putIfAbsent(name, new Variable(name, type, description, sensitive, values));
    }

    private final Map<String, List<CidrBlocks.Block>> allocated = new LinkedHashMap<>();

    /**
     * A free block of the given prefix length in the virtual network of an environment (the source VPC CIDR), clear of
     * every source subnet and of blocks handed out before; null when the VPC CIDR is unknown or full.
     */
    String allocateSubnet(String env, int length) {
        CidrBlocks.Block space = null;
        List<CidrBlocks.Block> used = allocated.computeIfAbsent(env, k -> new ArrayList<>());
        List<CidrBlocks.Block> all = new ArrayList<>(used);
        for (PlannedResource r : plan.resourcesOf(env)) {
            if (r.type().equals("aws_vpc") && space == null) {
                space = CidrBlocks.parse(String.valueOf(r.resource().raw().get("cidr_block")));
            } else if (r.type().equals("aws_subnet")) {
                CidrBlocks.Block b = CidrBlocks.parse(String.valueOf(r.resource().raw().get("cidr_block")));
                if (b != null) {
                    all.add(b);
                }
            }
        }
        if (space == null) {
            return null;
        }
        CidrBlocks.Block free = CidrBlocks.firstFree(space, length, all);
        if (free != null) {
            used.add(free);
        }
        return free == null ? null : free.toString();
    }

    /** The rule data of a source type (the {@code data:} map of its rule file). */
    @SuppressWarnings("unchecked")
    Map<String, Object> ruleData(String type) {
        TranslationRules.TypeRule r = rules.rule(type);
        return r != null && r.data() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** A single (not for_each) target resource present in every environment. */
    Draft singleDraft(String type, String name, String file, String varPrefix) {
        Draft d = newDraft(type, name, file, null, varPrefix);
        for (String env : environments()) {
            d.instances.add(new Inst(env, null));
        }
        return d;
    }

    void sensitiveVariable(String name) {
        variable(name, "string", "Sensitive: no value in any generated file; pass it as TF_VAR_" + name
                + " or from a secret store.", true, null);
    }

    /** The sizing table of a resource's direction (its provider to the target). */
    SizingTable sizingTable(PlannedResource r) {
        return sizingTables.computeIfAbsent(r.provider(), p -> SizingTable.bundled(p, target));
    }

    /** The bundled sizing table per source provider (SizingTable.bundled keys its cache by a string built per call). */
    private final Map<String, SizingTable> sizingTables = new java.util.HashMap<>();

    SizingDecision sizingOf(PlannedResource r) {
        return sizing.getOrDefault(r.environment(), Map.of()).get(r.address());
    }

    /** Per environment: resources by address, and the resources that depend on an address (built on first use). */
    private Map<String, Map<String, PlannedResource>> byAddress;
    private Map<String, Map<String, List<PlannedResource>>> dependents;
    private Map<String, List<SourceGroup>> byTypeAndName;
    /** The source instance whose values are being translated (its dependency edges pick among same-named blocks). */
    PlannedResource resolvingFrom;
    /** {@code type.name} references that matched blocks in several module instances, with those blocks' keys. */
    final Map<String, List<String>> ambiguous = new LinkedHashMap<>();

    private void index() {
        if (byAddress != null) {
            return;
        }
        // only looked up, never iterated: hash maps
        byAddress = new java.util.HashMap<>();
        dependents = new java.util.HashMap<>();
        int perEnvironment = capacityFor(plan.resources().size() / Math.max(1, plan.environments().size()));
        for (PlannedResource r : plan.resources()) {
            byAddress.computeIfAbsent(r.environment(), k -> new java.util.HashMap<>(perEnvironment)).put(r.address(), r);
            if (!r.dependsOn().isEmpty()) {
                Map<String, List<PlannedResource>> into = dependents.computeIfAbsent(r.environment(),
                        k -> new java.util.HashMap<>(perEnvironment));
                for (String d : r.dependsOn()) {
                    into.computeIfAbsent(d, k -> new ArrayList<>()).add(r);
                }
            }
        }
        byTypeAndName = new java.util.HashMap<>();
        for (SourceGroup g : groups.values()) {
            byTypeAndName.computeIfAbsent(g.type + " " + g.name, k -> new ArrayList<>()).add(g);
        }
    }

    private static final java.util.Comparator<PlannedResource> BY_ADDRESS = java.util.Comparator.comparing(PlannedResource::address);

    /** Per resource: what {@link #linkedTo} found (resources are asked about several types). */
    private final Map<PlannedResource, List<PlannedResource>> linkedTo = new java.util.IdentityHashMap<>();

    /**
     * The resources of r's environment that r depends on (in edge order), then those that depend on r (in plan
     * order); computed once per resource.
     */
    private List<PlannedResource> linkedTo(PlannedResource r) {
        List<PlannedResource> out = linkedTo.get(r);
        if (out == null) {
            out = new ArrayList<>();
            Map<String, PlannedResource> env = byAddress.getOrDefault(r.environment(), Map.of());
            for (String d : r.dependsOn()) {
                PlannedResource o = env.get(d);
                if (o != null) {
                    out.add(o);
                }
            }
            out.addAll(dependents.getOrDefault(r.environment(), Map.of()).getOrDefault(r.address(), List.of()));
            linkedTo.put(r, out);
        }
        return out;
    }

    /** The source resource of a type linked to r by a dependency edge in either direction, preferring the same key. */
    PlannedResource related(PlannedResource r, String type) {
        index();
        String key = parts(r.address())[1];
        List<PlannedResource> linked = new ArrayList<>();
        for (PlannedResource o : linkedTo(r)) {
            if (o.type().equals(type)) {
                linked.add(o);
            }
        }
        linked.sort(BY_ADDRESS);
        for (PlannedResource o : linked) {
            if (key != null && key.equals(parts(o.address())[1])) {
                return o;
            }
        }
        return linked.isEmpty() ? null : linked.get(0);
    }

    /**
     * The group of a source address as written in a reference ({@code aws_db_instance.main}): the block of that name in
     * the module instance being translated first; else the only block of that type and name in any module; else the
     * one the resource being translated depends on. Several candidates and no edge to choose: null, and the reference
     * is recorded as ambiguous (the caller's TODO says so) instead of silently taking the first.
     */
    SourceGroup groupOf(String type, String name) {
        SourceGroup local = groups.get(scope + type + "." + name);
        if (local != null) {
            return local;
        }
        index();
        List<SourceGroup> all = byTypeAndName.getOrDefault(type + " " + name, List.of());
        if (all.size() <= 1) {
            return all.isEmpty() ? null : all.get(0);
        }
        if (resolvingFrom != null) {
            // the resource's own edges (a handful) rather than every candidate (one per module instance)
            SourceGroup linked = null;
            for (String[] d : dependencyParts(resolvingFrom)) {
                SourceGroup g = groups.get(d[0]);
                if (g != null && g != linked && g.type.equals(type) && g.name.equals(name)) {
                    if (linked != null) {
                        linked = null;
                        break;
                    }
                    linked = g;
                }
            }
            if (linked != null) {
                return linked;
            }
        }
        ambiguous.computeIfAbsent(type + "." + name, k -> all.stream().map(g -> g.key).toList());
        return null;
    }

    /** Why a value with references could not be translated: ambiguous references are named with their candidates. */
    String untranslatedReason(String value) {
        for (Map.Entry<String, List<String>> a : ambiguous.entrySet()) {
            if (value.contains(a.getKey() + ".") || value.contains(a.getKey() + "[")) {
                return ", which is ambiguous: " + String.join(" and ", a.getValue())
                        + " match and nothing says which one is meant; set it by hand";
            }
        }
        return ", which has no translation";
    }

    /**
     * The target expression for a source reference {@code type.name[index].attr}: the attribute the rule's
     * {@code references} names on the translated resource (id, arn and name fall back to id and name).
     */
    HclExpr reference(String type, String name, String index, String attr) {
        SourceGroup g = groupOf(type, name);
        TranslationRules.TypeRule rule = rules.rule(type);
        if (g == null || rule == null) {
            return null;
        }
        for (TranslationRules.TargetRule t : rule.targets()) {
            String mapped = t.references().get(attr);
            if (mapped == null && t == rule.targets().get(0)) {
                mapped = switch (attr) {
                    case "id", "arn" -> "id";
                    case "name" -> "name";
                    default -> null;
                };
            }
            if (mapped == null) {
                continue;
            }
            Draft d = draft(g, t.type());
            if (d == null) {
                return null;
            }
            if (mapped.contains("{")) {
                // a template: {attr} parts are attributes of the target ("{name}.servicebus.windows.net:9093")
                List<Object> parts = new ArrayList<>();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([A-Za-z0-9_.]+)\\}").matcher(mapped);
                int at = 0;
                while (m.find()) {
                    if (m.start() > at) {
                        parts.add(mapped.substring(at, m.start()));
                    }
                    parts.add(attrPath(self(d, index), m.group(1)));
                    at = m.end();
                }
                if (at < mapped.length()) {
                    parts.add(mapped.substring(at));
                }
                return new HclExpr.Template(parts);
            }
            return attrPath(self(d, index), mapped);
        }
        return null;
    }

    /** {@code type.name} or {@code type.name["key"]} for a for_each draft. */
    static HclExpr.Reference self(Draft d, String index) {
        HclExpr.Reference r = new HclExpr.Reference(d.type, List.of(new HclExpr.AttrStep(d.name)));
        if (d.multi() && index != null) {
            r = r.index(HclExpr.str(index));
        }
        return r;
    }

    /** Appends a dotted path ({@code identity.0.principal_id}); digits become index steps. */
    static HclExpr.Reference attrPath(HclExpr.Reference r, String path) {
        for (String p : path.split("\\.")) {
            r = allDigits(p) ? r.index(HclExpr.num(Long.parseLong(p))) : r.attr(p);
        }
        return r;
    }

    /** {@code p.chars().allMatch(Character::isDigit)} without a stream (true for the empty string, as allMatch is). */
    private static boolean allDigits(String p) {
        for (int i = 0; i < p.length(); i++) {
            if (!Character.isDigit(p.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A raw string that holds {@code ${...}} references to source resources becomes a target expression: a whole
     * reference becomes that reference, a mixed string a template. Null when a reference has no translation.
     */
    Object translateString(String s) {
        if (!s.contains("${")) {
            return s;
        }
        List<Object> parts = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int start = s.indexOf("${", i);
            if (start < 0) {
                parts.add(s.substring(i));
                break;
            }
            if (start > i) {
                parts.add(s.substring(i, start));
            }
            int end = closing(s, start + 2);
            if (end < 0) {
                return null;
            }
            HclExpr e = translateExpression(s.substring(start + 2, end));
            if (e == null) {
                return null;
            }
            if (e instanceof HclExpr.Template tp) {
                parts.addAll(tp.parts());
            } else {
                parts.add(e);
            }
            i = end + 1;
        }
        if (parts.size() == 1 && parts.get(0) instanceof HclExpr e) {
            return e;
        }
        return new HclExpr.Template(parts);
    }

    private static int closing(String s, int from) {
        int depth = 0;
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    /** A source reference {@code root.name[index].attr...} as written, split into what {@link #reference} needs. */
    private record RefParts(String root, String name, String index, String attr) {
    }

    /** Text that is no translatable reference (a function call, var.x, a bare name). */
    private static final RefParts NO_REF = new RefParts(null, null, null, null);

    /** Per reference text: its parts (parsing depends on the text alone; resolving it depends on the scope). */
    private final Map<String, RefParts> refParts = new java.util.HashMap<>();

    /** One source expression ({@code aws_db_instance.main.address}) as a target expression, or null. */
    HclExpr translateExpression(String text) {
        RefParts p = refParts.get(text);
        if (p == null) {
            p = refParts(text);
            refParts.put(text, p);
        }
        return p == NO_REF ? null : reference(p.root(), p.name(), p.index(), p.attr());
    }

    private static RefParts refParts(String text) {
        HclParser.ExpressionResult r = HclParser.parseExpression("ref", text);
        if (r.expr() == null || !r.diagnostics().isEmpty()) {
            return NO_REF;
        }
        List<Object> steps = new ArrayList<>();
        Expr e = r.expr();
        while (true) {
            if (e instanceof GetAttrExpr g) {
                steps.add(0, g.name());
                e = g.object();
            } else if (e instanceof IndexExpr ix && ix.key() instanceof LiteralExpr l && l.value() != null) {
                steps.add(0, new Object[] {l.value() instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(l.value())});
                e = ix.collection();
            } else {
                break;
            }
        }
        if (!(e instanceof VariableExpr root)) {
            return NO_REF;
        }
        if (root.name().equals("var") || root.name().equals("local") || root.name().equals("data")) {
            return NO_REF;
        }
        // type.name[index].attr...
        if (steps.size() < 2 || !(steps.get(0) instanceof String name)) {
            return NO_REF;
        }
        String index = null;
        int at = 1;
        if (steps.get(1) instanceof Object[] ix) {
            index = (String) ix[0];
            at = 2;
        }
        if (at >= steps.size() || !(steps.get(at) instanceof String attr)) {
            return NO_REF;
        }
        return new RefParts(root.name(), name, index, attr);
    }

    /** Data read from a source value: strings with references translated (null when one cannot be). */
    Object translateValue(Object v) {
        if (v instanceof String s) {
            return translateString(s);
        }
        return v;
    }

    /** Whether the plan maps this source block at all (for the TODO reason of an unmapped one). */
    static String unmappedReason(SourceGroup g) {
        return g.first().mapping() instanceof TargetMapping.Unmapped u ? u.reason() : null;
    }

    private static final java.util.regex.Pattern NOT_IDENTIFIER = java.util.regex.Pattern.compile("[^A-Za-z0-9_]");

    /** Whether NOT_IDENTIFIER finds nothing to replace in the text (most names are identifiers already). */
    private static boolean isIdentifierText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    static String identifier(String s) {
        String t = isIdentifierText(s) ? s : NOT_IDENTIFIER.matcher(s).replaceAll("_");
        if (t.isEmpty() || !Character.isLetter(t.charAt(0)) && t.charAt(0) != '_') {
            t = "r_" + t;
        }
        return t;
    }
}
