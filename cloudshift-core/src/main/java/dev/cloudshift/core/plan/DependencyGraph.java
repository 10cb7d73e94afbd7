package dev.cloudshift.core.plan;

import dev.cloudshift.core.model.ConfigEntry;
import dev.cloudshift.core.model.Resource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The dependency graph of one environment: nodes are resource addresses, an edge {@code a -> b} means a
 * depends on b. Built from the edges ingest recorded (expression references, explicit depends_on, compose
 * depends_on) plus compose host references found in environment values; every edge is resolved against the
 * addresses that exist:
 * <ul>
 *   <li>an exact address is kept;</li>
 *   <li>an address without an instance key ({@code aws_subnet.private}) stands for all its instances;</li>
 *   <li>a module address ({@code module.network}) stands for every resource in the module;</li>
 *   <li>a reference with a trailing attribute ({@code aws_db_instance.main.address}) is cut back to the
 *       resource;</li>
 *   <li>anything else (data sources, variables, locals, resources outside the project) is dropped.</li>
 * </ul>
 * Self edges are dropped; edges are sorted in {@link AddressOrder}.
 */
public final class DependencyGraph {

    private final Map<String, List<String>> edges;

    private DependencyGraph(Map<String, List<String>> edges) {
        this.edges = edges;
    }

    /**
     * Builds the graph of one environment.
     *
     * @param resources the environment's resources, each with the dependency addresses ingest recorded
     * @param config    the environment's configuration entries; compose service values that name another
     *                  compose service as a host add an edge
     */
    public static DependencyGraph build(Collection<Resource> resources, Collection<ConfigEntry> config) {
        NavigableSet<String> addresses = new TreeSet<>();
        Set<String> known = new HashSet<>(resources.size() * 2);
        for (Resource r : resources) {
            addresses.add(r.address());
            known.add(r.address());
        }
        Map<String, Set<String>> out = new HashMap<>();
        for (Resource r : resources) {
            Set<String> targets = out.computeIfAbsent(r.address(), k -> new LinkedHashSet<>());
            for (String dep : r.dependsOn()) {
                if (known.contains(dep)) {
                    targets.add(dep); // the usual case, what resolve finds first, without a search of the ordered set
                } else {
                    targets.addAll(resolve(dep, addresses));
                }
            }
        }
        addComposeHostEdges(resources, config, out);
        Map<String, List<String>> edges = new HashMap<>(out.size() * 2);
        for (Map.Entry<String, Set<String>> e : out.entrySet()) {
            Set<String> deps = e.getValue();
            deps.remove(e.getKey());
            if (deps.isEmpty()) {
                edges.put(e.getKey(), List.of());
            } else {
                List<String> l = new ArrayList<>(deps);
                l.sort(AddressOrder.INSTANCE);
                edges.put(e.getKey(), List.copyOf(l));
            }
        }
        return new DependencyGraph(edges);
    }

    /** The validated dependencies of {@code address}; empty for an unknown address. */
    public List<String> dependenciesOf(String address) {
        return edges.getOrDefault(address, List.of());
    }

    /** Every node in address order. */
    public List<String> nodes() {
        List<String> n = new ArrayList<>(edges.keySet());
        n.sort(AddressOrder.INSTANCE);
        return n;
    }

    /** Number of edges. */
    public int edgeCount() {
        int n = 0;
        for (List<String> l : edges.values()) {
            n += l.size();
        }
        return n;
    }

    /**
     * Nodes so that every node comes after what it depends on (ties in address order). Nodes on a cycle,
     * which compose files can express, follow at the end in address order.
     */
    public List<String> dependencyOrder() {
        Map<String, Integer> pending = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (String node : nodes()) {
            Map.Entry<String, List<String>> e = Map.entry(node, edges.get(node));
            pending.put(e.getKey(), e.getValue().size());
            for (String d : e.getValue()) {
                dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(e.getKey());
            }
        }
        TreeSet<String> ready = new TreeSet<>(AddressOrder.INSTANCE);
        pending.forEach((k, v) -> {
            if (v == 0) {
                ready.add(k);
            }
        });
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String n = ready.pollFirst();
            order.add(n);
            for (String d : dependents.getOrDefault(n, List.of())) {
                if (pending.merge(d, -1, Integer::sum) == 0) {
                    ready.add(d);
                }
            }
        }
        if (order.size() < edges.size()) {
            TreeSet<String> rest = new TreeSet<>(AddressOrder.INSTANCE);
            rest.addAll(edges.keySet());
            rest.removeAll(order);
            order.addAll(rest);
        }
        return order;
    }

    static Set<String> resolve(String dep, NavigableSet<String> addresses) {
        Set<String> found = new LinkedHashSet<>();
        if (dep == null || dep.isBlank()) {
            return found;
        }
        Deque<String> candidates = new ArrayDeque<>();
        String d = dep.trim();
        candidates.add(d);
        // cut trailing attribute names back: a.b.c.d -> a.b.c -> a.b
        String cur = d;
        int cut;
        while ((cut = lastTopLevelDot(cur)) > 0) {
            cur = cur.substring(0, cut);
            candidates.add(cur);
        }
        for (String c : candidates) {
            if (addresses.contains(c)) {
                found.add(c);
                return found;
            }
            // all instances of c: c[...]
            for (String a : addresses.subSet(c + "[", true, c + "[\uffff", true)) {
                if (isInstanceOf(a, c)) {
                    found.add(a);
                }
            }
            if (!found.isEmpty()) {
                return found;
            }
            if (c.startsWith("module.") && isModulePath(c)) {
                for (String a : addresses.subSet(c + ".", true, c + ".\uffff", true)) {
                    found.add(a);
                }
                for (String a : addresses.subSet(c + "[", true, c + "[\uffff", true)) {
                    found.add(a);
                }
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return found;
    }

    private static boolean isInstanceOf(String address, String base) {
        // base[key] exactly, no further path after the closing bracket
        int close = matchingBracket(address, base.length());
        return close == address.length() - 1;
    }

    private static int matchingBracket(String s, int open) {
        boolean quoted = false;
        for (int i = open + 1; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ']' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static final Pattern MODULE_PATH = Pattern.compile("module\\.[A-Za-z0-9_-]+(\\[[^\\]]*\\])?(\\.module\\.[A-Za-z0-9_-]+(\\[[^\\]]*\\])?)*");

    private static boolean isModulePath(String s) {
        return MODULE_PATH.matcher(s).matches();
    }

    /** Index of the last '.' outside brackets and quotes, or -1. */
    private static int lastTopLevelDot(String s) {
        int depth = 0;
        boolean quoted = false;
        int last = -1;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && ch == '[') {
                depth++;
            } else if (!quoted && ch == ']') {
                depth--;
            } else if (!quoted && depth == 0 && ch == '.') {
                last = i;
            }
        }
        return last;
    }

    private static void addComposeHostEdges(Collection<Resource> resources, Collection<ConfigEntry> config,
            Map<String, Set<String>> out) {
        Map<String, String> services = new TreeMap<>();
        for (Resource r : resources) {
            if ("compose".equals(r.provider()) && r.address().startsWith("compose.")) {
                services.put(r.address().substring("compose.".length()), r.address());
            }
        }
        if (services.isEmpty()) {
            return;
        }
        Map<String, Pattern> hostPatterns = new HashMap<>();
        services.keySet().forEach(s -> hostPatterns.put(s,
                Pattern.compile("(?:^|[/@,;=\\s])" + Pattern.quote(s) + "(?::\\d+|[/,;?\\s]|$)")));
        for (ConfigEntry e : config) {
            if (e.owner() == null || !out.containsKey(e.owner())) {
                continue;
            }
            String text = e.value() != null ? e.value() : e.shape();
            if (text == null) {
                continue;
            }
            for (Map.Entry<String, Pattern> p : hostPatterns.entrySet()) {
                String target = services.get(p.getKey());
                if (!target.equals(e.owner()) && p.getValue().matcher(text).find()) {
                    out.get(e.owner()).add(target);
                }
            }
        }
    }
}
