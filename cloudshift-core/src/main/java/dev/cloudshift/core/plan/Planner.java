package dev.cloudshift.core.plan;

import dev.cloudshift.core.config.ConfigChangePlanner;
import dev.cloudshift.core.kb.KnowledgeBase;
import dev.cloudshift.core.kb.MappingResult;
import dev.cloudshift.core.model.ConfigChange;
import dev.cloudshift.core.model.ConfigEntry;
import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.model.Inventory;
import dev.cloudshift.core.model.Resource;
import dev.cloudshift.core.model.SourcePosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans a project directory: reads every input kind found in it, builds one inventory per environment,
 * normalises and maps every resource with the knowledge base, validates the dependency graph and derives
 * the configuration changes. A malformed file becomes a warning and every other file is still planned;
 * {@link PlanInputException} only when the directory is missing, nothing in it could be read, or an
 * environment filter names an unknown environment.
 */
public final class Planner {

    public static final List<String> TARGETS = List.of("aws", "azure", "gcp");

    private final KnowledgeBase kb;
    private final ConfigChangePlanner configChanges;

    public Planner(KnowledgeBase kb, ConfigChangePlanner configChanges) {
        this.kb = kb;
        this.configChanges = configChanges;
    }

    public Planner(KnowledgeBase kb) {
        this(kb, ConfigChangePlanner.defaults());
    }

    /** A planner with the shipped knowledge base and configuration rules. */
    public static Planner withDefaults() {
        return new Planner(KnowledgeBase.load());
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /**
     * Plans {@code projectDir} for {@code targetProvider}.
     *
     * @param envFilter environments to keep; empty for all
     */
    public Plan plan(Path projectDir, String targetProvider, List<String> envFilter) {
        String target = checkTarget(targetProvider);
        return plan(inventory(projectDir, envFilter), target);
    }

    /** Maps an inventory read with {@link #inventory(Path, List)} to {@code targetProvider}. */
    public Plan plan(ProjectInventory inventory, String targetProvider) {
        String target = checkTarget(targetProvider);
        // every resource is mapped on its own (the knowledge base is read-only): on both cores, in plan order
        List<PlannedResource> planned = inventory.resources().parallelStream()
                .map(r -> new PlannedResource(r, kb.serviceName(r), mapping(r, target)))
                .toList();
        List<Diagnostic> warnings = new ArrayList<>(inventory.warnings());
        List<ConfigChange> changes = new ArrayList<>(
                ConfigChanges.derive(configChanges, inventory, planned, target, warnings));
        changes.sort(Comparator.comparing((ConfigChange c) -> nz(c.environment()), EnvironmentNames.ORDERING)
                .thenComparing(c -> nz(c.file()))
                .thenComparing(c -> nz(c.key()))
                .thenComparing(c -> nz(c.to())));
        return new Plan(inventory.project(), inventory.source(), target, inventory.environmentNames(), inventory.inputs(),
                planned, dedupe(changes), sortedWarnings(warnings), List.of());
    }

    /**
     * The target cloud name in lower case.
     *
     * @throws PlanInputException when it is not one of {@link #TARGETS}
     */
    public static String checkTarget(String targetProvider) {
        String target = targetProvider == null ? "" : targetProvider.toLowerCase(Locale.ROOT);
        if (!TARGETS.contains(target)) {
            throw new PlanInputException("unknown target cloud '" + targetProvider + "': use one of " + String.join(", ", TARGETS));
        }
        return target;
    }

    private TargetMapping mapping(Resource r, String target) {
        MappingResult m = kb.map(r, target);
        if (m instanceof MappingResult.Mapped mapped) {
            return new TargetMapping.Mapped(mapped.service(), mapped.resourceTypes(), mapped.notes(), mapped.alternatives(),
                    mapped.absorbedBy());
        }
        if (m instanceof MappingResult.Unmapped u) {
            return new TargetMapping.Unmapped(u.reason());
        }
        return new TargetMapping.Unmapped("the knowledge base has no mapping for " + r.type());
    }

    /**
     * Reads and normalises {@code projectDir} without mapping it.
     *
     * @param envFilter environments to keep; empty for all
     */
    public ProjectInventory inventory(Path projectDir, List<String> envFilter) {
        return inventory(read(projectDir), envFilter);
    }

    /**
     * Reads every file of {@code projectDir} (parsing and evaluating them), the part of {@link #inventory(Path, List)}
     * that needs no knowledge base: a caller can load the knowledge base meanwhile.
     *
     * @throws PlanInputException when the directory is missing or nothing in it could be read
     */
    public static ProjectSource read(Path projectDir) {
        Path root;
        try {
            root = projectDir.toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new PlanInputException(projectDir + ": not a valid path");
        }
        if (!Files.exists(root)) {
            throw new PlanInputException(projectDir + ": no such directory; pass the directory that holds the project's "
                    + "Terraform, compose or .env files");
        }
        if (!Files.isDirectory(root)) {
            throw new PlanInputException(projectDir + ": not a directory; pass the project directory, not a single file");
        }
        ProjectFiles files;
        try {
            files = ProjectFiles.scan(root);
        } catch (IOException | UncheckedIOException e) {
            throw new PlanInputException(projectDir + ": cannot list the directory (" + e.getClass().getSimpleName() + ")");
        }
        if (files.isEmpty()) {
            throw new PlanInputException(projectDir + ": nothing to plan: no Terraform (*.tf, *.tfvars), terraform show -json, "
                    + "docker-compose or .env files found");
        }
        SourceRead read = new EstateReader().read(files);
        List<Diagnostic> warnings = new ArrayList<>();
        for (Diagnostic d : read.diagnostics()) {
            warnings.add(relative(root, d));
        }
        boolean empty = read.environments().values().stream()
                .allMatch(e -> e.resources().isEmpty() && e.config().isEmpty());
        if (read.nothingRead() || empty) {
            StringBuilder msg = new StringBuilder(projectDir + ": nothing could be read"
                    + (warnings.isEmpty() ? ": the files hold no resource, service or setting" : ":"));
            for (Diagnostic d : sortedWarnings(warnings)) {
                msg.append("\n  ").append(d);
            }
            throw new PlanInputException(msg.toString());
        }
        return new ProjectSource(root, read, warnings);
    }

    /**
     * Normalises a project {@link #read} read, one inventory per environment.
     *
     * @param envFilter environments to keep; empty for all
     */
    public ProjectInventory inventory(ProjectSource source, List<String> envFilter) {
        Path root = source.root();
        SourceRead read = source.read();
        List<Diagnostic> warnings = new ArrayList<>(source.warnings());
        List<String> known = new ArrayList<>(read.environments().keySet());
        known.sort(EnvironmentNames.ORDERING);
        List<String> selected = select(known, envFilter);

        // environments are normalised and graphed independently: on both cores when there are several
        List<EnvironmentInventory> built = (selected.size() > 1 ? selected.parallelStream() : selected.stream())
                .map(env -> environment(root, env, read.environments().get(env)))
                .toList();
        List<Inventory> inventories = new ArrayList<>();
        Map<String, DependencyGraph> graphs = new LinkedHashMap<>();
        Set<String> providers = new TreeSet<>();
        for (EnvironmentInventory e : built) {
            inventories.add(e.inventory());
            graphs.put(e.inventory().environment(), e.graph());
            providers.addAll(e.providers());
            warnings.addAll(e.warnings());
        }
        String project = root.getFileName() == null ? root.toString() : root.getFileName().toString();
        return new ProjectInventory(project, List.copyOf(providers), read.inputs(), inventories, graphs, sortedWarnings(warnings),
                read.terraformVariables());
    }

    /** One environment read, normalised and graphed, with what it adds to the project's providers and warnings. */
    private record EnvironmentInventory(Inventory inventory, DependencyGraph graph, Set<String> providers,
            List<Diagnostic> warnings) {
    }

    private EnvironmentInventory environment(Path root, String env, SourceRead.Environment raw) {
        List<Diagnostic> warnings = new ArrayList<>();
        Set<String> providers = new TreeSet<>();
        List<Resource> normalised = new ArrayList<>(raw.resources().size());
        Set<String> seen = new LinkedHashSet<>();
        for (Resource r : raw.resources()) {
            if (!seen.add(r.address())) {
                warnings.add(Diagnostic.at(relative(root, r.position()),
                        "resource " + r.address() + " is declared more than once in environment " + env + "; the first is planned"));
                continue;
            }
            Resource n = kb.normalise(r);
            normalised.add(new Resource(n.address(), n.type(), n.provider(), n.category(), env, n.attributes(), n.raw(),
                    n.dependsOn(), relative(root, n.position())));
        }
        DependencyGraph graph = DependencyGraph.build(normalised, raw.config());
        List<Resource> withEdges = new ArrayList<>(normalised.size());
        for (Resource r : normalised) {
            withEdges.add(new Resource(r.address(), r.type(), r.provider(), r.category(), r.environment(), r.attributes(),
                    r.raw(), graph.dependenciesOf(r.address()), r.position()));
            if (r.provider() != null) {
                providers.add(r.provider());
            }
        }
        withEdges.sort(Comparator.comparing(Resource::address, AddressOrder.INSTANCE));
        List<ConfigEntry> config = new ArrayList<>();
        for (ConfigEntry c : raw.config()) {
            config.add(new ConfigEntry(c.environment() == null ? env : c.environment(), relative(root, c.position()),
                    c.owner(), c.key(), c.value(), c.secret(), c.shape()));
        }
        return new EnvironmentInventory(new Inventory(env, withEdges, config, List.of()), graph, providers, warnings);
    }

    private static List<String> select(List<String> known, List<String> filter) {
        if (filter == null || filter.isEmpty()) {
            return known;
        }
        List<String> out = new ArrayList<>();
        for (String f : filter) {
            String name = known.contains(f) ? f : EnvironmentNames.canonical(f);
            if (!known.contains(name)) {
                throw new PlanInputException("unknown environment '" + f + "': the project has " + String.join(", ", known));
            }
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        out.sort(EnvironmentNames.ORDERING);
        return out;
    }

    static SourcePosition relative(Path root, SourcePosition p) {
        if (p == null || p.file() == null) {
            return p;
        }
        String f = relativeFile(root, p.file());
        return f.equals(p.file()) ? p : new SourcePosition(f, p.line(), p.column());
    }

    static Diagnostic relative(Path root, Diagnostic d) {
        if (d.file() == null) {
            return new Diagnostic(".", d.line(), d.column(), d.message());
        }
        String f = relativeFile(root, d.file());
        return f.equals(d.file()) ? d : new Diagnostic(f, d.line(), d.column(), d.message());
    }

    static String relativeFile(Path root, String file) {
        try {
            Path p = Path.of(file);
            if (p.isAbsolute()) {
                Path n = p.normalize();
                if (n.startsWith(root)) {
                    return root.relativize(n).toString().replace('\\', '/');
                }
                return n.getFileName() == null ? file : n.getFileName().toString();
            }
            return file.replace('\\', '/');
        } catch (InvalidPathException e) {
            return file;
        }
    }

    static List<Diagnostic> sortedWarnings(List<Diagnostic> warnings) {
        TreeSet<Diagnostic> set = new TreeSet<>(Comparator.comparing((Diagnostic d) -> nz(d.file()))
                .thenComparingInt(Diagnostic::line)
                .thenComparingInt(Diagnostic::column)
                .thenComparing(d -> nz(d.message())));
        set.addAll(warnings);
        return List.copyOf(set);
    }

    private static List<ConfigChange> dedupe(List<ConfigChange> changes) {
        return List.copyOf(new LinkedHashSet<>(changes));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
