package dev.cloudshift.core.plan;

import dev.cloudshift.core.ingest.compose.ComposeReader;
import dev.cloudshift.core.ingest.compose.ComposeResult;
import dev.cloudshift.core.ingest.dotenv.DotenvReader;
import dev.cloudshift.core.ingest.dotenv.DotenvResult;
import dev.cloudshift.core.ingest.terraform.TerraformEnvironment;
import dev.cloudshift.core.ingest.terraform.TerraformProject;
import dev.cloudshift.core.ingest.tfjson.TerraformJsonReader;
import dev.cloudshift.core.ingest.tfjson.TerraformJsonResult;
import dev.cloudshift.core.model.ConfigEntry;
import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.model.Resource;
import dev.cloudshift.core.model.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs every reader over the files of a project and merges their environments ({@link EnvironmentSources}).
 * A reader that fails on a file reports a diagnostic; one that throws is reported as a diagnostic naming the
 * file, and every other file is still read.
 */
final class EstateReader {

    /** Made for the first compose file (loading its image catalog is wasted on a project without one). */
    private ComposeReader compose;
    /** Made for the first .env file (its secret detector's rules load then). */
    private DotenvReader dotenv;
    /** Made for the first plan or state JSON file (its secret detector's rules load then). */
    private TerraformJsonReader terraformJson;

    SourceRead read(ProjectFiles files) {
        Path root = files.root();
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<InputFile> inputs = new ArrayList<>();
        EnvironmentSources sources = new EnvironmentSources();
        int readable = 0;

        List<TerraformRootVariables> variables = new ArrayList<>();
        for (Path module : files.terraformRoots()) {
            readable += readTerraform(files, module, sources, diagnostics, variables);
        }
        files.terraformFiles().forEach(f -> inputs.add(new InputFile(files.relative(f), InputFile.Kind.TERRAFORM)));
        files.tfvarsFiles().forEach(f -> inputs.add(new InputFile(files.relative(f), InputFile.Kind.TFVARS)));

        for (Path json : files.terraformJson()) {
            readable += readTerraformJson(files, json, sources, diagnostics);
            inputs.add(new InputFile(files.relative(json), InputFile.Kind.TERRAFORM_JSON));
        }

        Set<Path> composeDirs = new LinkedHashSet<>();
        files.composeFiles().forEach(f -> composeDirs.add(f.getParent()));
        for (Path dir : composeDirs) {
            try {
                if (compose == null) {
                    compose = new ComposeReader();
                }
                ComposeResult r = compose.read(dir, root);
                diagnostics.addAll(r.warnings());
                EnvironmentSources.Source s = sources.source("compose", false);
                for (String env : r.environments()) {
                    s.add(env, r.resources(env), r.config(env));
                }
                if (!r.resources().isEmpty() || !r.config().isEmpty()) {
                    readable++;
                }
            } catch (RuntimeException e) {
                diagnostics.add(failure(files, dir, e));
            }
        }
        files.composeFiles().forEach(f -> inputs.add(new InputFile(files.relative(f), InputFile.Kind.COMPOSE)));

        EnvironmentSources.Source env = sources.source("dotenv", false);
        for (Path f : files.dotenvFiles()) {
            String name = files.relative(f);
            String envName = DotenvReader.environmentOf(f.getFileName().toString()).orElse(EnvironmentNames.DEFAULT);
            try {
                if (dotenv == null) {
                    dotenv = new DotenvReader();
                }
                DotenvResult r = dotenv.read(f, name, envName, null);
                diagnostics.addAll(r.diagnostics());
                env.add(envName, List.of(), r.entries());
                if (!r.entries().isEmpty()) {
                    readable++;
                }
            } catch (RuntimeException e) {
                diagnostics.add(failure(files, f, e));
            }
            inputs.add(new InputFile(name, InputFile.Kind.DOTENV));
        }

        Map<String, SourceRead.Environment> environments = sources.merge();
        return new SourceRead(environments, inputs, diagnostics, readable == 0, variables);
    }

    private int readTerraform(ProjectFiles files, Path module, EnvironmentSources sources, List<Diagnostic> diagnostics,
            List<TerraformRootVariables> variables) {
        String moduleName = files.relative(module);
        int recorded = variables.size();
        try {
            TerraformProject project = TerraformProject.read(module);
            List<String> envs = project.environments();
            boolean named = !(envs.size() == 1 && envs.get(0).equals(EnvironmentNames.DEFAULT));
            EnvironmentSources.Source s = sources.source("terraform", named);
            diagnostics.addAll(prefix(files, module, project.diagnostics()));
            if (project.isEmpty()) {
                variables.add(TerraformRootVariables.of(moduleName, envs, envs.stream().map(e -> Map.<String, Object>of()).toList()));
                return 0;
            }
            // environments are independent evaluations of the same parsed module: use both cores
            List<TerraformEnvironment> results = envs.size() > 1
                    ? envs.parallelStream().map(project::evaluate).toList()
                    : envs.stream().map(project::evaluate).toList();
            variables.add(TerraformRootVariables.of(moduleName, envs, results.stream().map(TerraformEnvironment::variables).toList()));
            Map<String, String> relativeFiles = new java.util.HashMap<>(); // a few files hold thousands of resources
            for (int i = 0; i < envs.size(); i++) {
                String env = envs.get(i);
                TerraformEnvironment evaluated = results.get(i);
                diagnostics.addAll(prefix(files, module, evaluated.warnings()));
                List<Resource> rs = new ArrayList<>();
                for (Resource r : evaluated.resources()) {
                    if (!isDataSource(r.address())) {
                        rs.add(withPosition(r, prefix(files, module, r.position(), relativeFiles)));
                    }
                }
                s.add(env, rs, List.of());
            }
            return 1;
        } catch (RuntimeException e) {
            if (variables.size() == recorded) {
                variables.add(TerraformRootVariables.unreadable(moduleName));
            }
            diagnostics.add(failure(files, module, e));
            return 0;
        }
    }

    /** {@code data.x.y} or {@code module.m.data.x.y}: read-only lookups, not part of the inventory. */
    static boolean isDataSource(String address) {
        return address.startsWith("data.") || address.contains(".data.");
    }

    private int readTerraformJson(ProjectFiles files, Path json, EnvironmentSources sources, List<Diagnostic> diagnostics) {
        String name = files.relative(json);
        String env = EnvironmentNames.fromFileName(json.getFileName().toString()).orElse(EnvironmentNames.DEFAULT);
        try {
            if (terraformJson == null) {
                terraformJson = new TerraformJsonReader();
            }
            TerraformJsonResult r = terraformJson.read(json, name, env);
            diagnostics.addAll(r.diagnostics());
            sources.source("terraform-json", false).add(env, r.resources(), List.of());
            return r.resources().isEmpty() && !r.diagnostics().isEmpty() ? 0 : 1;
        } catch (RuntimeException e) {
            diagnostics.add(failure(files, json, e));
            return 0;
        }
    }

    /** Positions from a reader rooted at a module directory, made relative to the project directory. */
    private static List<Diagnostic> prefix(ProjectFiles files, Path module, List<Diagnostic> ds) {
        List<Diagnostic> out = new ArrayList<>(ds.size());
        for (Diagnostic d : ds) {
            out.add(new Diagnostic(prefixFile(files, module, d.file()), d.line(), d.column(), d.message()));
        }
        return out;
    }

    private static SourcePosition prefix(ProjectFiles files, Path module, SourcePosition p, Map<String, String> relativeFiles) {
        if (p == null || p.file() == null) {
            return p;
        }
        return new SourcePosition(relativeFiles.computeIfAbsent(p.file(), f -> prefixFile(files, module, f)), p.line(),
                p.column());
    }

    private static String prefixFile(ProjectFiles files, Path module, String file) {
        if (file == null) {
            return files.relative(module);
        }
        Path p = Path.of(file);
        if (p.isAbsolute()) {
            return p.startsWith(files.root()) ? files.relative(p) : file;
        }
        String rel = files.relative(module.resolve(p).normalize());
        return rel.isEmpty() ? file : rel;
    }

    private static Resource withPosition(Resource r, SourcePosition p) {
        return new Resource(r.address(), r.type(), r.provider(), r.category(), r.environment(), r.attributes(), r.raw(),
                r.dependsOn(), p);
    }

    /** A reader bug must not stop the plan: the file is named, the exception type too, never its message. */
    private static Diagnostic failure(ProjectFiles files, Path file, RuntimeException e) {
        return new Diagnostic(files.relative(file).isEmpty() ? "." : files.relative(file), 0, 0,
                "could not be read: internal error " + e.getClass().getSimpleName()
                        + " in the reader; the rest of the project was planned (please report this file)");
    }

}
