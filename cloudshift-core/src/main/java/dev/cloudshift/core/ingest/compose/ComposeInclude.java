package dev.cloudshift.core.ingest.compose;

import dev.cloudshift.core.ingest.dotenv.DotenvReader;
import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.model.SourcePosition;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Applies a top-level {@code include:} ({@code include: [other.yml]} or {@code include: [{path: other.yml}]},
 * a path may also be a list of files merged in order): the services, volumes and networks of the included
 * files join the including file. As in compose, a service defined in both is an error: the including file's
 * definition is kept and a diagnostic names the conflict. Included files are read relative to the including
 * file's directory, with the same variables; nested includes are followed up to a small depth.
 */
final class ComposeInclude {

    private final Path dir;
    private final Path displayRoot;
    private final Function<YNode, YNode> prepare;
    private final List<Diagnostic> diagnostics;

    ComposeInclude(Path dir, Path displayRoot, Function<YNode, YNode> prepare, List<Diagnostic> diagnostics) {
        this.dir = dir;
        this.displayRoot = displayRoot;
        this.prepare = prepare;
        this.diagnostics = diagnostics;
    }

    YNode apply(YNode root) {
        return apply(root, dir, 0);
    }

    private YNode apply(YNode root, Path base, int depth) {
        if (!(root instanceof YNode.YMap top) || top.get("include") == null) {
            return root;
        }
        YNode inc = top.get("include");
        List<YNode> items = inc instanceof YNode.YList l ? l.items() : List.of(inc);
        Map<String, YNode> t = new LinkedHashMap<>(top.entries());
        t.remove("include");
        YNode.YMap result = new YNode.YMap(t, top.keyPositions(), top.pos(), top.tag());
        for (YNode item : items) {
            List<YNode.YScalar> paths = new ArrayList<>();
            if (item instanceof YNode.YScalar s && !s.isNull()) {
                paths.add(s);
            } else if (item instanceof YNode.YMap m && m.get("path") instanceof YNode.YScalar s && !s.isNull()) {
                paths.add(s);
            } else if (item instanceof YNode.YMap m && m.get("path") instanceof YNode.YList pl) {
                pl.items().stream().filter(x -> x instanceof YNode.YScalar sc && !sc.isNull()).forEach(x -> paths.add((YNode.YScalar) x));
            } else {
                diagnostics.add(Diagnostic.at(item.pos(), "expected an include entry to be a path or a mapping with path:"));
                continue;
            }
            YNode included = null;
            for (YNode.YScalar ps : paths) {
                Path p = base.resolve(ps.value()).normalize();
                Optional<YNode> tree = load(p, ps.pos());
                if (tree.isEmpty()) {
                    continue;
                }
                YNode n = depth < 5 ? apply(tree.get(), p.getParent(), depth + 1) : tree.get();
                included = included == null ? n : ComposeMerger.merge(included, n, "");
            }
            if (included instanceof YNode.YMap im) {
                result = join(result, im, item.pos());
            }
        }
        return result;
    }

    private Optional<YNode> load(Path p, SourcePosition at) {
        if (!Files.isRegularFile(p)) {
            diagnostics.add(Diagnostic.at(at, "expected included file " + ComposeReader.display(displayRoot, p) + " to exist"));
            return Optional.empty();
        }
        String name = ComposeReader.display(displayRoot, p);
        return DotenvReader.readText(p, name, diagnostics).flatMap(t -> YamlTreeReader.read(name, t, diagnostics)).map(prepare);
    }

    /** Adds the included file's services, volumes, networks, secrets and configs; the including file wins on conflicts. */
    private YNode.YMap join(YNode.YMap into, YNode.YMap included, SourcePosition at) {
        Map<String, YNode> top = new LinkedHashMap<>(into.entries());
        Map<String, SourcePosition> topPos = new LinkedHashMap<>(into.keyPositions());
        for (String section : List.of("services", "volumes", "networks", "secrets", "configs")) {
            if (!(included.get(section) instanceof YNode.YMap add)) {
                continue;
            }
            YNode.YMap existing = into.get(section) instanceof YNode.YMap e ? e : null;
            Map<String, YNode> entries = existing == null ? new LinkedHashMap<>() : new LinkedHashMap<>(existing.entries());
            Map<String, SourcePosition> pos = existing == null ? new LinkedHashMap<>() : new LinkedHashMap<>(existing.keyPositions());
            for (Map.Entry<String, YNode> e : add.entries().entrySet()) {
                if (entries.containsKey(e.getKey())) {
                    if (section.equals("services")) {
                        diagnostics.add(Diagnostic.at(at, "expected included service " + e.getKey()
                                + " not to be defined again; the including file's definition is used"));
                    }
                    continue;
                }
                entries.put(e.getKey(), e.getValue());
                pos.put(e.getKey(), add.keyPos(e.getKey()));
            }
            top.put(section, new YNode.YMap(entries, pos, existing == null ? add.pos() : existing.pos(), null));
            topPos.putIfAbsent(section, at);
        }
        return new YNode.YMap(top, topPos, into.pos(), into.tag());
    }
}
