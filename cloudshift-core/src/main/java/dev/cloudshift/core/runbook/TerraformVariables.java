package dev.cloudshift.core.runbook;

import dev.cloudshift.core.ingest.terraform.SecretNames;
import dev.cloudshift.core.ingest.terraform.TerraformEnvironment;
import dev.cloudshift.core.ingest.terraform.TerraformProject;
import dev.cloudshift.core.plan.ProjectFiles;
import dev.cloudshift.core.plan.ProjectInventory;
import dev.cloudshift.core.plan.TerraformRootVariables;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-environment values of the Terraform root variables (from the tfvars), flattened to dotted names
 * ({@code services.backend.cpu}) for the environment matrix. Sensitive variables, secret-looking names and
 * values that hold secret text are shown as {@code <sensitive>}; nothing is read that planning did not read.
 */
public final class TerraformVariables {

    public static final String SENSITIVE = "<sensitive>";

    private TerraformVariables() {
    }

    /**
     * Reads every Terraform root module of {@code projectDir}.
     *
     * @param environments the environments of the plan; variables of other environments are not read
     * @return per environment, variable name -> value (names prefixed with the module directory when the project
     *         has more than one root module); empty when the project has no Terraform
     */
    public static Map<String, Map<String, Object>> read(Path projectDir, List<String> environments) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        ProjectFiles files;
        Path root = projectDir.toAbsolutePath().normalize();
        try {
            files = ProjectFiles.scan(root);
        } catch (IOException | RuntimeException e) {
            return out;
        }
        List<Path> roots = files.terraformRoots();
        for (Path module : roots) {
            String prefix = "";
            if (roots.size() > 1) {
                Path abs = module.isAbsolute() ? module : root.resolve(module);
                String rel = root.relativize(abs.normalize()).toString().replace('\\', '/');
                prefix = rel.isEmpty() ? "" : rel + "/";
            }
            try {
                TerraformProject project = TerraformProject.read(module.isAbsolute() ? module : root.resolve(module));
                for (String env : project.environments()) {
                    if (!environments.contains(env)) {
                        continue;
                    }
                    TerraformEnvironment evaluated = project.evaluate(env);
                    Map<String, Object> flat = out.computeIfAbsent(env, k -> new TreeMap<>());
                    for (Map.Entry<String, Object> v : evaluated.variables().entrySet()) {
                        flatten(prefix + v.getKey(), v.getValue(), SecretNames.isSecretName(v.getKey()), flat);
                    }
                }
            } catch (RuntimeException e) {
                // planning has already reported this module's problems as warnings
            }
        }
        return out;
    }

    /**
     * The same values as {@link #read} from what planning already evaluated ({@link ProjectInventory#terraformVariables()}),
     * without reading or evaluating any file again.
     *
     * @param environments the environments of the plan; variables of other environments are left out
     */
    public static Map<String, Map<String, Object>> of(ProjectInventory inventory, List<String> environments) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        List<TerraformRootVariables> roots = inventory.terraformVariables();
        for (TerraformRootVariables module : roots) {
            String prefix = roots.size() > 1 && !module.module().isEmpty() ? module.module() + "/" : "";
            for (Map.Entry<String, Map<String, Object>> env : module.environments().entrySet()) {
                if (!environments.contains(env.getKey())) {
                    continue;
                }
                Map<String, Object> flat = out.computeIfAbsent(env.getKey(), k -> new TreeMap<>());
                for (Map.Entry<String, Object> v : env.getValue().entrySet()) {
                    flatten(prefix + v.getKey(), v.getValue(), SecretNames.isSecretName(v.getKey()), flat);
                }
            }
        }
        return out;
    }

    static void flatten(String name, Object value, boolean secret, Map<String, Object> out) {
        if (secret || SENSITIVE.equals(value) || SecretNames.isSecretName(lastSegment(name))) {
            out.put(name, SENSITIVE);
            return;
        }
        if (value instanceof Map<?, ?> m && !m.isEmpty()) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                flatten(name + "." + e.getKey(), e.getValue(), false, out);
            }
            return;
        }
        if (value instanceof Collection<?> c) {
            List<Object> items = new ArrayList<>();
            for (Object o : c) {
                if (o instanceof Map<?, ?> || o instanceof Collection<?> || SENSITIVE.equals(o)) {
                    out.put(name, "[" + c.size() + " items]");
                    return;
                }
                items.add(o);
            }
            out.put(name, items.toString());
            return;
        }
        out.put(name, value);
    }

    private static String lastSegment(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }
}
