package dev.cloudshift.core.ingest.compose;

import dev.cloudshift.core.ingest.dotenv.DotenvReader;
import dev.cloudshift.core.model.Diagnostic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves {@code extends} ({@code extends: base}, {@code extends: {service: base}} or
 * {@code extends: {file: common.yml, service: base}}): the extended service, with its own {@code extends}
 * resolved first, is merged under the extending one with the compose merge rules. Files are read relative to
 * the compose file's directory; a missing file or service, or a cycle, is a diagnostic and the service is read
 * without the base.
 */
final class ComposeExtends {

    private final Path dir;
    private final Path displayRoot;
    private final Function<YNode, YNode> prepare;
    private final List<Diagnostic> diagnostics;
    private final Map<Path, Optional<YNode>> files = new HashMap<>();

    /**
     * @param prepare interpolation and normalisation applied to a file read for {@code extends}
     */
    ComposeExtends(Path dir, Path displayRoot, Function<YNode, YNode> prepare, List<Diagnostic> diagnostics) {
        this.dir = dir;
        this.displayRoot = displayRoot;
        this.prepare = prepare;
        this.diagnostics = diagnostics;
    }

    YNode resolve(YNode root) {
        if (!(root instanceof YNode.YMap top) || !(top.get("services") instanceof YNode.YMap services)) {
            return root;
        }
        boolean any = services.entries().values().stream().anyMatch(s -> s instanceof YNode.YMap m && m.get("extends") != null);
        if (!any) {
            return root;
        }
        Map<String, YNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, YNode> e : services.entries().entrySet()) {
            out.put(e.getKey(), e.getValue() instanceof YNode.YMap m ? extend(m, services, 0) : e.getValue());
        }
        Map<String, YNode> t = new LinkedHashMap<>(top.entries());
        t.put("services", new YNode.YMap(out, services.keyPositions(), services.pos(), services.tag()));
        return new YNode.YMap(t, top.keyPositions(), top.pos(), top.tag());
    }

    private YNode.YMap extend(YNode.YMap service, YNode.YMap sameFile, int depth) {
        YNode ext = service.get("extends");
        if (ext == null) {
            return service;
        }
        Map<String, YNode> rest = new LinkedHashMap<>(service.entries());
        rest.remove("extends");
        YNode.YMap own = new YNode.YMap(rest, service.keyPositions(), service.pos(), service.tag());
        if (depth > 10) {
            diagnostics.add(Diagnostic.at(ext.pos(), "expected extends: chains to end; this one loops or is deeper than 10"));
            return own;
        }
        String baseName = null;
        String file = null;
        if (ext instanceof YNode.YScalar s && !s.isNull()) {
            baseName = s.value();
        } else if (ext instanceof YNode.YMap m) {
            baseName = m.get("service") instanceof YNode.YScalar s && !s.isNull() ? s.value() : null;
            file = m.get("file") instanceof YNode.YScalar f && !f.isNull() ? f.value() : null;
        }
        if (baseName == null) {
            diagnostics.add(Diagnostic.at(ext.pos(), "expected extends: to name a service (extends: {service: name, file: optional.yml})"));
            return own;
        }
        YNode.YMap pool = sameFile;
        if (file != null) {
            Path p = dir.resolve(file).normalize();
            Optional<YNode> tree = files.computeIfAbsent(p, this::load);
            if (tree.isEmpty()) {
                diagnostics.add(Diagnostic.at(ext.pos(), "expected extends file " + file + " to exist and be valid YAML"));
                return own;
            }
            pool = tree.get() instanceof YNode.YMap r && r.get("services") instanceof YNode.YMap s ? s : null;
        }
        YNode base = pool == null ? null : pool.get(baseName);
        if (!(base instanceof YNode.YMap baseMap)) {
            diagnostics.add(Diagnostic.at(ext.pos(), "expected service " + baseName + " to extend" + (file != null ? " in " + file : "")
                    + "; it is not defined"));
            return own;
        }
        YNode.YMap resolvedBase = extend(baseMap, pool, depth + 1);
        YNode merged = ComposeMerger.merge(resolvedBase, own, "services.x");
        return merged instanceof YNode.YMap m ? new YNode.YMap(m.entries(), m.keyPositions(), service.pos(), service.tag()) : own;
    }

    private Optional<YNode> load(Path p) {
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        String name = ComposeReader.display(displayRoot, p);
        return DotenvReader.readText(p, name, diagnostics)
                .flatMap(t -> YamlTreeReader.read(name, t, diagnostics))
                .map(prepare);
    }
}
