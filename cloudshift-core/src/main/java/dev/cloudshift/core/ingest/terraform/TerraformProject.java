package dev.cloudshift.core.ingest.terraform;

import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.model.Resource;
import dev.cloudshift.hcl.eval.StringValue;
import dev.cloudshift.hcl.eval.Value;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A Terraform root module read from HCL source (*.tf) with its variable files.
 *
 * <p>Environments: every {@code *.tfvars} / {@code *.tfvars.json} file (in the root or a sub-folder such as
 * {@code environments/} or {@code env/}) names one environment by its stem ({@code prod.tfvars} -> prod).
 * {@code terraform.tfvars(.json)} and {@code *.auto.tfvars(.json)} in the root apply to every environment
 * first, as Terraform loads them automatically; with no named file there is one environment,
 * {@code default}. Sub-folders holding *.tf files are modules, and their tfvars files are not environments.
 *
 * <p>Never throws for bad input: syntax problems are in {@link #diagnostics()}, evaluation problems in each
 * environment's warnings. {@code terraform.workspace} evaluates to the environment name.
 */
public final class TerraformProject {
    private static final int MAX_TFVARS_DEPTH = 4;

    private final Path root;
    private final ModuleCache modules;
    private final ModuleDefinition rootModule;
    private final List<TfvarsFile> baseFiles;
    private final Map<String, TfvarsFile> environmentFiles;
    private final List<String> environments;
    private final List<Diagnostic> diagnostics;

    private TerraformProject(Path root, ModuleCache modules, ModuleDefinition rootModule, List<TfvarsFile> baseFiles,
                             Map<String, TfvarsFile> environmentFiles, List<Diagnostic> diagnostics) {
        this.root = root;
        this.modules = modules;
        this.rootModule = rootModule;
        this.baseFiles = baseFiles;
        this.environmentFiles = environmentFiles;
        List<String> envs = new ArrayList<>(environmentFiles.keySet());
        envs.sort(EnvironmentOrder.INSTANCE);
        this.environments = envs.isEmpty() ? List.of("default") : List.copyOf(envs);
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** Parses every *.tf of the root module (and of local modules it calls) and every variables file. */
    public static TerraformProject read(Path dir) {
        try {
            return readUnguarded(dir);
        } catch (RuntimeException | StackOverflowError e) {
            // a bug here must not stop the other inputs from being planned
            Path root = dir.toAbsolutePath().normalize();
            return new TerraformProject(root, new ModuleCache(root), null, List.of(), Map.of(),
                    List.of(new Diagnostic(dir.toString(), 0, 0, "could not read the Terraform files ("
                            + e.getClass().getSimpleName() + ")")));
        }
    }

    private static TerraformProject readUnguarded(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        ModuleCache cache = new ModuleCache(root);
        List<Diagnostic> diags = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            diags.add(new Diagnostic(dir.toString(), 0, 0, "expected a directory of Terraform files"));
            return new TerraformProject(root, cache, null, List.of(), Map.of(), diags);
        }
        ModuleDefinition rootModule = cache.load(root);
        diags.addAll(rootModule.diagnostics);
        loadLocalModules(rootModule, cache, diags);

        List<TfvarsFile> base = new ArrayList<>();
        Map<String, TfvarsFile> named = new TreeMap<>();
        List<Path> baseNames = new ArrayList<>();
        List<Path> autoNames = new ArrayList<>();
        List<Path> envPaths = new ArrayList<>();
        for (Path p : findTfvars(root)) {
            String fn = p.getFileName().toString();
            boolean inRoot = root.equals(p.getParent());
            if (inRoot && (fn.equals("terraform.tfvars") || fn.equals("terraform.tfvars.json"))) {
                baseNames.add(p);
            } else if (inRoot && (fn.endsWith(".auto.tfvars") || fn.endsWith(".auto.tfvars.json"))) {
                autoNames.add(p);
            } else if (fn.equals("terraform.tfvars") || fn.equals("terraform.tfvars.json")
                    || fn.endsWith(".auto.tfvars") || fn.endsWith(".auto.tfvars.json")) {
                continue;
            } else {
                envPaths.add(p);
            }
        }
        Collections.sort(baseNames);
        Collections.sort(autoNames);
        for (Path p : baseNames) {
            base.add(TfvarsFile.read(p, ModuleDefinition.displayName(root, p)));
        }
        for (Path p : autoNames) {
            base.add(TfvarsFile.read(p, ModuleDefinition.displayName(root, p)));
        }
        envPaths.sort((a, b) -> {
            int c = Integer.compare(root.relativize(a).getNameCount(), root.relativize(b).getNameCount());
            return c != 0 ? c : a.compareTo(b);
        });
        for (Path p : envPaths) {
            String fn = p.getFileName().toString();
            String env = fn.endsWith(".tfvars.json") ? fn.substring(0, fn.length() - ".tfvars.json".length())
                    : fn.substring(0, fn.length() - ".tfvars".length());
            String display = ModuleDefinition.displayName(root, p);
            if (env.isEmpty()) {
                continue;
            }
            if (named.containsKey(env)) {
                diags.add(new Diagnostic(display, 0, 0, "a second variables file for environment \"" + env
                        + "\" is ignored; " + named.get(env).displayName() + " is used"));
                continue;
            }
            named.put(env, TfvarsFile.read(p, display));
        }
        Set<String> secrets = new HashSet<>();
        List<TfvarsFile> all = new ArrayList<>(base);
        all.addAll(named.values());
        for (TfvarsFile f : all) {
            diags.addAll(f.diagnostics());
            f.values().forEach((name, v) -> collectStrings(
                    isSensitiveVariable(rootModule, name) ? v.withSensitive(true) : SecretNames.markSecretEntries(v),
                    false, secrets));
        }
        List<Diagnostic> scrubbed = new ArrayList<>();
        for (Diagnostic d : diags) {
            scrubbed.add(new Diagnostic(d.file(), d.line(), d.column(), SecretScrubber.scrub(d.message(), secrets)));
        }
        return new TerraformProject(root, cache, rootModule, base, named, scrubbed);
    }

    private static boolean isSensitiveVariable(ModuleDefinition module, String name) {
        if (SecretNames.isSecretName(name)) {
            return true;
        }
        var block = module.variables.get(name);
        if (block == null) {
            return false;
        }
        var attr = block.body().attribute("sensitive");
        return attr != null && attr.expr() instanceof dev.cloudshift.hcl.ast.LiteralExpr lit && Boolean.TRUE.equals(lit.value());
    }

    /** Collects the strings (and longer numbers) inside sensitive parts of a value. */
    private static void collectStrings(Value v, boolean inherited, Set<String> out) {
        boolean s = inherited || v.sensitive();
        if (v instanceof StringValue sv) {
            if (s && !sv.value().isBlank()) {
                out.add(sv.value());
            }
        } else if (v instanceof dev.cloudshift.hcl.eval.NumberValue n) {
            if (s) {
                out.add(dev.cloudshift.hcl.eval.NumberValue.format(n.value()));
            }
        } else if (v instanceof dev.cloudshift.hcl.eval.ListValue l) {
            l.items().forEach(x -> collectStrings(x, s, out));
        } else if (v instanceof dev.cloudshift.hcl.eval.ObjectValue o) {
            o.attributes().values().forEach(x -> collectStrings(x, s, out));
        }
    }

    /** Loads local modules reachable from the root so their syntax problems are reported up front. */
    private static void loadLocalModules(ModuleDefinition rootModule, ModuleCache cache, List<Diagnostic> diags) {
        Set<Path> seen = new HashSet<>();
        seen.add(rootModule.dir);
        Deque<ModuleDefinition> queue = new ArrayDeque<>();
        queue.add(rootModule);
        while (!queue.isEmpty()) {
            ModuleDefinition def = queue.poll();
            for (ModuleDefinition.Node n : def.nodes.values()) {
                if (n.kind() != ModuleDefinition.Kind.MODULE) {
                    continue;
                }
                var src = n.block().body().attribute("source");
                if (src == null || !(src.expr() instanceof dev.cloudshift.hcl.ast.LiteralExpr lit)
                        || !(lit.value() instanceof String s) || !(s.startsWith("./") || s.startsWith("../"))) {
                    continue;
                }
                Path dir;
                try {
                    dir = def.dir.resolve(s).normalize();
                } catch (RuntimeException e) {
                    continue;
                }
                if (Files.isDirectory(dir) && seen.add(dir)) {
                    ModuleDefinition child = cache.load(dir);
                    diags.addAll(child.diagnostics);
                    queue.add(child);
                }
            }
        }
    }

    private static List<Path> findTfvars(Path root) {
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(root, Set.of(), MAX_TFVARS_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (d.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String name = d.getFileName().toString();
                    if (name.startsWith(".") || name.equals("node_modules") || hasTfFiles(d)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    String fn = f.getFileName().toString();
                    if (attrs.isRegularFile() && (fn.endsWith(".tfvars") || fn.endsWith(".tfvars.json"))) {
                        out.add(f);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            // unreadable folders hold no environments we can use
        }
        return out;
    }

    private static boolean hasTfFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".tf"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** True when the directory holds no *.tf file. */
    public boolean isEmpty() {
        return rootModule == null || rootModule.fileCount == 0;
    }

    /** Environment names in the order dev, test, qa, staging, uat, prod, then others; ["default"] if none. */
    public List<String> environments() {
        return environments;
    }

    /** Syntax and structure problems of the .tf and variables files, as file:line:column diagnostics. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Evaluates the root module for one environment. Never throws. */
    public TerraformEnvironment evaluate(String environment) {
        return evaluate(environment, EvaluationContext.MAX_INSTANCES);
    }

    /** Evaluates with a given budget of resource and module instances (tests use a small one). */
    TerraformEnvironment evaluate(String environment, int instanceBudget) {
        EvaluationContext ctx = new EvaluationContext(root, environment, modules, instanceBudget);
        if (isEmpty()) {
            return new TerraformEnvironment(environment, List.of(), Map.of(), ctx.finishWarnings());
        }
        Map<String, Value> given = new LinkedHashMap<>();
        Map<String, String> givenIn = new LinkedHashMap<>();
        List<TfvarsFile> files = new ArrayList<>(baseFiles);
        TfvarsFile envFile = environmentFiles.get(environment);
        if (envFile != null) {
            files.add(envFile);
        } else if (!environment.equals("default") || !environmentFiles.isEmpty()) {
            ctx.warnings.add(new Diagnostic(root.getFileName() == null ? "." : root.getFileName().toString(), 0, 0,
                    "no variables file for environment \"" + environment + "\"; only defaults and shared files apply"));
        }
        for (TfvarsFile f : files) {
            for (Map.Entry<String, Value> e : f.values().entrySet()) {
                String name = e.getKey();
                if (!rootModule.variables.containsKey(name)) {
                    var p = f.positions().get(name);
                    ctx.warnings.add(new Diagnostic(f.displayName(), p == null ? 0 : p.line(), p == null ? 0 : p.column(),
                            "value for undeclared variable \"" + name + "\" is ignored"));
                    continue;
                }
                given.put(name, e.getValue());
                givenIn.put(name, f.displayName());
            }
        }
        for (Map.Entry<String, Value> e : given.entrySet()) {
            collectStrings(isSensitiveVariable(rootModule, e.getKey()) ? e.getValue().withSensitive(true)
                    : SecretNames.markSecretEntries(e.getValue()), false, ctx.secrets);
        }
        List<Resource> resources;
        Map<String, Object> variables = new LinkedHashMap<>();
        try {
            ModuleEvaluator ev = new ModuleEvaluator(ctx, rootModule, "", given, Map.of(), 0, true);
            ModuleEvaluator.Result result = ev.run();
            resources = result.resources();
            for (Map.Entry<String, Value> e : ev.variableValues().entrySet()) {
                variables.put(e.getKey(), e.getValue().toJava());
            }
        } catch (RuntimeException | StackOverflowError e) {
            ctx.warnings.add(new Diagnostic(".", 0, 0, "could not evaluate the Terraform configuration ("
                    + e.getClass().getSimpleName() + ")"));
            resources = List.of();
        }
        return new TerraformEnvironment(environment, resources, variables, ctx.finishWarnings());
    }

}
