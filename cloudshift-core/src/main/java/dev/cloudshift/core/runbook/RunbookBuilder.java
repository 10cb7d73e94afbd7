package dev.cloudshift.core.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudshift.core.plan.Plan;
import dev.cloudshift.core.plan.PlannedResource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Derives the {@link Runbook} of a plan by walking the rules of the runbook catalog over the plan's facts.
 * Call after the cost section was added when the cost-increase risk should be evaluated.
 */
public final class RunbookBuilder {

    private static final List<String> LEVELS = List.of("Critical", "High", "Medium", "Low");

    private final RunbookCatalog catalog;

    public RunbookBuilder(RunbookCatalog catalog) {
        this.catalog = catalog;
    }

    public static RunbookBuilder withDefaults() {
        return new RunbookBuilder(RunbookCatalog.bundled());
    }

    /**
     * The runbook of {@code plan}. On a machine with more than one core the checklists and the environment matrix are
     * built on a second thread while this one builds the estate facts, phases, strategy, risks and rollback; the result
     * is the same as {@link #build(Plan, RunbookOptions, boolean) build(plan, options, false)}, and an exception of
     * either thread reaches the caller as it was thrown (the one that comes first when built on one thread).
     */
    public Runbook build(Plan plan, RunbookOptions options) {
        return build(plan, options, twoCores());
    }

    /**
     * {@code plan} with its runbook's sections added: {@code build(plan, options).addTo(plan)}, with the Markdown of the
     * checklists and of the environment matrix also rendered on the second thread.
     */
    public Plan addRunbook(Plan plan, RunbookOptions options) {
        return addRunbook(plan, options, twoCores());
    }

    Plan addRunbook(Plan plan, RunbookOptions options, boolean parallel) {
        Built built = built(plan, options, parallel, true);
        return Runbook.addTo(plan, built.runbook().sections(built.rest().checklistsMarkdown()::text,
                built.rest().matrixMarkdown()::text));
    }

    private static boolean twoCores() {
        return Runtime.getRuntime().availableProcessors() > 1;
    }

    /**
     * The runbook of {@code plan}; if {@code parallel}, its checklists and environment matrix are built on a second
     * thread: the matrix's settings rows, compare findings and promotion rules (which read only the plan, the addresses
     * and the roles) at once, the rest once the estate facts are frozen.
     */
    Runbook build(Plan plan, RunbookOptions options, boolean parallel) {
        return built(plan, options, parallel, false).runbook();
    }

    /** A runbook and what its second thread made (with the Markdown of its parts if {@code markdown}). */
    private record Built(Runbook runbook, ChecklistsAndMatrix rest) {
    }

    private Built built(Plan plan, RunbookOptions options, boolean parallel, boolean markdown) {
        RunbookFacts facts = new RunbookFacts(plan, options, catalog);
        // completed with true once the estate facts are frozen and read, with false if this thread failed before
        CompletableFuture<Boolean> frozen = new CompletableFuture<>();
        FutureTask<ChecklistsAndMatrix> aside = parallel
                ? start(() -> checklistsAndMatrix(facts, options, frozen, markdown))
                : null;
        List<PhasePlanner.Phase> phases;
        List<Map<String, Object>> dataStrategies;
        WorkloadOrder order;
        Map<String, Object> strategy;
        List<Map<String, Object>> risks;
        Map<String, Object> rollback;
        try {
            PhasePlanner planner = new PhasePlanner(facts, catalog);
            order = planner.serviceOrder();
            facts.estate().put("dependency_cycles", order.cycles().size());
            facts.estate().put("cycle_members", order.cycles().stream().map(c -> String.join(" <-> ", c)).toList());

            dataStrategies = dataStrategies(facts);
            Set<String> methods = new LinkedHashSet<>();
            dataStrategies.forEach(d -> methods.add((String) d.get("method")));
            facts.estate().put("data_methods", methods.isEmpty() ? List.of("no data store moves") : List.copyOf(methods));
            facts.freezeEstate();

            // every resource's facts and the columns of the facts the rules test first, read here once for both threads
            facts.readFirstFacts(resourceConditions());
            frozen.complete(true);
            phases = planner.plan(order);
            strategy = strategy(facts, dataStrategies, phases, order);
            risks = risks(facts);
            rollback = rollback(facts, phases);
        } catch (RuntimeException | Error e) {
            frozen.complete(false);
            if (aside != null) {
                awaitQuietly(aside); // no thread outlives the build; this thread's exception wins, as it came first
            }
            throw e;
        }
        ChecklistsAndMatrix rest = aside != null ? join(aside)
                : checklistsAndMatrix(facts, options, CompletableFuture.completedFuture(true), markdown);
        return new Built(new Runbook(strategy, phases.stream().map(PhasePlanner.Phase::toJson).toList(), risks, rollback,
                rest.checklists(), rest.matrix()), rest);
    }

    /**
     * The checklists and the environment matrix: the matrix's settings first (they need no estate facts), then, once
     * {@code frozen} says the estate facts are final, the checklists and the rest of the matrix; null if the facts
     * never became final. An exception of the settings is rethrown after the checklists, where the matrix came when
     * built on one thread. With {@code markdown}, their Markdown too (a failure kept for {@link Runbook#sections}).
     */
    private ChecklistsAndMatrix checklistsAndMatrix(RunbookFacts facts, RunbookOptions options,
            CompletableFuture<Boolean> frozen, boolean markdown) {
        EnvironmentMatrix matrix = new EnvironmentMatrix(facts, catalog, options);
        EnvironmentMatrix.Settings settings = null;
        RuntimeException settingsFailure = null;
        Error settingsError = null;
        try {
            settings = matrix.settings();
        } catch (RuntimeException e) {
            settingsFailure = e;
        } catch (Error e) {
            settingsError = e;
        }
        if (!frozen.join()) {
            return null;
        }
        List<Map<String, Object>> checklists = new ChecklistBuilder(facts, catalog).build();
        if (settingsFailure != null) {
            throw settingsFailure;
        }
        if (settingsError != null) {
            throw settingsError;
        }
        Map<String, Object> built = matrix.build(settings);
        return new ChecklistsAndMatrix(checklists, built,
                markdown ? Runbook.Rendered.of(() -> RunbookMarkdown.checklists(checklists)) : null,
                markdown ? Runbook.Rendered.of(() -> RunbookMarkdown.environmentMatrix(built)) : null);
    }

    /** The parts of the runbook built on the second thread (their Markdown null unless asked for). */
    private record ChecklistsAndMatrix(List<Map<String, Object>> checklists, Map<String, Object> matrix,
            Runbook.Rendered checklistsMarkdown, Runbook.Rendered matrixMarkdown) {
    }

    /** Runs {@code work} on a new daemon thread (joined by {@link #join} or {@link #awaitQuietly} before build returns). */
    private static <T> FutureTask<T> start(Supplier<T> work) {
        FutureTask<T> task = new FutureTask<>(work::get);
        Thread t = new Thread(task, "cloudshift-runbook");
        t.setDaemon(true);
        t.start();
        return task;
    }

    /** The result of {@code task}, or its runtime exception or error rethrown here as it was thrown. */
    private static <T> T join(FutureTask<T> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the task is short and must finish: wait on, and keep the interrupt
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause()); // not reached: a Supplier throws no checked exception
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for {@code task} to end, ignoring how it ended. */
    private static void awaitQuietly(FutureTask<?> task) {
        try {
            join(task);
        } catch (RuntimeException | Error ignored) {
            // the caller rethrows its own exception
        }
    }

    /** The conditions of the rules tested over every resource: resource risks, resource checklist items, drift. */
    private List<FactCondition> resourceConditions() {
        List<FactCondition> out = new ArrayList<>();
        for (JsonNode rule : catalog.risks().path("risks")) {
            if (rule.path("scope").asText("resource").equals("resource")) {
                out.add(FactCondition.of(rule.path("when")));
            }
        }
        for (JsonNode section : catalog.checklists().path("sections")) {
            for (JsonNode item : section.path("items")) {
                if ("resource".equals(item.path("scope").asText("estate"))) {
                    out.add(FactCondition.of(item.path("when")));
                }
            }
        }
        for (JsonNode rule : catalog.drift().path("drift")) {
            if (rule.path("kind").asText().equals("resource")) {
                out.add(FactCondition.of(rule.path("when")));
            }
        }
        return out;
    }

    // ---- strategy

    private Map<String, Object> strategy(RunbookFacts facts, List<Map<String, Object>> data, List<PhasePlanner.Phase> phases,
            WorkloadOrder order) {
        Map<String, Object> estate = facts.estate();
        String recommended = null;
        List<String> reasons = new ArrayList<>();
        for (JsonNode rule : catalog.strategy().path("recommend")) {
            if (FactCondition.holds(rule.path("when"), estate)) {
                recommended = rule.path("strategy").asText();
                for (JsonNode r : rule.path("reasons")) {
                    reasons.add(FactTemplate.render(r.asText(), estate));
                }
                break;
            }
        }
        if (recommended == null) {
            throw new RunbookCatalogException("strategy.yaml: no `recommend` rule matched; end the list with `when: {}`");
        }
        List<Map<String, Object>> options = new ArrayList<>();
        for (JsonNode o : catalog.strategy().path("options")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", o.path("id").asText());
            m.put("name", o.path("name").asText());
            m.put("summary", o.path("summary").asText());
            m.put("pros", texts(o.path("pros")));
            m.put("cons", texts(o.path("cons")));
            m.put("best_for", o.path("best_for").asText());
            m.put("recommended", o.path("id").asText().equals(recommended));
            options.add(m);
        }
        Map<String, Object> facts0 = new LinkedHashMap<>();
        for (String k : List.of("environments", "production_environments", "has_production", "stateful_store_count",
                "database_count", "total_database_gb", "messaging_present", "gb_per_hour", "fixed_minutes",
                "estimated_dump_restore_minutes", "max_downtime_minutes", "downtime_fits", "dependency_cycles")) {
            if (estate.containsKey(k)) {
                facts0.put(k, estate.get(k));
            }
        }
        EffortModel effort = new EffortModel(catalog.effort());
        BigDecimal total = BigDecimal.ZERO;
        Set<String> roles = new TreeSet<>();
        Map<String, BigDecimal> byRole = new LinkedHashMap<>();
        int days = 0;
        for (PhasePlanner.Phase p : phases) {
            total = total.add(p.effortHours());
            days = Math.max(days, p.endDay());
            for (PhasePlanner.Task t : p.tasks()) {
                roles.add(t.role());
                byRole.merge(t.role(), t.effortHours(), BigDecimal::add);
            }
        }
        Map<String, Object> effortJson = new LinkedHashMap<>();
        effortJson.put("total_hours", EffortModel.half(total));
        List<Integer> range = effort.range(total);
        effortJson.put("low_hours", range.get(0));
        effortJson.put("high_hours", range.get(1));
        Map<String, Object> hoursByRole = new LinkedHashMap<>();
        new TreeSet<>(byRole.keySet()).forEach(r -> hoursByRole.put(r, EffortModel.half(byRole.get(r))));
        effortJson.put("hours_by_role", hoursByRole);
        effortJson.put("team", effort.team(roles));
        effortJson.put("duration_days", days);
        effortJson.put("hours_per_day", catalog.effort().path("team").path("hours_per_day").asInt());
        effortJson.put("service_order", order.steps());

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recommended", recommended);
        m.put("reasons", reasons);
        m.put("facts", facts0);
        m.put("options", options);
        m.put("data", data);
        m.put("effort", effortJson);
        return m;
    }

    /** Categories whose resources get a data strategy. */
    private static final Set<String> DATA_CATEGORIES = Set.of("database", "cache", "messaging", "storage", "search",
            "analytics");

    private List<Map<String, Object>> dataStrategies(RunbookFacts facts) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<JsonNode> rules = new ArrayList<>();
        List<FactCondition> conditions = new ArrayList<>(); // each rule's condition read once, not per resource
        for (JsonNode rule : catalog.strategy().path("data_strategies")) {
            rules.add(rule);
            conditions.add(FactCondition.of(rule.path("when")));
        }
        for (String address : facts.byAddress().keySet()) {
            PlannedResource ref = facts.reference(address);
            if (!DATA_CATEGORIES.contains(ref.category()) || PhasePlanner.absorbed(ref)) {
                continue;
            }
            Map<String, Object> f = facts.of(ref);
            Object max = facts.estate().get("max_downtime_minutes");
            Object fits = facts.estate().get("downtime_fits");
            f.put("downtime_note", max == null ? ""
                    : Boolean.TRUE.equals(fits) ? ", within the allowed " + max + " min of downtime"
                    : " (the whole copy window exceeds the allowed " + max + " min)");
            for (int i = 0; i < rules.size(); i++) {
                JsonNode rule = rules.get(i);
                if (conditions.get(i).holds(f)) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("resource", address);
                    m.put("environments", facts.byAddress().get(address).stream().map(PlannedResource::environment).toList());
                    m.put("category", ref.category());
                    if (ref.attributes().get("engine") != null) {
                        m.put("engine", ref.attributes().get("engine"));
                    }
                    if (ref.attributes().get("storage_gb") != null) {
                        m.put("storage_gb", ref.attributes().get("storage_gb"));
                    }
                    m.put("target_service", f.get("target_service"));
                    m.put("method", rule.path("method").asText());
                    m.put("tool", FactTemplate.render(rule.path("tool").asText(), f));
                    m.put("reason", FactTemplate.render(rule.path("reason").asText(), f));
                    out.add(m);
                    break;
                }
            }
        }
        return out;
    }

    // ---- risks

    List<Map<String, Object>> risks(RunbookFacts facts) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode rule : catalog.risks().path("risks")) {
            String scope = rule.path("scope").asText("resource");
            Set<String> resources = new LinkedHashSet<>();
            Set<String> envs = new LinkedHashSet<>();
            Set<String> details = new LinkedHashSet<>();
            switch (scope) {
                case "resource" -> {
                    facts.forEachHolding(FactCondition.of(rule.path("when")), (r, f) -> {
                        if (resources.add(r.address())) {
                            details.add(FactTemplate.render(rule.path("detail").asText(), f));
                        }
                        envs.add(r.environment());
                    });
                }
                case "environment" -> {
                    for (String env : facts.plan().environments()) {
                        Map<String, Object> f = facts.ofEnvironment(env);
                        if (FactCondition.holds(rule.path("when"), f)) {
                            envs.add(env);
                            details.add(FactTemplate.render(rule.path("detail").asText(), f));
                        }
                    }
                }
                case "estate" -> {
                    if (FactCondition.holds(rule.path("when"), facts.estate())) {
                        envs.addAll(facts.plan().environments());
                        details.add(FactTemplate.render(rule.path("detail").asText(), facts.estate()));
                    }
                }
                default -> throw new RunbookCatalogException("risks.yaml: rule " + rule.path("id").asText()
                        + ": unknown scope `" + scope + "`; use resource, environment or estate");
            }
            if (details.isEmpty()) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", rule.path("id").asText());
            m.put("title", rule.path("title").asText());
            m.put("impact", level(rule, "impact"));
            m.put("probability", level(rule, "probability"));
            m.put("resources", List.copyOf(resources));
            m.put("environments", List.copyOf(envs));
            m.put("details", List.copyOf(details));
            m.put("mitigation", texts(rule.path("mitigation")));
            out.add(m);
        }
        out.sort((a, b) -> {
            int c = LEVELS.indexOf(a.get("impact")) - LEVELS.indexOf(b.get("impact"));
            return c != 0 ? c : LEVELS.indexOf(a.get("probability")) - LEVELS.indexOf(b.get("probability"));
        });
        return out;
    }

    private static String level(JsonNode rule, String field) {
        String v = rule.path(field).asText();
        if (!LEVELS.contains(v)) {
            throw new RunbookCatalogException("risks.yaml: rule " + rule.path("id").asText() + ": " + field + " `" + v
                    + "` is not one of " + String.join(", ", LEVELS));
        }
        return v;
    }

    // ---- rollback and decision points

    private Map<String, Object> rollback(RunbookFacts facts, List<PhasePlanner.Phase> phases) {
        Set<String> present = new LinkedHashSet<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (PhasePlanner.Phase p : phases) {
            present.add(p.id());
            names.put(p.id(), p.name());
        }
        List<Map<String, Object>> perPhase = new ArrayList<>();
        for (JsonNode r : catalog.rollback().path("rollback")) {
            String phase = r.path("phase").asText();
            if (!present.contains(phase)) {
                continue;
            }
            List<String> steps = new ArrayList<>();
            for (JsonNode s : r.path("steps")) {
                if (s.isTextual()) {
                    steps.add(FactTemplate.render(s.asText(), facts.estate()));
                } else if (FactCondition.holds(s.path("when"), facts.estate())) {
                    steps.add(FactTemplate.render(s.path("text").asText(), facts.estate()));
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("phase", names.get(phase));
            m.put("trigger", FactTemplate.render(r.path("trigger").asText(), facts.estate()));
            m.put("steps", steps);
            m.put("expected_minutes", r.path("minutes").asInt());
            perPhase.add(m);
        }
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (JsonNode d : catalog.rollback().path("decision_points")) {
            String before = d.path("before").asText();
            String phase = before.startsWith("traffic") ? "traffic" : before;
            if (!present.contains(phase)) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", d.path("name").asText());
            m.put("before", before.equals(phase) ? names.get(phase) : names.get(phase) + " (100%)");
            List<String> criteria = new ArrayList<>();
            d.path("criteria").forEach(c -> criteria.add(FactTemplate.render(c.asText(), facts.estate())));
            m.put("criteria", criteria);
            decisions.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phases", perPhase);
        m.put("decision_points", decisions);
        return m;
    }

    static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }

    static String str(Object o) {
        return Objects.toString(o, "");
    }
}
