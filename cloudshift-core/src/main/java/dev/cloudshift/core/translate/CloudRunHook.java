package dev.cloudshift.core.translate;

import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.hcl.emit.HclExpr;
import dev.cloudshift.hcl.emit.HclItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * ECS service + task definition + target group -> the container of a {@code google_cloud_run_v2_service}: the image
 * (ECR repository -> its Artifact Registry repository, tag -> {@code var.image_tag} set per environment), the
 * environment ({@code env { name value }}; values referring to other resources stay references, the environment name
 * becomes {@code var.environment}, the planner's configuration changes are applied as for Container Apps), the
 * secrets ({@code env { value_source { secret_key_ref } } }: a Secrets Manager JSON key becomes its own Secret Manager
 * secret whose value is a sensitive variable, never a value; the service account gets
 * {@code roles/secretmanager.secretAccessor} on it), the container port when no load balancer names one, and a
 * liveness probe from the target group health check. A for_each service reads its lists from locals keyed like the
 * for_each.
 */
final class CloudRunHook implements TranslationHook {

    /** Environment names Cloud Run sets itself and refuses in a service definition. */
    private static final Set<String> RESERVED = Set.of("PORT", "K_SERVICE", "K_REVISION", "K_CONFIGURATION");

    @Override
    public void apply(Translation t, SourceGroup g) {
        Draft run = t.draft(g, "google_cloud_run_v2_service");
        if (run == null) {
            return;
        }
        Draft.Block container = run.block("template", "containers");
        Draft.Field image = container.addField("image");
        Map<String, Object> tags = new LinkedHashMap<>();
        // per instance key: env name -> (environment -> value)
        Map<String, Map<String, Map<String, Object>>> env = new LinkedHashMap<>();
        // per instance key: env name -> the Secret Manager secret it reads
        Map<String, Map<String, Draft>> secrets = new LinkedHashMap<>();
        Map<String, String> secretEnv = new LinkedHashMap<>();
        Set<String> reserved = new LinkedHashSet<>();
        boolean sidecars = false;

        for (Map.Entry<Inst, PlannedResource> e : g.instances.entrySet()) {
            Inst inst = run.multi() ? e.getKey() : new Inst(e.getKey().environment(), null);
            String key = inst.key() == null ? "default" : inst.key();
            PlannedResource svc = e.getValue();
            PlannedResource td = t.related(svc, "aws_ecs_task_definition");
            if (td == null) {
                t.todo(svc.address(), "no task definition found: set the container image, environment and port by hand",
                        run.file, run.address());
                continue;
            }
            Object defs = RawValues.get(td.resource().raw(), "container_definitions");
            if (!(defs instanceof List<?> list) || list.isEmpty() || !(list.get(0) instanceof Map<?, ?> def)) {
                t.todo(svc.address(), "the container definitions could not be read: set the image by hand", run.file, run.address());
                continue;
            }
            sidecars |= list.size() > 1;
            image(t, run, image, inst, svc, def.get("image"), tags);
            Map<String, Map<String, Object>> vars = env.computeIfAbsent(key, k -> new LinkedHashMap<>());
            if (def.get("environment") instanceof List<?> envList) {
                for (Object o : envList) {
                    if (o instanceof Map<?, ?> kv && kv.get("name") != null) {
                        String name = String.valueOf(kv.get("name"));
                        if (RESERVED.contains(name)) {
                            reserved.add(name);
                            continue;
                        }
                        vars.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(inst.environment(), kv.get("value"));
                    }
                }
            }
            if (def.get("secrets") instanceof List<?> secretList) {
                for (Object o : secretList) {
                    if (!(o instanceof Map<?, ?> kv) || kv.get("name") == null) {
                        continue;
                    }
                    String name = String.valueOf(kv.get("name"));
                    Matcher sm = ContainerAppHook.SECRET_REF.matcher(String.valueOf(kv.get("valueFrom")));
                    Draft secret = sm.matches() ? secretManagerSecret(t, sm.group(1), sm.group(2)) : null;
                    if (secret == null) {
                        t.todo(svc.address(), "secret " + name + " is not read from a translated Secrets Manager secret: "
                                + "add an env value_source.secret_key_ref by hand", run.file, run.address());
                        continue;
                    }
                    secrets.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(name, secret);
                    secretEnv.put(key + "\u0000" + name, secret.name);
                }
            }
            if (def.get("healthCheck") instanceof Map<?, ?>) {
                t.todo(svc.address(), "the container health check runs a command; Cloud Run probes are HTTP, TCP or gRPC: "
                        + "add a startup_probe or liveness_probe by hand", run.file, run.address());
            }
            port(container, inst, def);
            probe(t, run, inst, svc);
        }
        if (!tags.isEmpty()) {
            t.variable("image_tag", "string", "Image tag deployed to every Cloud Run service (per environment).", false, tags);
        }
        if (sidecars) {
            t.todo(g.key, "only the first container of the task definition becomes the Cloud Run container: add the others "
                    + "as further containers blocks (sidecars) by hand", run.file, run.address());
        }
        if (!reserved.isEmpty()) {
            run.comments.add("Cloud Run sets " + String.join(", ", reserved) + " itself: the task definition's value is not written.");
        }
        ContainerAppHook.applyConfigChanges(t, run, g, env, secretEnv);
        writeEnvironment(t, run, container, env, secrets);
        grantSecretAccess(t, run, g, secrets);
    }

    /** The image: an ECR image becomes its Artifact Registry path with {@code var.image_tag}; a public image stays. */
    private static void image(Translation t, Draft run, Draft.Field image, Inst inst, PlannedResource svc, Object img,
            Map<String, Object> tags) {
        Matcher m = img instanceof String s ? ContainerAppHook.ECR_IMAGE.matcher(s) : null;
        if (m != null && m.matches()) {
            String repo = "${aws_ecr_repository." + m.group(1) + (m.group(2) == null ? "" : "[\"" + m.group(2) + "\"]")
                    + ".repository_url}";
            Object url = t.translateString(repo);
            if (!(url instanceof HclExpr path)) {
                t.todo(svc.address(), "the image's ECR repository was not translated: set the image by hand", run.file, run.address());
                return;
            }
            List<Object> parts = new ArrayList<>(path instanceof HclExpr.Template tp ? tp.parts() : List.of(path));
            parts.add(":");
            parts.add(HclExpr.ref("var.image_tag"));
            image.values.put(inst, new HclExpr.Template(parts));
            tags.merge(inst.environment(), m.group(3) == null ? "latest" : m.group(3), (a, b) -> a);
        } else if (img instanceof String s && !s.contains("${")) {
            image.values.put(inst, s);
        } else {
            t.todo(svc.address(), "the container image " + img + " has no translation: set it by hand", run.file, run.address());
        }
    }

    /** The container port of the task definition where the service names none (no load balancer). */
    private static void port(Draft.Block container, Inst inst, Map<?, ?> def) {
        Draft.Block ports = container.block("ports");
        Draft.Field port = ports == null ? null : ports.field("container_port");
        Object mapped = RawValues.get(def, "portMappings.0.containerPort");
        if (port != null && port.values.get(inst) == ValueSpec.MISSING && mapped != null) {
            port.values.put(inst, mapped);
        }
    }

    /** The target group's HTTP health check as a liveness probe (the container port is the probe's default port). */
    private static void probe(Translation t, Draft run, Inst inst, PlannedResource svc) {
        PlannedResource tg = t.related(svc, "aws_lb_target_group");
        Object path = tg == null ? null : RawValues.get(tg.resource().raw(), "health_check.0.path");
        if (path == null) {
            return;
        }
        Draft.Block probe = run.block("template", "containers", "liveness_probe");
        Object interval = RawValues.get(tg.resource().raw(), "health_check.0.interval");
        Object timeout = RawValues.get(tg.resource().raw(), "health_check.0.timeout");
        Object failures = RawValues.get(tg.resource().raw(), "health_check.0.unhealthy_threshold");
        if (interval != null) {
            probe.addField("period_seconds").values.put(inst, interval);
        }
        if (timeout != null) {
            probe.addField("timeout_seconds").values.put(inst, timeout);
        }
        if (failures != null) {
            probe.addField("failure_threshold").values.put(inst, failures);
        }
        Draft.Block http = run.block("template", "containers", "liveness_probe", "http_get");
        Draft.Field f = http.field("path");
        if (f == null) {
            f = new Draft.Field("path", false, "liveness_probe_path", "HTTP path of the liveness probe (the target group health check).");
            http.fields.add(f);
        }
        f.values.put(inst, path);
    }

    /** The Secret Manager secret for one JSON key of a Secrets Manager secret (or the whole secret), made once. */
    static Draft secretManagerSecret(Translation t, String secret, String jsonKey) {
        SourceGroup sg = t.groupOf("aws_secretsmanager_secret", secret);
        Draft whole = sg == null ? null : t.draft(sg, "google_secret_manager_secret");
        if (whole == null || jsonKey == null || jsonKey.isEmpty()) {
            return whole;
        }
        String name = Translation.identifier(secret + "_" + jsonKey);
        for (Draft d : t.draftsOfType("google_secret_manager_secret")) {
            if (d.name.equals(name)) {
                return d;
            }
        }
        Draft d = t.singleDraft("google_secret_manager_secret", name, whole.file, whole.varPrefix);
        Draft.Field id = d.body.addField("secret_id");
        Draft.Field wholeId = whole.body.field("secret_id");
        String suffix = "-" + jsonKey.replaceAll("[^A-Za-z0-9_-]", "-");
        for (Inst i : d.instances) {
            Object base = null;
            if (wholeId != null) {
                for (Map.Entry<Inst, Object> v : wholeId.values.entrySet()) {
                    if (v.getKey().environment().equals(i.environment()) && v.getValue() instanceof String) {
                        base = v.getValue();
                        break;
                    }
                }
            }
            id.values.put(i, (base == null ? secret : String.valueOf(base)) + suffix);
        }
        d.block("replication", "auto");
        Draft version = t.singleDraft("google_secret_manager_secret_version", name, whole.file, "secret_versions");
        version.set(version.body, "secret", HclExpr.ref(d.address() + ".id"));
        String var = "secret_" + name;
        version.set(version.body, "secret_data", HclExpr.ref("var." + var));
        t.sensitiveVariable(var);
        return d;
    }

    /**
     * Environment variables and secrets: static {@code env} blocks for a single service; for a for_each service two
     * dynamic {@code env} blocks over locals keyed like the for_each (plain values, secret references).
     */
    static void writeEnvironment(Translation t, Draft run, Draft.Block container,
            Map<String, Map<String, Map<String, Object>>> env, Map<String, Map<String, Draft>> secrets) {
        Map<String, List<HclExpr[]>> plain = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Map<String, Object>>> k : env.entrySet()) {
            List<HclExpr[]> entries = plain.computeIfAbsent(k.getKey(), x -> new ArrayList<>());
            for (Map.Entry<String, Map<String, Object>> var : k.getValue().entrySet()) {
                HclExpr value = ContainerAppHook.envValue(t, run, k.getKey(), var.getKey(), var.getValue());
                if (value != null) {
                    entries.add(new HclExpr[] {HclExpr.str(var.getKey()), value});
                }
            }
        }
        if (!run.multi()) {
            for (List<HclExpr[]> entries : plain.values()) {
                for (HclExpr[] kv : entries) {
                    container.extra.add(new HclItem.Block("env", List.of(), List.of(
                            new HclItem.Attribute("name", kv[0]), new HclItem.Attribute("value", kv[1]))));
                }
            }
            for (Map<String, Draft> byName : secrets.values()) {
                byName.forEach((name, secret) -> container.extra.add(new HclItem.Block("env", List.of(), List.of(
                        new HclItem.Attribute("name", HclExpr.str(name)),
                        secretSource(HclExpr.ref(secret.address() + ".secret_id"))))));
            }
            return;
        }
        Map<String, HclExpr> envByKey = new LinkedHashMap<>();
        plain.forEach((k, entries) -> envByKey.put(k, new HclExpr.ListOf(entries.stream().map(kv -> entry("value", kv)).toList())));
        String envLocal = run.name + "_env";
        String secretLocal = run.name + "_secret_env";
        List<HclItem> locals = new ArrayList<>();
        locals.add(new HclItem.Attribute(envLocal, new HclExpr.ObjectOf(envByKey, false)));
        if (!secrets.isEmpty()) {
            Map<String, HclExpr> byKey = new LinkedHashMap<>();
            for (String k : env.keySet()) {
                List<HclExpr> list = new ArrayList<>();
                secrets.getOrDefault(k, Map.of()).forEach((name, secret) -> list.add(entry("secret",
                        new HclExpr[] {HclExpr.str(name), HclExpr.ref(secret.address() + ".secret_id")})));
                byKey.put(k, new HclExpr.ListOf(list));
            }
            locals.add(new HclItem.Attribute(secretLocal, new HclExpr.ObjectOf(byKey, false)));
        }
        t.fileItem(run.file, new HclItem.Block("locals", List.of(), locals));
        container.extra.add(new HclItem.Block("dynamic", List.of("env"), List.of(
                new HclItem.Attribute("for_each", HclExpr.raw("local." + envLocal + "[each.key]")),
                new HclItem.Block("content", List.of(), List.of(
                        new HclItem.Attribute("name", HclExpr.ref("env.value.name")),
                        new HclItem.Attribute("value", HclExpr.ref("env.value.value")))))));
        if (!secrets.isEmpty()) {
            container.extra.add(new HclItem.Block("dynamic", List.of("env"), List.of(
                    new HclItem.Attribute("for_each", HclExpr.raw("local." + secretLocal + "[each.key]")),
                    new HclItem.Block("content", List.of(), List.of(
                            new HclItem.Attribute("name", HclExpr.ref("env.value.name")),
                            secretSource(HclExpr.ref("env.value.secret")))))));
        }
    }

    private static HclExpr entry(String valueName, HclExpr[] kv) {
        Map<String, HclExpr> o = new LinkedHashMap<>();
        o.put("name", kv[0]);
        o.put(valueName, kv[1]);
        return new HclExpr.ObjectOf(o, true);
    }

    /** {@code value_source { secret_key_ref { secret = ..., version = "latest" } }}. */
    private static HclItem secretSource(HclExpr secret) {
        return new HclItem.Block("value_source", List.of(), List.of(new HclItem.Block("secret_key_ref", List.of(), List.of(
                new HclItem.Attribute("secret", secret), new HclItem.Attribute("version", HclExpr.str("latest"))))));
    }

    /**
     * The service's service account may read each secret it mounts ({@code roles/secretmanager.secretAccessor}); a
     * service without a translated service account runs as the default compute account, which is left to a TODO.
     */
    static void grantSecretAccess(Translation t, Draft run, SourceGroup g, Map<String, Map<String, Draft>> secrets) {
        Set<Draft> used = new LinkedHashSet<>();
        secrets.values().forEach(m -> used.addAll(m.values()));
        if (used.isEmpty()) {
            return;
        }
        Draft.Block template = run.body.block("template");
        Draft.Field account = template == null ? null : template.field("service_account");
        HclExpr email = null;
        if (account != null) {
            Set<Object> values = new LinkedHashSet<>(account.values.values());
            if (values.size() == 1 && values.iterator().next() instanceof HclExpr.Reference r) {
                email = r;
            }
        }
        if (email == null) {
            t.todo(g.key, "grant the service account that runs this service roles/secretmanager.secretAccessor on the "
                    + "secrets it reads", run.file, run.address());
            return;
        }
        for (Draft secret : used) {
            Draft member = t.singleDraft("google_secret_manager_secret_iam_member", secret.name + "_" + run.name,
                    secret.file, "secret_access");
            member.set(member.body, "secret_id", HclExpr.ref(secret.address() + ".secret_id"));
            member.set(member.body, "role", "roles/secretmanager.secretAccessor");
            member.set(member.body, "member", HclExpr.template("serviceAccount:", email));
        }
    }
}
