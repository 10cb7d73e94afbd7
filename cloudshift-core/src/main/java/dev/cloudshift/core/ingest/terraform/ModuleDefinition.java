package dev.cloudshift.core.ingest.terraform;

import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.hcl.HclDiagnostic;
import dev.cloudshift.hcl.HclParser;
import dev.cloudshift.hcl.ParseResult;
import dev.cloudshift.hcl.ast.Attribute;
import dev.cloudshift.hcl.ast.Block;
import dev.cloudshift.hcl.ast.Body;
import dev.cloudshift.hcl.ast.Traversal;
import dev.cloudshift.hcl.ast.TraversalCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One module directory as parsed: its variables, locals, resources, data sources, module calls and outputs,
 * the references of each, and an evaluation order in which every item comes after what it references.
 * Independent of environment and instance, so it is built once and reused.
 */
final class ModuleDefinition {

    enum Kind { LOCAL, RESOURCE, DATA, MODULE, OUTPUT }

    /** Block types Terraform only allows at the top level of a file (used to recover from a missing '}'). */
    static final Set<String> TOP_LEVEL_BLOCKS = Set.of("resource", "data", "module", "variable", "output", "locals",
            "provider", "terraform", "moved", "import", "removed", "check");

    /** An evaluable item. key: local.x, aws_vpc.main, data.aws_ami.x, module.vpc, output.x */
    record Node(Kind kind, String key, String name, Block block, Attribute attribute, List<Traversal> refs) {
    }

    final Path dir;
    final String displayDir;
    final Map<String, Block> variables = new LinkedHashMap<>();
    final Map<String, Node> nodes = new LinkedHashMap<>();
    final Set<String> resourceTypes = new HashSet<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    final List<Node> order = new ArrayList<>();
    int fileCount;

    private ModuleDefinition(Path dir, String displayDir) {
        this.dir = dir;
        this.displayDir = displayDir;
    }

    /** Parses every *.tf file of {@code dir}; file names in diagnostics are relative to {@code projectRoot}. */
    static ModuleDefinition load(Path dir, Path projectRoot) {
        String display = displayName(projectRoot, dir);
        ModuleDefinition def = new ModuleDefinition(dir, display.isEmpty() ? "." : display);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> Files.isRegularFile(p)).sorted().forEach(files::add);
        } catch (IOException | RuntimeException e) {
            def.diagnostics.add(new Diagnostic(def.displayDir, 0, 0, "expected a readable module directory"));
            return def;
        }
        List<Path> tf = files.stream().filter(f -> f.getFileName().toString().endsWith(".tf")).toList();
        // the files of a module parse independently: on every core when there are several (results kept in file order)
        List<ParseResult> parsed = (tf.size() > 1 ? tf.parallelStream() : tf.stream())
                .map(f -> HclParser.parse(f, displayName(projectRoot, f), TOP_LEVEL_BLOCKS))
                .toList();
        List<Body> bodies = new ArrayList<>();
        int next = 0;
        for (Path f : files) {
            String fn = f.getFileName().toString();
            if (fn.endsWith(".tf.json")) {
                def.diagnostics.add(new Diagnostic(displayName(projectRoot, f), 0, 0,
                        "Terraform JSON configuration syntax (.tf.json) is not read; convert it to .tf to include it"));
                continue;
            }
            if (!fn.endsWith(".tf")) {
                continue;
            }
            def.fileCount++;
            ParseResult r = parsed.get(next++);
            for (HclDiagnostic d : r.diagnostics()) {
                def.diagnostics.add(toDiagnostic(d));
            }
            bodies.add(r.body());
        }
        for (Body body : bodies) {
            def.collect(body);
        }
        def.sort();
        return def;
    }

    static String displayName(Path root, Path p) {
        try {
            Path rel = root.relativize(p);
            String s = rel.toString().replace('\\', '/');
            return s;
        } catch (IllegalArgumentException e) {
            return p.toString().replace('\\', '/');
        }
    }

    static Diagnostic toDiagnostic(HclDiagnostic d) {
        return new Diagnostic(d.position().file(), d.position().line(), d.position().column(), d.message());
    }

    private void collect(Body body) {
        for (Attribute a : body.attributes()) {
            warn(a.position(), "unexpected top-level attribute \"" + a.name() + "\"; Terraform expects only blocks here");
        }
        for (Block b : body.blocks()) {
            switch (b.type()) {
                case "variable" -> {
                    if (!requireLabels(b, 1)) {
                        continue;
                    }
                    if (variables.putIfAbsent(b.label(0), b) != null) {
                        warn(b.position(), "duplicate variable \"" + b.label(0) + "\"");
                    }
                }
                case "locals" -> {
                    for (Attribute a : b.body().attributes()) {
                        add(new Node(Kind.LOCAL, "local." + a.name(), a.name(), null, a,
                                TraversalCollector.collect(a.expr())), a.position());
                    }
                }
                case "resource", "data" -> {
                    if (!requireLabels(b, 2)) {
                        continue;
                    }
                    boolean data = b.type().equals("data");
                    String key = (data ? "data." : "") + b.label(0) + "." + b.label(1);
                    if (!data) {
                        resourceTypes.add(b.label(0));
                    }
                    add(new Node(data ? Kind.DATA : Kind.RESOURCE, key, b.label(1), b, null,
                            TraversalCollector.collect(b.body())), b.position());
                }
                case "module" -> {
                    if (!requireLabels(b, 1)) {
                        continue;
                    }
                    add(new Node(Kind.MODULE, "module." + b.label(0), b.label(0), b, null,
                            TraversalCollector.collect(b.body())), b.position());
                }
                case "output" -> {
                    if (!requireLabels(b, 1)) {
                        continue;
                    }
                    add(new Node(Kind.OUTPUT, "output." + b.label(0), b.label(0), b, null,
                            TraversalCollector.collect(b.body())), b.position());
                }
                case "provider", "terraform", "moved", "import", "check", "removed" -> {
                    // read without error; they declare nothing the inventory needs
                }
                default -> warn(b.position(), "unknown top-level block type \"" + b.type() + "\" ignored");
            }
        }
    }

    private boolean requireLabels(Block b, int n) {
        if (b.labels().size() != n) {
            warn(b.position(), "expected " + n + " label" + (n == 1 ? "" : "s") + " on the \"" + b.type()
                    + "\" block, found " + b.labels().size());
            return false;
        }
        return true;
    }

    private void add(Node node, dev.cloudshift.hcl.Position pos) {
        if (nodes.putIfAbsent(node.key(), node) != null) {
            warn(pos, "duplicate declaration of " + node.key());
        }
    }

    private void warn(dev.cloudshift.hcl.Position p, String message) {
        diagnostics.add(new Diagnostic(p.file(), p.line(), p.column(), message));
    }

    /** The node keys a reference points at (none for var, count, each, path, terraform, self). */
    String targetKey(Traversal t) {
        String root = t.root();
        switch (root) {
            case "local": {
                String n = t.attr(0);
                return n == null ? null : "local." + n;
            }
            case "module": {
                String n = t.attr(0);
                return n == null ? null : "module." + n;
            }
            case "data": {
                String type = t.attr(0);
                String n = t.attr(1);
                return type == null || n == null ? null : "data." + type + "." + n;
            }
            default: {
                if (!resourceTypes.contains(root)) {
                    return null;
                }
                String n = t.attr(0);
                return n == null ? null : root + "." + n;
            }
        }
    }

    /** Iterative depth-first topological sort; cycles are reported and broken. */
    private void sort() {
        Map<String, Integer> state = new HashMap<>();
        Set<String> reportedCycles = new HashSet<>();
        for (Node start : nodes.values()) {
            if (state.getOrDefault(start.key(), 0) != 0) {
                continue;
            }
            Deque<Object[]> stack = new ArrayDeque<>();
            state.put(start.key(), 1);
            stack.push(new Object[]{start, deps(start).iterator()});
            while (!stack.isEmpty()) {
                Object[] top = stack.peek();
                Node node = (Node) top[0];
                @SuppressWarnings("unchecked")
                Iterator<String> it = (Iterator<String>) top[1];
                if (it.hasNext()) {
                    String dep = it.next();
                    Node d = nodes.get(dep);
                    if (d == null || d == node) {
                        continue;
                    }
                    int s = state.getOrDefault(dep, 0);
                    if (s == 0) {
                        state.put(dep, 1);
                        stack.push(new Object[]{d, deps(d).iterator()});
                    } else if (s == 1 && reportedCycles.add(dep)) {
                        List<String> path = new ArrayList<>();
                        for (Object[] frame : stack) {
                            path.add(0, ((Node) frame[0]).key());
                            if (((Node) frame[0]).key().equals(dep)) {
                                break;
                            }
                        }
                        path.add(dep);
                        Node at = nodes.get(dep);
                        dev.cloudshift.hcl.Position p = at.block() != null ? at.block().position() : at.attribute().position();
                        warn(p, "references form a cycle: " + String.join(" -> ", path)
                                + "; values in the cycle are left unknown");
                    }
                } else {
                    stack.pop();
                    state.put(node.key(), 2);
                    order.add(node);
                }
            }
        }
    }

    private List<String> deps(Node n) {
        List<String> out = new ArrayList<>();
        for (Traversal t : n.refs()) {
            String k = targetKey(t);
            if (k != null) {
                out.add(k);
            }
        }
        return out;
    }
}
