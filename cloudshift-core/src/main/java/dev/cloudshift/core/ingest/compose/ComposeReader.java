package dev.cloudshift.core.ingest.compose;

import dev.cloudshift.core.ingest.dotenv.DotenvDocument;
import dev.cloudshift.core.ingest.dotenv.DotenvReader;
import dev.cloudshift.core.ingest.dotenv.VariableInterpolator;
import dev.cloudshift.core.model.ConfigEntry;
import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.model.Resource;
import dev.cloudshift.core.model.SourcePosition;
import dev.cloudshift.core.secrets.Redactor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a docker compose project (compose specification) into resources and configuration entries.
 *
 * <h2>Files and environments</h2>
 * Given a directory, the base file is the first of {@code compose.yaml}, {@code compose.yml},
 * {@code docker-compose.yaml}, {@code docker-compose.yml}. Environment {@code default} is the base file with
 * {@code compose.override.y(a)ml} / {@code docker-compose.override.y(a)ml} merged over it (as {@code docker
 * compose up} does). Each {@code docker-compose.<env>.y(a)ml} / {@code compose.<env>.y(a)ml} names environment
 * {@code <env>}: the base file with that file merged over it. A {@code .env.<env>} file also names environment
 * {@code <env>} (base plus override). Given a single file, only that file is read, as environment
 * {@code default}.
 *
 * <p>{@code include:} brings in the services of other compose files; {@code extends} (same file or another file) is resolved with the same merge rules; YAML anchors, aliases
 * and merge keys ({@code <<}) and {@code x-*} extension blocks work as in compose; {@code !reset} and
 * {@code !override} tags are honoured in override files.
 *
 * <h2>Interpolation</h2>
 * {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR:?error}}, {@code ${VAR?error}},
 * {@code ${VAR:+x}}, {@code $VAR} and {@code $$} in values, with variables from the {@code .env} file beside
 * the base file, overlaid by {@code .env.<env>} for environment {@code <env>}. The shell environment is
 * deliberately not used, so a plan does not depend on who runs it. A value that received a .env value is
 * secret: its entry has a null value and its shape shows the .env value's redacted shape. Problems reading
 * the project .env files are reported by {@link DotenvReader}, not here; the entries of the project .env are
 * not returned here either (read them with {@link DotenvReader}); env_file files are read and returned.
 *
 * <h2>Output</h2>
 * One {@link Resource} per service and environment: address {@code compose.<service>}, type from
 * {@code catalog/compose-images.yaml} ({@code compose_app} for {@code build:} services and unknown images),
 * provider {@code compose}, category null, attributes empty, and in {@code raw}: {@code image},
 * {@code image_tag}, {@code engine}, {@code engine_version}, {@code build}, {@code ports} (container ports),
 * {@code published_ports}, {@code expose}, {@code environment} (key to safe shape), {@code depends_on}
 * (service to condition), {@code replicas}, {@code cpus}, {@code memory_gb}, {@code reserved_cpus},
 * {@code reserved_memory_gb}, {@code healthcheck}, {@code volumes}, {@code command}, {@code entrypoint},
 * {@code networks}, {@code profiles}, {@code restart}, {@code container_name}, {@code hostname},
 * {@code secrets}. {@code dependsOn} lists {@code depends_on}, {@code links}, {@code network_mode: service:},
 * {@code volumes_from} and services whose host name appears in an environment value ({@code DATABASE_URL}
 * host {@code db}, {@code REDIS_HOST=cache}). Positions are the line:column of the service key.
 *
 * <p>Malformed YAML, wrong shapes and undefined references become warnings {@code file:line:column: expected
 * ...}; other files and services are still read. No warning or exception message contains a value.
 */
public final class ComposeReader {

    static final List<String> BASE_NAMES = List.of("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml");
    private static final Pattern OVERRIDE = Pattern.compile("(docker-)?compose\\.override\\.ya?ml");
    private static final Pattern ENV_FILE = Pattern.compile("(docker-)?compose\\.([A-Za-z0-9_-]+)\\.ya?ml");

    private final ComposeImageCatalog catalog;
    private final Redactor redactor;

    public ComposeReader() {
        this(ComposeImageCatalog.defaults(), Redactor.defaults());
    }

    public ComposeReader(ComposeImageCatalog catalog, Redactor redactor) {
        this.catalog = catalog;
        this.redactor = redactor;
    }

    /** True when {@code fileName} is a compose file name this reader picks up in a directory. */
    public static boolean isComposeFileName(String fileName) {
        return BASE_NAMES.contains(fileName) || OVERRIDE.matcher(fileName).matches() || ENV_FILE.matcher(fileName).matches();
    }

    /**
     * Reads a compose project directory or a single compose file. Positions name files relative to the
     * directory (or to the file's directory).
     */
    public ComposeResult read(Path dirOrFile) {
        Path dir = Files.isDirectory(dirOrFile) ? dirOrFile : dirOrFile.toAbsolutePath().getParent();
        return read(dirOrFile, dir == null ? Path.of(".") : dir);
    }

    /** Like {@link #read(Path)}, naming files relative to {@code displayRoot} (the project root being planned). */
    public ComposeResult read(Path dirOrFile, Path displayRoot) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Path dir;
        Path base;
        Path override = null;
        Map<String, Path> envFiles = new TreeMap<>();
        if (Files.isDirectory(dirOrFile)) {
            dir = dirOrFile;
            base = BASE_NAMES.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst().orElse(null);
            if (base == null) {
                diagnostics.add(Diagnostic.at(SourcePosition.ofFile(display(displayRoot, dir)),
                        "expected a compose file (compose.yaml or docker-compose.yml) in this directory"));
                return new ComposeResult(List.of(), List.of(), diagnostics, List.of());
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.sorted().toList()) {
                    String n = p.getFileName().toString();
                    if (OVERRIDE.matcher(n).matches()) {
                        if (override == null) {
                            override = p;
                        }
                    } else {
                        Matcher m = ENV_FILE.matcher(n);
                        if (m.matches() && !BASE_NAMES.contains(n)) {
                            envFiles.putIfAbsent(m.group(2), p);
                        }
                    }
                }
            } catch (IOException e) {
                diagnostics.add(Diagnostic.at(SourcePosition.ofFile(display(displayRoot, dir)), "cannot list the directory (" + e.getClass().getSimpleName() + ")"));
            }
        } else {
            base = dirOrFile;
            dir = dirOrFile.toAbsolutePath().getParent();
        }
        Path absRoot = displayRoot.toAbsolutePath().normalize();
        Path absDir = dir.toAbsolutePath().normalize();

        // environments: default, compose env files, .env.<env>
        LinkedHashSet<String> envNames = new LinkedHashSet<>();
        envNames.add("default");
        envNames.addAll(envFiles.keySet());
        Map<String, Path> dotenvFiles = new TreeMap<>();
        if (Files.isDirectory(dirOrFile)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.sorted().toList()) {
                    String n = p.getFileName().toString();
                    if (n.startsWith(".env.") && Files.isRegularFile(p)) {
                        DotenvReader.environmentOf(n).ifPresent(env -> dotenvFiles.put(env, p));
                    }
                }
            } catch (IOException e) {
                // already reported above
            }
        }
        List<String> sortedEnvs = new ArrayList<>(envNames);
        for (String env : dotenvFiles.keySet()) {
            if (!sortedEnvs.contains(env)) {
                sortedEnvs.add(env);
            }
        }
        List<String> others = new ArrayList<>(sortedEnvs.subList(1, sortedEnvs.size()));
        others.sort(null);
        sortedEnvs = new ArrayList<>();
        sortedEnvs.add("default");
        sortedEnvs.addAll(others);

        // parse every compose file once
        Map<Path, Optional<YNode>> trees = new LinkedHashMap<>();
        List<Path> all = new ArrayList<>();
        all.add(base);
        if (override != null) {
            all.add(override);
        }
        all.addAll(envFiles.values());
        for (Path p : all) {
            String name = display(absRoot, p.toAbsolutePath().normalize());
            Optional<String> text = DotenvReader.readText(p, name, diagnostics);
            Optional<YNode> tree = Optional.empty();
            if (text.isPresent()) {
                int before = diagnostics.size();
                tree = YamlTreeReader.read(name, text.get(), diagnostics);
                if (tree.isEmpty() && diagnostics.size() > before) {
                    // a syntax error: read the services that are intact on their own
                    tree = ComposeRecovery.recover(name, text.get(), diagnostics);
                }
            }
            trees.put(p, tree);
        }

        Map<String, String> baseVars = new LinkedHashMap<>();
        Path dotenv = absDir.resolve(".env");
        if (Files.isRegularFile(dotenv)) {
            DotenvDocument doc = DotenvReader.parseFile(dotenv, display(absRoot, dotenv), Map.of(), new ArrayList<>());
            baseVars.putAll(doc.values());
        }

        List<Resource> resources = new ArrayList<>();
        List<ConfigEntry> config = new ArrayList<>();
        for (String env : sortedEnvs) {
            Map<String, String> vars = new LinkedHashMap<>(baseVars);
            Path envDotenv = dotenvFiles.get(env);
            if (envDotenv != null) {
                vars.putAll(DotenvReader.parseFile(envDotenv, display(absRoot, envDotenv), baseVars, new ArrayList<>()).values());
            }
            Map<String, VariableInterpolator.Value> values = new LinkedHashMap<>();
            vars.forEach((k, v) -> values.put(k, new VariableInterpolator.Value(v, redactor.opaqueShape(v))));
            List<Path> layers = new ArrayList<>();
            layers.add(base);
            if (envFiles.containsKey(env)) {
                layers.add(envFiles.get(env));
            } else if (override != null) {
                layers.add(override);
            }
            ComposeInterpolation interpolation = new ComposeInterpolation(values, diagnostics);
            YNode merged = null;
            for (Path layer : layers) {
                Optional<YNode> tree = trees.get(layer);
                if (tree.isEmpty()) {
                    continue;
                }
                YNode n = ComposeMerger.normaliseFile(interpolation.apply(tree.get()));
                if (merged == null) {
                    merged = n;
                } else if (merged instanceof YNode.YMap && n instanceof YNode.YMap) {
                    merged = ComposeMerger.merge(merged, n, "");
                } else {
                    diagnostics.add(Diagnostic.at(n.pos(), "expected a mapping at the top level of a compose file, found " + YNode.kind(n)));
                }
            }
            if (merged == null) {
                continue;
            }
            Function<YNode, YNode> prepare = t -> ComposeMerger.normaliseFile(interpolation.apply(t));
            merged = new ComposeInclude(absDir, absRoot, prepare, diagnostics).apply(merged);
            merged = new ComposeExtends(absDir, absRoot, prepare, diagnostics).resolve(merged);
            ComposeServiceReader reader = new ComposeServiceReader(env, absDir, absRoot, vars, catalog, redactor, diagnostics);
            reader.read(merged);
            resources.addAll(reader.resources());
            config.addAll(reader.config());
        }
        List<Diagnostic> unique = new ArrayList<>(new LinkedHashSet<>(diagnostics));
        unique.sort(java.util.Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        // belt and braces: messages are built without values, but a secret must never reach one
        List<String> secrets = new ArrayList<>();
        baseVars.forEach((k, v) -> {
            if (v.length() >= 6 && (redactor.detector().isSecret(k, v))) {
                secrets.add(v);
            }
        });
        List<Diagnostic> safe = new ArrayList<>();
        for (Diagnostic d : unique) {
            safe.add(new Diagnostic(d.file(), d.line(), d.column(), Redactor.scrub(d.message(), secrets)));
        }
        return new ComposeResult(resources, config, safe, sortedEnvs);
    }

    static String display(Path root, Path file) {
        try {
            Path r = root.toAbsolutePath().normalize();
            Path f = file.toAbsolutePath().normalize();
            return f.startsWith(r) ? r.relativize(f).toString().replace('\\', '/') : f.toString();
        } catch (RuntimeException e) {
            return file.toString();
        }
    }
}
