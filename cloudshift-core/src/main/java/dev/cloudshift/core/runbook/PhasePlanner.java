package dev.cloudshift.core.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.core.plan.TargetMapping;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phases of the runbook from catalog/rules/phases.yaml: every resource address goes to the phase that holds its
 * category; the services phase orders its workloads over the dependency graph ({@link WorkloadOrder}); each task
 * gets hours from the {@link EffortModel}; each phase a duration from the team shape and a start/end day on the
 * timeline after the phases it follows.
 */
final class PhasePlanner {

    /** One task: what it moves, hours, who. */
    record Task(String name, List<String> resources, BigDecimal effortHours, String role) {
        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("resources", resources);
            m.put("effort_hours", effortHours);
            m.put("role", role);
            return m;
        }
    }

    /** One phase with its place on the timeline. */
    record Phase(String id, String name, List<Task> tasks, int durationDays, List<String> entry, List<String> exit,
            int startDay, int endDay, BigDecimal effortHours) {
        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("name", name);
            m.put("tasks", tasks.stream().map(Task::toJson).toList());
            m.put("duration_days", durationDays);
            m.put("entry", entry);
            m.put("exit", exit);
            m.put("effort_hours", effortHours);
            m.put("start_day", startDay);
            m.put("end_day", endDay);
            return m;
        }
    }

    private static final Pattern INSTANCE_KEY = Pattern.compile("\\[\"([^\"]+)\"]$");
    private static final Pattern TRAILING_INDEX = Pattern.compile("\\[[^\\]]*]$");

    private final RunbookFacts facts;
    private final RunbookCatalog catalog;
    private final EffortModel effort;

    PhasePlanner(RunbookFacts facts, RunbookCatalog catalog) {
        this.facts = facts;
        this.catalog = catalog;
        this.effort = new EffortModel(catalog.effort());
    }

    /**
     * The workload a services-phase address belongs to: its string instance key ({@code backend} for
     * {@code aws_ecs_service.service["backend"]}, so a service's task definition, autoscaling and target group move
     * with it), else the address without module path and index ({@code compose.api}, {@code aws_lambda_function.api}).
     */
    static String workload(String address) {
        Matcher m = INSTANCE_KEY.matcher(address);
        if (m.find()) {
            return m.group(1);
        }
        String a = TRAILING_INDEX.matcher(address).replaceAll("");
        int mod = a.lastIndexOf("module.");
        if (mod >= 0) {
            String rest = a.substring(mod);
            String[] parts = rest.split("\\.", 3);
            a = parts.length == 3 ? parts[2] : a;
        }
        return a;
    }

    private Set<String> entryPointCategories() {
        Set<String> out = new TreeSet<>();
        for (JsonNode p : catalog.phases().path("phases")) {
            p.path("entry_point_categories").forEach(c -> out.add(c.asText()));
        }
        return out;
    }

    /** Services-phase workloads and their dependencies over every environment's graph. */
    WorkloadOrder serviceOrder() {
        Set<String> serviceCategories = new TreeSet<>();
        for (JsonNode p : catalog.phases().path("phases")) {
            if (p.path("ordered_by_dependencies").asBoolean()) {
                p.path("categories").forEach(c -> serviceCategories.add(c.asText()));
            }
        }
        serviceCategories.removeAll(entryPointCategories());
        Map<String, String> workloadOf = new LinkedHashMap<>();
        for (String address : facts.byAddress().keySet()) {
            if (serviceCategories.contains(facts.reference(address).category())) {
                workloadOf.put(address, workload(address));
            }
        }
        Map<String, Set<String>> deps = new TreeMap<>();
        for (Map.Entry<String, List<PlannedResource>> e : facts.byAddress().entrySet()) {
            String w = workloadOf.get(e.getKey());
            if (w == null) {
                continue;
            }
            Set<String> d = deps.computeIfAbsent(w, k -> new TreeSet<>());
            for (PlannedResource r : e.getValue()) {
                for (String dep : r.dependsOn()) {
                    String dw = workloadOf.get(dep);
                    if (dw != null && !dw.equals(w)) {
                        d.add(dw);
                    }
                }
            }
        }
        return WorkloadOrder.of(deps);
    }

    List<Phase> plan(WorkloadOrder order) {
        Map<String, String> phaseOfCategory = new LinkedHashMap<>();
        for (JsonNode p : catalog.phases().path("phases")) {
            for (JsonNode c : p.path("categories")) {
                phaseOfCategory.putIfAbsent(c.asText(), p.path("id").asText());
            }
        }
        Map<String, List<String>> addressesOfPhase = new LinkedHashMap<>();
        for (String address : facts.byAddress().keySet()) {
            String category = facts.reference(address).category();
            String phase = phaseOfCategory.getOrDefault(category, phaseOfCategory.get("other"));
            addressesOfPhase.computeIfAbsent(phase, k -> new ArrayList<>()).add(address);
        }
        Map<String, Object> estate = facts.estate();
        Map<String, Integer> ends = new LinkedHashMap<>();
        List<Phase> phases = new ArrayList<>();
        for (JsonNode p : catalog.phases().path("phases")) {
            String id = p.path("id").asText();
            List<String> addresses = addressesOfPhase.getOrDefault(id, List.of());
            List<Task> tasks = new ArrayList<>();
            if (p.path("ordered_by_dependencies").asBoolean()) {
                Set<String> entry = entryPointCategories();
                List<String> workloads = addresses.stream().filter(a -> !entry.contains(facts.reference(a).category())).toList();
                List<String> entries = addresses.stream().filter(a -> entry.contains(facts.reference(a).category())).toList();
                tasks.addAll(serviceTasks(workloads, order));
                tasks.addAll(resourceTasks(id, entries));
            } else {
                tasks.addAll(resourceTasks(id, addresses));
            }
            for (JsonNode t : p.path("fixed_tasks")) {
                if (!FactCondition.holds(t.path("when"), estate)) {
                    continue;
                }
                BigDecimal hours = t.path("hours").decimalValue();
                List<String> resources = List.of();
                if (t.has("per")) {
                    resources = addressesOfCategory(t.path("per").asText());
                    if (resources.isEmpty()) {
                        continue;
                    }
                    hours = hours.multiply(BigDecimal.valueOf(resources.size()));
                } else if (t.path("decommission").asBoolean()) {
                    resources = sourceAddresses();
                } else if ("stores".equals(t.path("names").asText())) {
                    resources = new ArrayList<>();
                    for (String a : facts.byAddress().keySet()) {
                        PlannedResource r = facts.reference(a);
                        if (facts.isStore(r) && RunbookFacts.STATEFUL.contains(r.category())) {
                            resources.add(a);
                        }
                    }
                }
                tasks.add(new Task(FactTemplate.render(t.path("name").asText(), estate), resources,
                        EffortModel.half(hours), t.path("role").asText()));
            }
            if (tasks.isEmpty()) {
                continue;
            }
            if (id.equals("services") && estate.containsKey("translation_todos")) {
                int todos = ((Number) estate.get("translation_todos")).intValue();
                if (todos > 0) {
                    tasks.add(new Task("Resolve " + todos + " TODO(s) in the generated target Terraform", List.of(),
                            EffortModel.half(effort.translationTodoHours().multiply(BigDecimal.valueOf(todos))),
                            "platform engineer"));
                }
            }
            Map<String, BigDecimal> byRole = new LinkedHashMap<>();
            BigDecimal total = BigDecimal.ZERO;
            for (Task t : tasks) {
                byRole.merge(t.role(), t.effortHours(), BigDecimal::add);
                total = total.add(t.effortHours());
            }
            int duration = effort.days(byRole);
            int start = 0;
            for (JsonNode a : p.path("after")) {
                start = Math.max(start, ends.getOrDefault(a.asText(), 0));
            }
            if (p.has("delay_days")) {
                JsonNode delay = p.path("delay_days");
                start += delay.isNumber() ? delay.asInt() : ((Number) estate.getOrDefault(delay.asText(), 0)).intValue();
            }
            ends.put(id, start + duration);
            phases.add(new Phase(id, p.path("name").asText(), List.copyOf(tasks), duration,
                    render(p.path("entry")), render(p.path("exit")), start, start + duration, EffortModel.half(total)));
        }
        // phases whose predecessors were left out start when the latest earlier phase ends
        return phases;
    }

    private List<String> render(JsonNode texts) {
        List<String> out = new ArrayList<>();
        for (JsonNode t : texts) {
            out.add(FactTemplate.render(t.asText(), facts.estate()));
        }
        return out;
    }

    private List<String> addressesOfCategory(String category) {
        List<String> out = new ArrayList<>();
        for (String a : facts.byAddress().keySet()) {
            PlannedResource r = facts.reference(a);
            if (r.category().equals(category) && facts.isStore(r)) {
                out.add(a);
            }
        }
        return out;
    }

    private List<String> sourceAddresses() {
        return new ArrayList<>(facts.byAddress().keySet());
    }

    static boolean absorbed(PlannedResource r) {
        return r.mapping() instanceof TargetMapping.Mapped m && m.absorbedBy() != null;
    }

    private BigDecimal hours(String address) {
        PlannedResource ref = facts.reference(address);
        return effort.hours(facts.of(ref), facts.byAddress().get(address).size());
    }

    /** Stores get one task each; everything else one task per (type, target service). */
    private List<Task> resourceTasks(String phase, List<String> addresses) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String a : addresses) {
            PlannedResource r = facts.reference(a);
            boolean own = facts.isStore(r);
            groups.computeIfAbsent(own ? "@" + a : r.type() + "|" + targetService(r), k -> new ArrayList<>()).add(a);
        }
        List<Task> tasks = new ArrayList<>();
        for (List<String> group : groups.values()) {
            PlannedResource r = facts.reference(group.get(0));
            BigDecimal h = BigDecimal.ZERO;
            for (String a : group) {
                h = h.add(hours(a));
            }
            String verb = switch (phase) {
                case "foundation" -> "Create";
                case "services" -> "Set up";
                default -> "Migrate";
            };
            String what = r.sourceService() == null ? r.type() : r.sourceService();
            String name = r.mapped()
                    ? verb + " " + what + " as " + targetService(r)
                    : "Redesign " + what + " (no target equivalent)";
            if (group.size() == 1 && facts.isStore(r)) {
                name = name + ": " + r.address();
            }
            tasks.add(new Task(name, List.copyOf(group), EffortModel.half(h), effort.role(r.category())));
        }
        return tasks;
    }

    private List<Task> serviceTasks(List<String> addresses, WorkloadOrder order) {
        Map<String, Integer> pos = order.positions();
        TreeMap<Integer, List<String>> byStep = new TreeMap<>();
        for (String a : addresses) {
            byStep.computeIfAbsent(pos.getOrDefault(workload(a), Integer.MAX_VALUE), k -> new ArrayList<>()).add(a);
        }
        List<Task> tasks = new ArrayList<>();
        for (Map.Entry<Integer, List<String>> e : byStep.entrySet()) {
            List<String> group = e.getValue();
            Set<String> names = new LinkedHashSet<>();
            Map<String, BigDecimal> byRole = new LinkedHashMap<>();
            BigDecimal h = BigDecimal.ZERO;
            Set<String> services = new LinkedHashSet<>();
            for (String a : group) {
                names.add(workload(a));
                PlannedResource r = facts.reference(a);
                BigDecimal x = hours(a);
                h = h.add(x);
                byRole.merge(effort.role(r.category()), x, BigDecimal::add);
                if (!absorbed(r)) {
                    services.add(r.mapped() ? targetService(r) : "a redesigned equivalent");
                }
            }
            String role = byRole.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("developer");
            List<String> sortedNames = new ArrayList<>(new TreeSet<>(names));
            String label = sortedNames.size() == 1 ? "service " + sortedNames.get(0)
                    : "services " + String.join(", ", sortedNames) + (e.getKey() < order.steps().size()
                            && order.steps().get(e.getKey()).size() > 1 ? " together (dependency cycle)" : "");
            String on = services.isEmpty() ? " (settings carried by its parent on the target)" : " on " + String.join(", ", services);
            tasks.add(new Task("Deploy " + label + on, List.copyOf(group),
                    EffortModel.half(h), role));
        }
        return tasks;
    }

    private static String targetService(PlannedResource r) {
        return r.mapping() instanceof TargetMapping.Mapped m ? m.service() : "no equivalent";
    }
}
