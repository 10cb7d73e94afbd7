package dev.cloudshift.core.runbook;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The order services move in: a service after the services it depends on (backends before the frontends that
 * call them). Services on a dependency cycle cannot be ordered and form one step that moves together; every such
 * cycle is reported. Ties follow name order, so the result is deterministic.
 *
 * @param steps  groups of service names in move order; a group of more than one is a cycle
 * @param cycles the cycles found (each sorted), in step order
 */
public record WorkloadOrder(List<List<String>> steps, List<List<String>> cycles) {

    /**
     * @param dependsOn name -> names it depends on; a name that only appears as a dependency is a node too
     */
    public static WorkloadOrder of(Map<String, ? extends Collection<String>> dependsOn) {
        TreeMap<String, TreeSet<String>> edges = new TreeMap<>();
        dependsOn.forEach((k, v) -> {
            edges.computeIfAbsent(k, x -> new TreeSet<>());
            for (String d : v) {
                edges.computeIfAbsent(d, x -> new TreeSet<>());
                if (!d.equals(k)) {
                    edges.get(k).add(d);
                }
            }
        });
        List<List<String>> components = new Tarjan(edges).run();
        Map<String, Integer> componentOf = new HashMap<>();
        for (int i = 0; i < components.size(); i++) {
            for (String n : components.get(i)) {
                componentOf.put(n, i);
            }
        }
        // Kahn over components; ready components in order of their first name
        int n = components.size();
        int[] pending = new int[n];
        Map<Integer, Set<Integer>> dependents = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Set<Integer> deps = new TreeSet<>();
            for (String node : components.get(i)) {
                for (String d : edges.get(node)) {
                    int c = componentOf.get(d);
                    if (c != i) {
                        deps.add(c);
                    }
                }
            }
            pending[i] = deps.size();
            for (int d : deps) {
                dependents.computeIfAbsent(d, x -> new TreeSet<>()).add(i);
            }
        }
        TreeMap<String, Integer> ready = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            if (pending[i] == 0) {
                ready.put(components.get(i).get(0), i);
            }
        }
        List<List<String>> steps = new ArrayList<>();
        List<List<String>> cycles = new ArrayList<>();
        while (!ready.isEmpty()) {
            int c = ready.pollFirstEntry().getValue();
            List<String> step = components.get(c);
            steps.add(step);
            if (step.size() > 1) {
                cycles.add(step);
            }
            for (int d : dependents.getOrDefault(c, Set.of())) {
                if (--pending[d] == 0) {
                    ready.put(components.get(d).get(0), d);
                }
            }
        }
        return new WorkloadOrder(List.copyOf(steps), List.copyOf(cycles));
    }

    /** Position of each name in the move order (members of one cycle share a position). */
    public Map<String, Integer> positions() {
        Map<String, Integer> pos = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            for (String s : steps.get(i)) {
                pos.put(s, i);
            }
        }
        return pos;
    }

    /** Iterative Tarjan strongly-connected components; each component sorted. */
    private static final class Tarjan {
        private final TreeMap<String, TreeSet<String>> edges;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final java.util.ArrayDeque<String> stack = new java.util.ArrayDeque<>();
        private final Set<String> onStack = new java.util.HashSet<>();
        private final List<List<String>> out = new ArrayList<>();
        private int counter;

        Tarjan(TreeMap<String, TreeSet<String>> edges) {
            this.edges = edges;
        }

        List<List<String>> run() {
            for (String v : edges.keySet()) {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            }
            return out;
        }

        private void visit(String start) {
            java.util.ArrayDeque<Object[]> work = new java.util.ArrayDeque<>();
            enter(start);
            work.push(new Object[] {start, edges.get(start).iterator()});
            while (!work.isEmpty()) {
                Object[] frame = work.peek();
                String v = (String) frame[0];
                @SuppressWarnings("unchecked")
                java.util.Iterator<String> it = (java.util.Iterator<String>) frame[1];
                if (it.hasNext()) {
                    String w = it.next();
                    if (!index.containsKey(w)) {
                        enter(w);
                        work.push(new Object[] {w, edges.get(w).iterator()});
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = (String) work.peek()[0];
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    TreeSet<String> component = new TreeSet<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        component.add(w);
                    } while (!w.equals(v));
                    out.add(List.copyOf(component));
                }
            }
        }

        private void enter(String v) {
            index.put(v, counter);
            low.put(v, counter);
            counter++;
            stack.push(v);
            onStack.add(v);
        }
    }
}
