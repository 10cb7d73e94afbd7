package dev.cloudshift.core.translate;

import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.hcl.emit.HclExpr;
import dev.cloudshift.hcl.emit.HclItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ECS service + task definition + target group + autoscaling -> the template of an {@code azurerm_container_app}: the
 * image (ECR repository -> the registry's login server, tag -> {@code var.image_tag}), environment variables (values
 * referring to other resources stay references; the environment name becomes {@code var.environment}), secrets (a
 * Secrets Manager JSON key -> its own Key Vault secret, read through the execution identity, never a value), the
 * identities, the registry, the liveness probe from the target group health check and a CPU/memory scale rule from the
 * target tracking policy. Environment lists and secret lists are locals keyed like the for_each.
 */
final class ContainerAppHook implements TranslationHook {

    static final Pattern ECR_IMAGE = Pattern.compile(
            "^\\$\\{aws_ecr_repository\\.([A-Za-z0-9_-]+)(?:\\[\"?([^\\]\"]*)\"?\\])?\\.repository_url\\}(?::(.+))?$");
    static final Pattern SECRET_REF = Pattern.compile(
            "^\\$\\{aws_secretsmanager_secret\\.([A-Za-z0-9_-]+)\\.(?:arn|id)\\}(?::([^:]*)::?.*)?$");

    @Override
    public void apply(Translation t, SourceGroup g) {
        Draft app = t.draft(g, "azurerm_container_app");
        if (app == null) {
            return;
        }
        Draft.Block container = app.block("template", "container");
        Draft.Field image = container.addField("image");
        Draft.Field repository = new Draft.Field("image_repository", false, null, null);
        Map<String, Object> tags = new LinkedHashMap<>();
        // per instance key: env name -> (environment -> value)
        Map<String, Map<String, Map<String, Object>>> env = new LinkedHashMap<>();
        Map<String, Map<String, HclExpr>> secrets = new LinkedHashMap<>();
        Map<String, String> secretEnv = new LinkedHashMap<>();
        Set<HclExpr> identities = new LinkedHashSet<>();
        HclExpr executionIdentity = null;
        boolean usesRegistry = false;

        for (Map.Entry<Inst, PlannedResource> e : g.instances.entrySet()) {
            Inst inst = app.multi() ? e.getKey() : new Inst(e.getKey().environment(), null);
            String key = inst.key() == null ? "default" : inst.key();
            PlannedResource svc = e.getValue();
            PlannedResource td = t.related(svc, "aws_ecs_task_definition");
            if (td == null) {
                t.todo(svc.address(), "no task definition found: set the container image, cpu and memory by hand", app.file,
                        app.address());
                continue;
            }
            for (String role : List.of("execution_role_arn", "task_role_arn")) {
                Object ref = td.resource().raw().get(role);
                if (ref instanceof String s && t.translateString(s) instanceof HclExpr x) {
                    identities.add(x);
                    if (role.equals("execution_role_arn")) {
                        executionIdentity = x;
                    }
                }
            }
            Object defs = RawValues.get(td.resource().raw(), "container_definitions");
            if (!(defs instanceof List<?> list) || list.isEmpty() || !(list.get(0) instanceof Map<?, ?> def)) {
                t.todo(svc.address(), "the container definitions could not be read: set the image by hand", app.file, app.address());
                continue;
            }
            Object img = def.get("image");
            Matcher m = img instanceof String s ? ECR_IMAGE.matcher(s) : null;
            if (m != null && m.matches()) {
                SourceGroup repoGroup = t.groupOf("aws_ecr_repository", m.group(1));
                PlannedResource repo = repoGroup == null ? null
                        : repoGroup.instances.get(new Inst(inst.environment(), m.group(2)));
                Draft registry = repoGroup == null ? null : t.draft(repoGroup, "azurerm_container_registry");
                if (repo == null || registry == null) {
                    t.todo(svc.address(), "the image's ECR repository was not translated: set the image by hand", app.file, app.address());
                    continue;
                }
                usesRegistry = true;
                repository.values.put(inst, repo.resource().raw().get("name"));
                tags.merge(inst.environment(), m.group(3) == null ? "latest" : m.group(3), (a, b) -> a);
                image.values.put(inst, HclExpr.template(HclExpr.ref(registry.address() + ".login_server"), "/",
                        HclExpr.ref(app.multi() ? "each.value.image_repository" : "var.container_app_image_repository"),
                        ":", HclExpr.ref("var.image_tag")));
            } else if (img instanceof String s && !s.contains("${")) {
                image.values.put(inst, s);
            } else {
                t.todo(svc.address(), "the container image " + img + " has no translation: set it by hand", app.file, app.address());
            }
            Map<String, Map<String, Object>> vars = env.computeIfAbsent(key, k -> new LinkedHashMap<>());
            if (def.get("environment") instanceof List<?> envList) {
                for (Object o : envList) {
                    if (o instanceof Map<?, ?> kv && kv.get("name") != null) {
                        vars.computeIfAbsent(String.valueOf(kv.get("name")), k -> new LinkedHashMap<>())
                                .put(inst.environment(), kv.get("value"));
                    }
                }
            }
            if (def.get("secrets") instanceof List<?> secretList) {
                for (Object o : secretList) {
                    if (!(o instanceof Map<?, ?> kv) || kv.get("name") == null) {
                        continue;
                    }
                    String name = String.valueOf(kv.get("name"));
                    Matcher sm = SECRET_REF.matcher(String.valueOf(kv.get("valueFrom")));
                    Draft kvSecret = sm.matches() ? keyVaultSecret(t, sm.group(1), sm.group(2)) : null;
                    if (kvSecret == null) {
                        t.todo(svc.address(), "secret " + name + " is not read from a translated Secrets Manager secret: "
                                + "add a Key Vault secret reference by hand", app.file, app.address());
                        continue;
                    }
                    String secretName = kvSecret.name.replace('_', '-');
                    secrets.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(secretName,
                            HclExpr.ref(kvSecret.address() + ".versionless_id"));
                    secretEnv.put(key + "\u0000" + name, secretName);
                }
            }
            probeAndScale(t, app, inst, svc);
        }
        if (!repository.values.isEmpty()) {
            if (app.multi()) {
                app.hidden.add(repository);
            } else {
                t.variable("container_app_image_repository", "string", "Repository of the image in the registry.", false,
                        perEnvironment(t, repository));
            }
        }
        if (!tags.isEmpty()) {
            t.variable("image_tag", "string", "Image tag deployed to every container app (per environment).", false, tags);
        }
        if (!identities.isEmpty()) {
            Draft.Block id = app.block("identity");
            app.set(id, "type", "UserAssigned");
            app.set(id, "identity_ids", new HclExpr.ListOf(identities.stream()
                    .map(x -> (HclExpr) (x instanceof HclExpr.Reference r ? r : x)).toList()));
        }
        if (usesRegistry && executionIdentity != null) {
            Draft registry = t.draftsOfType("azurerm_container_registry").get(0);
            Draft.Block reg = app.block("registry");
            app.set(reg, "server", HclExpr.ref(registry.address() + ".login_server"));
            app.set(reg, "identity", executionIdentity);
        }
        applyConfigChanges(t, app, g, env, secretEnv);
        writeLocals(t, app, env, secrets, secretEnv, executionIdentity);
    }

    /**
     * The planner's configuration changes for the task definitions' environment (Event Hubs needs SASL_SSL and PLAIN,
     * PostgreSQL sslmode=require): literal values are set or added (a new setting goes to the containers that already
     * have a setting changed for the same reason or of the same prefix, KAFKA_); a value that stays a reference keeps it; a change that needs a
     * secret or a placeholder filled in becomes a TODO.
     */
    static void applyConfigChanges(Translation t, Draft app, SourceGroup g,
            Map<String, Map<String, Map<String, Object>>> env, Map<String, String> secretEnv) {
        Set<String> files = new LinkedHashSet<>();
        for (PlannedResource svc : g.instances.values()) {
            PlannedResource td = t.related(svc, "aws_ecs_task_definition");
            if (td != null && td.resource().position() != null) {
                files.add(td.resource().position().file());
            }
        }
        Set<String> todo = new LinkedHashSet<>();
        ConfigChangeIndex index = ConfigChangeIndex.of(t);
        // the containers do not change while the changes are applied (only their settings do)
        List<Map.Entry<String, Map<String, Map<String, Object>>>> containers = new ArrayList<>(env.entrySet());
        List<Integer> selected = index.inFiles(files);
        for (int s = 0; s < selected.size(); s++) {
            int n = selected.get(s);
            dev.cloudshift.core.model.ConfigChange c = index.changes.get(n);
            List<String> sameReason = index.sameReasonKeys.get(n);
            for (int e = 0; e < containers.size(); e++) {
                Map.Entry<String, Map<String, Map<String, Object>>> k = containers.get(e);
                Map<String, Map<String, Object>> vars = k.getValue();
                boolean has = vars.containsKey(c.key());
                boolean related = !has && "<not set>".equals(c.from()) && containsAny(vars, sameReason)
                        || !has && "<not set>".equals(c.from()) && c.key().contains("_") && vars.keySet().stream()
                                .anyMatch(v -> v.startsWith(c.key().substring(0, c.key().indexOf('_') + 1)));
                if (!has && !related || !secretEnv.isEmpty() && secretEnv.containsKey(k.getKey() + "\u0000" + c.key())) {
                    continue;
                }
                Object current = has ? vars.get(c.key()).get(c.environment()) : null;
                if (current instanceof String cur && cur.contains("${") && !c.to().contains("<secret:")
                        && !c.to().contains("@Microsoft.KeyVault")) {
                    continue; // the translated reference already points at the target endpoint
                }
                if (c.to().contains("<") || c.to().contains("@Microsoft.KeyVault")) {
                    if (todo.add(k.getKey() + "\u0000" + c.key())) {
                        t.todo(app.source.key + (app.multi() ? "[\"" + k.getKey() + "\"]" : ""), "set " + c.key()
                                + " as the configuration change says (" + c.to().replaceAll("\\s+", " ") + "): it needs a secret or a value "
                                + "only known after apply", app.file, app.address());
                    }
                    continue;
                }
                if (current instanceof String cur && cur.contains("${")) {
                    continue; // the translated reference already points at the target endpoint
                }
                vars.computeIfAbsent(c.key(), x -> new LinkedHashMap<>()).put(c.environment(), c.to());
            }
        }
    }

    private static boolean containsAny(Map<String, ?> map, List<String> keys) {
        for (int i = 0; i < keys.size(); i++) {
            if (map.containsKey(keys.get(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The plan's configuration changes indexed once per translation (every container app asks about every change):
     * the positions of the changes per file, and per change the keys of the changes with the same environment, file
     * and reason, in plan order.
     */
    private static final class ConfigChangeIndex {
        final List<dev.cloudshift.core.model.ConfigChange> changes;
        final List<List<String>> sameReasonKeys = new ArrayList<>();
        final Map<String, List<Integer>> byFile = new java.util.HashMap<>();

        private ConfigChangeIndex(List<dev.cloudshift.core.model.ConfigChange> changes) {
            this.changes = new ArrayList<>(changes);
            Map<ReasonKey, List<String>> keys = new java.util.HashMap<>();
            for (int n = 0; n < this.changes.size(); n++) {
                dev.cloudshift.core.model.ConfigChange c = this.changes.get(n);
                List<String> same = keys.computeIfAbsent(new ReasonKey(c.environment(), c.file(), c.reason()),
                        x -> new ArrayList<>());
                same.add(c.key());
                sameReasonKeys.add(same);
                byFile.computeIfAbsent(c.file(), x -> new ArrayList<>()).add(n);
            }
        }

        static ConfigChangeIndex of(Translation t) {
            return (ConfigChangeIndex) t.hookState.computeIfAbsent("container_app.config_changes",
                    k -> new ConfigChangeIndex(t.plan.configChanges()));
        }

        /** The positions of the changes made in any of these files, in plan order. */
        List<Integer> inFiles(Set<String> files) {
            if (files.size() == 1) {
                return byFile.getOrDefault(files.iterator().next(), List.of());
            }
            List<Integer> out = new ArrayList<>();
            for (String f : files) {
                out.addAll(byFile.getOrDefault(f, List.of()));
            }
            out.sort(null);
            return out;
        }
    }

    /** The environment, file and reason of a configuration change. */
    private record ReasonKey(String environment, String file, String reason) {
    }

    private static Map<String, Object> perEnvironment(Translation t, Draft.Field f) {
        Map<String, Object> out = new LinkedHashMap<>();
        f.values.forEach((i, v) -> out.putIfAbsent(i.environment(), v));
        return out;
    }

    /** The Key Vault secret for one JSON key of a Secrets Manager secret (or the whole secret), made once. */
    private static Draft keyVaultSecret(Translation t, String secret, String jsonKey) {
        SourceGroup sg = t.groupOf("aws_secretsmanager_secret", secret);
        if (sg == null) {
            return null;
        }
        Draft whole = t.draft(sg, "azurerm_key_vault_secret");
        if (jsonKey == null || jsonKey.isEmpty() || whole == null) {
            return whole;
        }
        String name = Translation.identifier(secret + "_" + jsonKey);
        for (Draft d : t.draftsOfType("azurerm_key_vault_secret")) {
            if (d.name.equals(name)) {
                return d;
            }
        }
        Draft d = t.singleDraft("azurerm_key_vault_secret", name, "security", "key_vault_secret");
        Draft.Field n = d.body.addField("name");
        Draft.Field nameOfWhole = whole.body.field("name");
        for (Inst i : d.instances) {
            Object base = nameOfWhole == null ? null : nameOfWhole.values.get(i);
            n.values.put(i, (base == null ? secret : String.valueOf(base)) + "-" + jsonKey.replaceAll("[^A-Za-z0-9-]", "-"));
        }
        d.set(d.body, "key_vault_id", HclExpr.ref("azurerm_key_vault.main.id"));
        String var = "secret_" + name;
        d.set(d.body, "value", HclExpr.ref("var." + var));
        d.set(d.body, "content_type", "the '" + jsonKey + "' key of the Secrets Manager secret " + secret);
        t.sensitiveVariable(var);
        return d;
    }

    private static void probeAndScale(Translation t, Draft app, Inst inst, PlannedResource svc) {
        PlannedResource tg = t.related(svc, "aws_lb_target_group");
        Object port = RawValues.get(svc.resource().raw(), "load_balancer.0.container_port");
        if (tg != null && RawValues.get(tg.resource().raw(), "health_check.0.path") != null) {
            Draft.Block probe = app.block("template", "container", "liveness_probe");
            probe.addField("transport").values.put(inst, "HTTP");
            probe.addField("port").values.put(inst, port == null ? tg.resource().raw().get("port") : port);
            probe.addField("path").values.put(inst, RawValues.get(tg.resource().raw(), "health_check.0.path"));
            Object interval = RawValues.get(tg.resource().raw(), "health_check.0.interval");
            if (interval != null) {
                probe.addField("interval_seconds").values.put(inst, interval);
            }
            Object failures = RawValues.get(tg.resource().raw(), "health_check.0.unhealthy_threshold");
            if (failures != null) {
                probe.addField("failure_count_threshold").values.put(inst, failures);
            }
        }
        PlannedResource target = t.related(svc, "aws_appautoscaling_target");
        PlannedResource policy = target == null ? null : t.related(target, "aws_appautoscaling_policy");
        if (policy != null) {
            Object metric = RawValues.get(policy.resource().raw(),
                    "target_tracking_scaling_policy_configuration.0.predefined_metric_specification.0.predefined_metric_type");
            Object value = RawValues.get(policy.resource().raw(), "target_tracking_scaling_policy_configuration.0.target_value");
            String kind = metric == null ? null : String.valueOf(metric).contains("CPU") ? "cpu"
                    : String.valueOf(metric).contains("Memory") ? "memory" : null;
            if (kind != null && value != null) {
                Draft.Block rule = app.block("template", "custom_scale_rule");
                rule.addField("name").values.put(inst, kind + "-utilization");
                rule.addField("custom_rule_type").values.put(inst, kind);
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("type", "Utilization");
                meta.put("value", value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(value));
                rule.addField("metadata").values.put(inst, meta);
            } else {
                t.todo(policy.address(), "only CPU/memory target tracking translates to a scale rule; add an http_scale_rule "
                        + "or custom_scale_rule by hand", app.file, app.address());
            }
        }
    }

    private static void writeLocals(Translation t, Draft app, Map<String, Map<String, Map<String, Object>>> env,
            Map<String, Map<String, HclExpr>> secrets, Map<String, String> secretEnv, HclExpr executionIdentity) {
        Map<String, HclExpr> envByKey = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Map<String, Object>>> k : env.entrySet()) {
            List<HclExpr> entries = new ArrayList<>();
            for (Map.Entry<String, Map<String, Object>> var : k.getValue().entrySet()) {
                HclExpr value = envValue(t, app, k.getKey(), var.getKey(), var.getValue());
                if (value == null) {
                    continue;
                }
                entries.add(entry(var.getKey(), value, HclExpr.nul()));
            }
            for (Map.Entry<String, String> s : secretEnv.entrySet()) {
                String[] parts = s.getKey().split("\u0000");
                if (parts[0].equals(k.getKey())) {
                    entries.add(entry(parts[1], HclExpr.nul(), HclExpr.str(s.getValue())));
                }
            }
            envByKey.put(k.getKey(), new HclExpr.ListOf(entries));
        }
        String envLocal = app.name + "_env";
        String secretLocal = app.name + "_secrets";
        Map<String, HclExpr> locals = new LinkedHashMap<>();
        locals.put(envLocal, app.multi() ? new HclExpr.ObjectOf(envByKey, false)
                : envByKey.values().stream().findFirst().orElse(new HclExpr.ListOf(List.of())));
        boolean anySecret = !secrets.isEmpty();
        if (anySecret) {
            Map<String, HclExpr> byKey = new LinkedHashMap<>();
            for (String k : env.keySet()) {
                List<HclExpr> list = new ArrayList<>();
                secrets.getOrDefault(k, Map.of()).forEach((name, id) -> {
                    Map<String, HclExpr> o = new LinkedHashMap<>();
                    o.put("name", HclExpr.str(name));
                    o.put("key_vault_secret_id", id);
                    list.add(new HclExpr.ObjectOf(o, true));
                });
                byKey.put(k, new HclExpr.ListOf(list));
            }
            locals.put(secretLocal, app.multi() ? new HclExpr.ObjectOf(byKey, false)
                    : byKey.values().stream().findFirst().orElse(new HclExpr.ListOf(List.of())));
        }
        List<HclItem> body = new ArrayList<>();
        locals.forEach((k, v) -> body.add(new HclItem.Attribute(k, v)));
        t.fileItem(app.file, new HclItem.Block("locals", List.of(), body));

        String index = app.multi() ? "[each.key]" : "";
        Draft.Block container = app.block("template", "container");
        container.extra.add(new HclItem.Block("dynamic", List.of("env"), List.of(
                new HclItem.Attribute("for_each", HclExpr.raw("local." + envLocal + index)),
                new HclItem.Block("content", List.of(), List.of(
                        new HclItem.Attribute("name", HclExpr.ref("env.value.name")),
                        new HclItem.Attribute("value", HclExpr.ref("env.value.value")),
                        new HclItem.Attribute("secret_name", HclExpr.ref("env.value.secret_name")))))));
        if (anySecret) {
            List<HclItem> content = new ArrayList<>();
            content.add(new HclItem.Attribute("name", HclExpr.ref("secret.value.name")));
            content.add(new HclItem.Attribute("key_vault_secret_id", HclExpr.ref("secret.value.key_vault_secret_id")));
            if (executionIdentity != null) {
                content.add(new HclItem.Attribute("identity", executionIdentity));
            }
            app.body.extra.add(new HclItem.Block("dynamic", List.of("secret"), List.of(
                    new HclItem.Attribute("for_each", HclExpr.raw("local." + secretLocal + index)),
                    new HclItem.Block("content", List.of(), content))));
        }
    }

    private static HclExpr entry(String name, HclExpr value, HclExpr secretName) {
        Map<String, HclExpr> o = new LinkedHashMap<>();
        o.put("name", HclExpr.str(name));
        o.put("value", value);
        o.put("secret_name", secretName);
        return new HclExpr.ObjectOf(o, true);
    }

    /** One environment variable's value across environments as an expression, or null (a TODO) when it cannot be. */
    static HclExpr envValue(Translation t, Draft app, String key, String name, Map<String, Object> byEnv) {
        List<Object> translated = new ArrayList<>();
        boolean isEnvName = true;
        for (Map.Entry<String, Object> e : byEnv.entrySet()) {
            Object v = e.getValue() instanceof String s ? t.translateString(s) : e.getValue();
            if (v == null) {
                t.todo(app.source.key + (app.multi() ? "[\"" + key + "\"]" : ""), "environment variable " + name
                        + " refers to " + String.valueOf(e.getValue()).replace("${", "").replace("}", "")
                        + t.untranslatedReason(String.valueOf(e.getValue())), app.file, app.address());
                return null;
            }
            translated.add(v);
            isEnvName &= e.getKey().equals(v);
        }
        if (translated.stream().distinct().count() == 1) {
            Object v = translated.get(0);
            if (isEnvName && t.environments().size() > 1) {
                return HclExpr.ref("var.environment");
            }
            return v instanceof HclExpr x ? x : HclExpr.str(Objects.toString(v, ""));
        }
        if (isEnvName) {
            return HclExpr.ref("var.environment");
        }
        if (translated.stream().anyMatch(v -> v instanceof HclExpr)) {
            t.todo(app.source.key, "environment variable " + name + " refers to different resources per environment",
                    app.file, app.address());
            return null;
        }
        List<Object> pairs = new ArrayList<>();
        byEnv.forEach((env, v) -> pairs.add(new Object[] {env, v}));
        HclExpr template = TerraformRenderer.environmentTemplate(pairs);
        if (template != null) {
            return template;
        }
        String var = Translation.identifier((app.multi() ? key + "_" : "") + name.toLowerCase(java.util.Locale.ROOT));
        Map<String, Object> values = new LinkedHashMap<>(byEnv);
        t.variable(var, "string", "Environment variable " + name + (app.multi() ? " of " + key : "") + ", per environment.",
                false, values);
        return HclExpr.ref("var." + var);
    }
}
