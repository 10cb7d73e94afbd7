package dev.cloudshift.core.runbook;

import dev.cloudshift.core.model.AttributeValues;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudshift.core.cost.CostSection;
import dev.cloudshift.core.cost.EnvironmentCost;
import dev.cloudshift.core.plan.InputFile;
import dev.cloudshift.core.plan.Plan;
import dev.cloudshift.core.plan.PlanSection;
import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.core.plan.TargetMapping;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The facts rules are evaluated against, derived from a plan:
 * <ul>
 *   <li>resource facts: the normalised attributes plus {@code address, type, category, provider, environment,
 *       role, production, mapped, absorbed, target, target_service, target_notes, service, unmapped_reason,
 *       dump_restore_minutes}, with the estate facts underneath;</li>
 *   <li>environment facts: {@code environment, role, production, count:<type>, count_category:<category>,
 *       source_monthly_usd, target_monthly_usd, cost_increase_percent, unpriced_cost_components, cost_caveat};</li>
 *   <li>estate facts: {@code has_production, environments, stateful_store_count, database_count,
 *       total_database_gb, estimated_dump_restore_minutes, max_downtime_minutes, downtime_fits,
 *       messaging_present, dotenv_files, sensitive_variables, translation_todos, ...}.</li>
 * </ul>
 * A resource that exists in several environments is described once by its reference instance: the one in a
 * production environment, else the one in the last environment.
 *
 * <p>Thread safety: {@link RunbookBuilder} builds the checklists and the environment matrix on a second thread. It
 * starts after the constructor and reads only the plan, {@link #byAddress}, the roles and the reference instances
 * (filled by the constructor, never changed) until the estate is frozen and the facts are read; then it reads the rest.
 * What is filled lazily ({@link #of}, {@link #ofResources}, {@link #ofEnvironment}, {@link #isStore} and their caches)
 * is guarded by this object's lock, the fact columns are a concurrent map, and the estate is only read once frozen.
 */
public final class RunbookFacts {

    static final Set<String> STATEFUL = Set.of("database", "storage", "search", "analytics");

    private final Plan plan;
    private final RunbookCatalog catalog;
    private final Map<String, Object> estate = new LinkedHashMap<>();
    private final Map<String, List<PlannedResource>> byAddress = new LinkedHashMap<>();
    private final Map<String, String> roles = new LinkedHashMap<>();
    private final Map<PlannedResource, Boolean> stores = new IdentityHashMap<>();
    /** The reference instance of every address, filled by the constructor (read only afterwards). */
    private final Map<String, PlannedResource> references = new java.util.HashMap<>();
    private List<Map<String, Object>> resourceFacts;
    private Map<String, Object> frozenEstate;
    private Map<PlannedResource, Map<String, Object>> factsCache;
    private List<FactCondition> storeRules;
    private Map<String, Map<String, Object>> environmentCache;
    /**
     * Values of one fact over every resource (facts are final once the estate is frozen), by fact name; concurrent
     * because both threads of the builder test conditions (its computeIfAbsent never reaches back into the map).
     */
    private final Map<String, FactColumn> columns = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<int[]> positions;

    RunbookFacts(Plan plan, RunbookOptions options, RunbookCatalog catalog) {
        this.plan = plan;
        this.catalog = catalog;
        for (String env : plan.environments()) {
            roles.put(env, role(env, catalog.drift().path("environment_roles")));
        }
        Map<String, Instances> instances = new LinkedHashMap<>();
        List<PlannedResource> all = plan.resources();
        for (int i = 0; i < all.size(); i++) {
            instances.computeIfAbsent(all.get(i).address(), k -> new Instances()).add(all.get(i), i);
        }
        List<int[]> at = new ArrayList<>(instances.size());
        instances.forEach((address, in) -> {
            byAddress.put(address, in.resources);
            at.add(Arrays.copyOf(in.positions, in.resources.size()));
            references.put(address, referenceOf(in.resources));
        });
        positions = List.copyOf(at);
        buildEstate(options);
    }

    /** The instances of one address while they are gathered, with their positions in the plan. */
    private static final class Instances {
        final List<PlannedResource> resources = new ArrayList<>(2);
        int[] positions = new int[2];

        void add(PlannedResource r, int position) {
            if (resources.size() == positions.length) {
                positions = Arrays.copyOf(positions, positions.length * 2);
            }
            positions[resources.size()] = position;
            resources.add(r);
        }
    }

    /** The role (dev, test, staging, prod or other) of an environment name, from drift.yaml environment_roles. */
    static String role(String env, JsonNode roles) {
        String n = env.toLowerCase(Locale.ROOT);
        Iterator<Map.Entry<String, JsonNode>> it = roles.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            for (JsonNode alias : e.getValue()) {
                if (alias.asText().equals(n)) {
                    return e.getKey();
                }
            }
        }
        return "other";
    }

    public Plan plan() {
        return plan;
    }

    public String roleOf(String environment) {
        return roles.getOrDefault(environment, "other");
    }

    public Map<String, String> roles() {
        return roles;
    }

    /** Estate facts (modifiable by the builder as later stages add what they learn). */
    public Map<String, Object> estate() {
        return estate;
    }

    /** Every address in plan order with its instances per environment. */
    public Map<String, List<PlannedResource>> byAddress() {
        return byAddress;
    }

    /** The instance of an address whose facts describe it: production first, else the last environment. */
    public PlannedResource reference(String address) {
        return references.get(address);
    }

    private PlannedResource referenceOf(List<PlannedResource> all) {
        PlannedResource ref = all.get(all.size() - 1);
        for (PlannedResource r : all) {
            if ("prod".equals(roleOf(r.environment()))) {
                ref = r;
            }
        }
        return ref;
    }

    /**
     * Marks the estate facts final: from now on {@link #of} and {@link #ofEnvironment} compute each map once and
     * return it unmodifiable. Call only when nothing will add to {@link #estate()} any more.
     */
    synchronized void freezeEstate() {
        frozenEstate = Collections.unmodifiableMap(new LinkedHashMap<>(estate));
        factsCache = new IdentityHashMap<>();
        environmentCache = new LinkedHashMap<>();
    }

    /** Facts of one resource instance, over the estate facts (unmodifiable once the estate is frozen). */
    public synchronized Map<String, Object> of(PlannedResource r) {
        if (factsCache != null) {
            Map<String, Object> f = factsCache.get(r);
            if (f == null) {
                f = Collections.unmodifiableMap(compute(r));
                factsCache.put(r, f);
            }
            return f;
        }
        return compute(r);
    }

    /** {@link #of} of every resource of the plan, in plan order (for rules walked over every resource). */
    synchronized List<Map<String, Object>> ofResources() {
        if (factsCache == null) {
            return plan.resources().stream().map(this::of).toList();
        }
        if (resourceFacts == null) {
            resourceFacts = plan.resources().stream().map(this::of).toList();
        }
        return resourceFacts;
    }

    /** Each resource of the plan, in plan order, whose facts satisfy {@code when}, given with those facts. */
    void forEachHolding(FactCondition when, BiConsumer<PlannedResource, Map<String, Object>> action) {
        List<PlannedResource> all = plan.resources();
        List<Map<String, Object>> allFacts = ofResources();
        boolean[] holding = holding(when);
        for (int i = 0; i < all.size(); i++) {
            if (holding[i]) {
                action.accept(all.get(i), allFacts.get(i));
            }
        }
    }

    /**
     * Whether {@code when} holds on the facts of each resource of the plan, by position in {@link Plan#resources()}.
     * Once the estate is frozen (the facts no longer change), a condition whose first key tests one fact tests each
     * distinct value of that fact once (a rule starting with {@code category: database} decides most of the
     * 20,000 resources of a large estate from a dozen categories) and tests the rest of its keys only on the
     * resources that pass; the result is the same as testing every resource's facts in turn.
     */
    boolean[] holding(FactCondition when) {
        List<Map<String, Object>> allFacts = ofResources();
        boolean[] out = new boolean[allFacts.size()];
        String first = factsCache == null ? null : when.firstFact();
        if (first == null) {
            for (int i = 0; i < out.length; i++) {
                out[i] = when.holds(allFacts.get(i));
            }
            return out;
        }
        FactColumn column = columns.computeIfAbsent(first, k -> FactColumn.of(allFacts, k));
        boolean[] firstHolds = column.test(when::firstHolds);
        for (int i = 0; i < out.length; i++) {
            out[i] = firstHolds[i] && when.restHolds(allFacts.get(i));
        }
        return out;
    }

    /**
     * Reads, in one pass over the resources, the facts the given conditions test first (see {@link #holding}), so
     * that the conditions tested later find them read. Only once the estate is frozen; otherwise nothing.
     */
    void readFirstFacts(List<FactCondition> conditions) {
        if (factsCache == null) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (FactCondition c : conditions) {
            String first = c.firstFact();
            if (first != null && !columns.containsKey(first) && !names.contains(first)) {
                names.add(first);
            }
        }
        if (!names.isEmpty()) {
            columns.putAll(FactColumn.of(ofResources(), names));
        }
    }

    /** The position of each instance of every address in {@link Plan#resources()}, in {@link #byAddress()} order. */
    List<int[]> positions() {
        return positions;
    }

    private Map<String, Object> compute(PlannedResource r) {
        // the resource's own facts over its attributes over the estate facts (a snapshot until the estate is final)
        Map<String, Object> f = new LinkedHashMap<>(32);
        Map<String, Object> facts = new LayeredFacts(f, r.attributes(),
                frozenEstate != null ? frozenEstate : new LinkedHashMap<>(estate));
        f.put("address", r.address());
        f.put("type", r.type());
        f.put("category", r.category());
        f.put("provider", r.provider());
        f.put("environment", r.environment());
        f.put("role", roleOf(r.environment()));
        f.put("production", "prod".equals(roleOf(r.environment())));
        f.put("mapped", r.mapped());
        f.put("service", r.sourceService() == null ? r.type() : r.sourceService());
        f.put("target", plan.target());
        if (r.mapping() instanceof TargetMapping.Mapped m) {
            f.put("target_service", m.service());
            f.put("target_notes", m.notes());
            f.put("absorbed", m.absorbedBy() != null);
        } else if (r.mapping() instanceof TargetMapping.Unmapped u) {
            f.put("target_service", "no equivalent");
            f.put("unmapped_reason", u.reason());
            f.put("absorbed", false);
        }
        f.put("store", isStore(r));
        BigDecimal gb = AttributeValues.number(r.attributes().get("storage_gb"));
        if (gb != null && STATEFUL.contains(r.category())) {
            f.put("dump_restore_minutes", dumpRestoreMinutes(gb));
            f.put("size_text", FactTemplate.format(gb) + " GB (dump and restore about " + dumpRestoreMinutes(gb) + " min)");
        } else {
            f.put("size_text", "unknown size (not stated in the code; measure it before choosing the window)");
        }
        return facts;
    }

    /**
     * A data store proper: a database, cache, broker, index or bucket that holds data, as opposed to its
     * satellites (parameter groups, subnet groups, configurations) and to settings absorbed by their parent. A
     * store has an {@code engine}, or is object storage.
     */
    public synchronized boolean isStore(PlannedResource r) {
        return stores.computeIfAbsent(r, this::computeIsStore);
    }

    private boolean computeIsStore(PlannedResource r) {
        if (PhasePlanner.absorbed(r)) {
            return false;
        }
        // its type and category over its attributes (a view: conditions only read facts)
        Map<String, Object> own = new java.util.HashMap<>(4);
        own.put("type", r.type());
        own.put("category", r.category());
        Map<String, Object> f = new LayeredFacts(own, r.attributes(), Map.of());
        if (storeRules == null) {
            storeRules = new ArrayList<>();
            for (JsonNode rule : catalog.strategy().path("stores")) {
                storeRules.add(FactCondition.of(rule));
            }
        }
        for (FactCondition rule : storeRules) {
            if (rule.holds(f)) {
                return true;
            }
        }
        return false;
    }

    /** Facts of one environment, over the estate facts. */
    public synchronized Map<String, Object> ofEnvironment(String env) {
        if (environmentCache != null) {
            return environmentCache.computeIfAbsent(env, k -> Collections.unmodifiableMap(computeEnvironment(k)));
        }
        return computeEnvironment(env);
    }

    private Map<String, Object> computeEnvironment(String env) {
        Map<String, Object> f = new LinkedHashMap<>(estate);
        f.put("environment", env);
        f.put("role", roleOf(env));
        f.put("production", "prod".equals(roleOf(env)));
        // counted per type and category first, then put in the order the keys were first met (as merging would)
        Map<String, int[]> byType = new java.util.HashMap<>();
        Map<String, int[]> byCategory = new java.util.HashMap<>();
        List<Map.Entry<String, int[]>> counts = new ArrayList<>();
        for (PlannedResource r : plan.resources()) {
            if (!r.environment().equals(env)) {
                continue;
            }
            byType.computeIfAbsent(r.type(), t -> {
                int[] n = new int[1];
                counts.add(Map.entry("count:" + t, n));
                return n;
            })[0]++;
            byCategory.computeIfAbsent(r.category(), c -> {
                int[] n = new int[1];
                counts.add(Map.entry("count_category:" + c, n));
                return n;
            })[0]++;
        }
        for (Map.Entry<String, int[]> c : counts) {
            f.merge(c.getKey(), c.getValue()[0], (a, b) -> (Integer) a + (Integer) b);
        }
        for (PlanSection s : plan.sections()) {
            if (s instanceof CostSection cost) {
                for (EnvironmentCost c : cost.estimate().environments()) {
                    if (c.environment().equals(env) && c.sourceMonthlyUsd() != null && c.targetMonthlyUsd() != null) {
                        f.put("source_monthly_usd", c.sourceMonthlyUsd().setScale(2, RoundingMode.HALF_UP));
                        f.put("target_monthly_usd", c.targetMonthlyUsd().setScale(2, RoundingMode.HALF_UP));
                        // totals count unpriced components as 0: say so wherever a rule quotes them
                        int unpriced = dev.cloudshift.core.cost.CostLine.unpricedCount(c.lines());
                        f.put("unpriced_cost_components", unpriced);
                        f.put("cost_caveat", unpriced == 0 ? ""
                                : "; incomplete: " + unpriced + " unpriced component" + (unpriced == 1 ? "" : "s") + " counted as 0");
                        if (c.sourceMonthlyUsd().signum() > 0) {
                            f.put("cost_increase_percent", c.targetMonthlyUsd().subtract(c.sourceMonthlyUsd())
                                    .multiply(BigDecimal.valueOf(100))
                                    .divide(c.sourceMonthlyUsd(), 0, RoundingMode.HALF_UP));
                        }
                    }
                }
            }
        }
        return f;
    }

    int dumpRestoreMinutes(BigDecimal gb) {
        JsonNode d = catalog.effort().path("dump_restore");
        BigDecimal perHour = d.path("gb_per_hour").decimalValue();
        int fixed = d.path("fixed_minutes").asInt();
        if (perHour.signum() <= 0) {
            throw new RunbookCatalogException("effort.yaml: dump_restore.gb_per_hour must be positive");
        }
        return gb.multiply(BigDecimal.valueOf(60)).divide(perHour, 0, RoundingMode.CEILING).intValue() + fixed;
    }

    private void buildEstate(RunbookOptions options) {
        List<String> prod = plan.environments().stream().filter(e -> "prod".equals(roleOf(e))).toList();
        estate.put("target", plan.target());
        estate.put("target_name", catalog.strategy().path("target_names").path(plan.target()).asText(plan.target()));
        estate.put("sync_tool", catalog.strategy().path("sync_tools").path(plan.target()).asText("a sync tool"));
        estate.put("environments", plan.environments());
        estate.put("environment_count", plan.environments().size());
        estate.put("production_environments", prod);
        estate.put("has_production", !prod.isEmpty());

        Set<String> stateful = new LinkedHashSet<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Integer> stores = new LinkedHashMap<>();
        int unmapped = 0;
        for (Map.Entry<String, List<PlannedResource>> e : byAddress.entrySet()) {
            PlannedResource r = reference(e.getKey());
            boolean absorbed = r.mapping() instanceof TargetMapping.Mapped m && m.absorbedBy() != null;
            if (absorbed) {
                continue;
            }
            counts.merge(r.category(), 1, Integer::sum);
            if (isStore(r)) {
                stores.merge(r.category(), 1, Integer::sum);
                if (STATEFUL.contains(r.category())) {
                    stateful.add(r.address());
                }
            }
            if (!r.mapped()) {
                unmapped++;
            }
        }
        estate.put("stateful_store_count", stateful.size());
        estate.put("database_count", stores.getOrDefault("database", 0));
        estate.put("object_storage_count", stores.getOrDefault("storage", 0));
        estate.put("cache_count", stores.getOrDefault("cache", 0));
        estate.put("messaging_count", stores.getOrDefault("messaging", 0));
        estate.put("messaging_present", stores.getOrDefault("messaging", 0) > 0);
        estate.put("identity_count", counts.getOrDefault("identity", 0));
        estate.put("security_count", counts.getOrDefault("security", 0));
        estate.put("registry_count", counts.getOrDefault("registry", 0));
        estate.put("secret_resources", counts.getOrDefault("secrets", 0));
        estate.put("unmapped_count", unmapped);
        estate.put("config_changes", plan.configChanges().size());

        // the copy window: the databases of the largest reference environment, copied one after the other
        List<String> reference = prod.isEmpty() ? plan.environments() : prod;
        BigDecimal total = BigDecimal.ZERO;
        int unknown = 0;
        for (String env : reference) {
            BigDecimal sum = BigDecimal.ZERO;
            int missing = 0;
            for (PlannedResource r : plan.resourcesOf(env)) {
                if (!"database".equals(r.category()) || !isStore(r)) {
                    continue;
                }
                BigDecimal gb = AttributeValues.number(r.attributes().get("storage_gb"));
                if (gb == null) {
                    missing++;
                } else {
                    sum = sum.add(gb);
                }
            }
            if (sum.compareTo(total) >= 0) {
                total = sum;
                unknown = Math.max(unknown, missing);
            }
        }
        estate.put("unknown_size_databases", unknown);
        JsonNode d = catalog.effort().path("dump_restore");
        estate.put("gb_per_hour", d.path("gb_per_hour").decimalValue());
        estate.put("fixed_minutes", d.path("fixed_minutes").asInt());
        estate.put("total_database_gb", total);
        int estimate = dumpRestoreMinutes(total);
        estate.put("estimated_dump_restore_minutes", estimate);
        String gbText = FactTemplate.format(total) + " GB of databases";
        estate.put("database_size_text", unknown == 0 ? gbText
                : total.signum() == 0 ? unknown + " database(s) of unknown size" : gbText + " plus " + unknown + " of unknown size");
        estate.put("dump_estimate_text", unknown == 0 ? "about " + estimate + " minutes"
                : "at least " + estimate + " minutes (the size of " + unknown + " database(s) is not stated in the code)");
        if (options.maxDowntimeMinutes() != null) {
            estate.put("max_downtime_minutes", options.maxDowntimeMinutes());
            estate.put("downtime_fits", unknown == 0 && estimate <= options.maxDowntimeMinutes());
        }
        estate.put("soak_days", catalog.effort().path("soak_days").asInt(7));

        long dotenv = plan.inputs().stream().filter(i -> i.kind() == InputFile.Kind.DOTENV).count();
        estate.put("dotenv_files", (int) dotenv);
        Set<String> sensitive = new LinkedHashSet<>();
        options.variables().forEach((env, vars) -> vars.forEach((k, v) -> {
            if (TerraformVariables.SENSITIVE.equals(v)) {
                sensitive.add(k);
            }
        }));
        estate.put("sensitive_variables", sensitive.size());
        Integer todos = translationTodos(plan);
        if (todos != null) {
            estate.put("translation_todos", todos);
        }
    }

    /** TODO count of a translation section (issue 5), when the plan carries one: the size of its "todos" list. */
    static Integer translationTodos(Plan plan) {
        for (PlanSection s : plan.sections()) {
            if (s.key().startsWith("translation") || s.key().equals("terraform")) {
                Integer n = findTodos(s.toJson());
                if (n != null) {
                    return n;
                }
            }
        }
        return null;
    }

    private static Integer findTodos(Object json) {
        if (json instanceof Map<?, ?> m) {
            Object t = m.get("todos");
            if (t instanceof Collection<?> c) {
                return c.size();
            }
            if (t instanceof Number n) {
                return n.intValue();
            }
            for (Object v : m.values()) {
                Integer n = findTodos(v);
                if (n != null) {
                    return n;
                }
            }
        }
        return null;
    }
}
