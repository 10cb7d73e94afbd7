package dev.cloudshift.core.translate;

import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.hcl.emit.HclExpr;
import dev.cloudshift.hcl.emit.HclItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compose application service's container on ECS Fargate (rule {@code compose-to-aws/compose_app.yaml}): the
 * environment, the secrets, the command and the health check command of its container definition, the Secrets
 * Manager secrets it reads and the execution role's permission to read them.
 * <p>
 * Each environment variable is one of: a plain value (written in place, or in the per-environment map variable
 * {@code <service>_environment} when it differs between environments); a value naming another compose service
 * ({@code redis://redis:6379/0}), which becomes a template over that service's translation ({@code rediss://${
 * aws_elasticache_replication_group.redis.primary_endpoint_address}:6379/0}, the scheme from the target rule's
 * {@code url_schemes}); or a secret (every .env value, credentials in a URL, secret-like keys: anything whose redacted
 * shape hides a part). A secret never appears as a value: it becomes an {@code aws_secretsmanager_secret} whose version
 * reads a sensitive variable (or, for a URL with credentials of a translated database, a template over the database's
 * address, user and password variable), and the container reads it with {@code secrets = [{ name, valueFrom }]}.
 * A secret a dependency already stores under the same name (the PostgreSQL password) is shared, not copied.
 */
final class EcsContainerHook implements TranslationHook {

    static final Pattern URL = Pattern.compile(
            "^([A-Za-z][A-Za-z0-9+.-]*)://(?:([^@/]*)@)?([A-Za-z0-9._-]+)(?::([0-9]{1,5}))?(.*)$");
    static final Pattern HOST_PORT = Pattern.compile("^([A-Za-z0-9._-]+):([0-9]{1,5})$");
    private static final String SECRET_ARNS = "ecs_container.secret_arns";

    @Override
    public void apply(Translation t, SourceGroup g) {
        Draft task = t.draft(g, "aws_ecs_task_definition");
        if (task == null) {
            return;
        }
        Draft.Block container = task.body.block("container_definitions");
        Map<String, Map<String, Object>> plainByKey = new LinkedHashMap<>(); // key -> environment -> value
        Map<String, HclExpr> secrets = new LinkedHashMap<>(); // key -> secret ARN
        for (Map.Entry<Inst, PlannedResource> e : g.instances.entrySet()) {
            Inst inst = new Inst(e.getKey().environment(), null);
            PlannedResource r = e.getValue();
            command(t, task, container, inst, r);
            healthCheck(t, task, container, inst, r);
            if (!(r.resource().raw().get("environment") instanceof Map<?, ?> env)) {
                continue;
            }
            for (Map.Entry<?, ?> v : env.entrySet()) {
                String key = String.valueOf(v.getKey());
                String shape = v.getValue() == null ? "<unset>" : String.valueOf(v.getValue());
                if (shape.equals("<empty>")) {
                    shape = ""; // an empty .env value: nothing to hide
                }
                Object value = hostValue(t, r, key, shape);
                if (isSecret(shape) || secrets.containsKey(key)) {
                    if (!secrets.containsKey(key)) {
                        HclExpr arn = secretArn(t, g, r, key, value, shape);
                        if (arn != null) {
                            secrets.put(key, arn);
                        }
                    }
                    continue;
                }
                if (value == null) {
                    t.todo(g.key, "environment variable " + key + " refers to another compose service that has no translation",
                            task.file, task.address());
                    continue;
                }
                plainByKey.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(inst.environment(), value);
            }
        }
        plainByKey.keySet().removeAll(secrets.keySet());
        HclExpr environment = environment(t, g, task, plainByKey);
        if (environment != null) {
            container.extra.add(new HclItem.Attribute("environment", environment));
        }
        if (!secrets.isEmpty()) {
            List<HclExpr> list = new ArrayList<>();
            secrets.forEach((k, arn) -> list.add(entry("name", HclExpr.str(k), "valueFrom", arn)));
            container.extra.add(new HclItem.Attribute("secrets", new HclExpr.ListOf(list)));
            executionRoleMayRead(t, secrets.values());
        }
        admitToDependencies(t, g);
        Draft service = t.draft(g, "aws_ecs_service");
        Draft listener = t.draft(g, "aws_lb_listener");
        if (service != null && listener != null) {
            // the target group must belong to a load balancer (through the listener) before the service registers in it
            service.set(service.body, "depends_on", new HclExpr.ListOf(List.of(Translation.self(listener, null))));
        }
        if (listener != null) {
            t.todo(g.key, "the load balancer listens for plain HTTP on port 80 (compose publishes no certificate): add an "
                    + "HTTPS listener on 443 with an ACM certificate for your domain and redirect port 80 to it", listener.file,
                    listener.address());
        }
    }

    /**
     * The databases and caches this service depends on admit its tasks' security group instead of the whole VPC
     * (the first ingress rule of the dependency's security group: its port).
     */
    private static void admitToDependencies(Translation t, SourceGroup g) {
        Draft tasks = t.draft(g, "aws_security_group");
        if (tasks == null) {
            return;
        }
        java.util.Set<String> deps = new LinkedHashSet<>();
        g.instances.values().forEach(r -> deps.addAll(r.dependsOn()));
        for (String d : deps) {
            SourceGroup dep = t.groups.get(d);
            Draft sg = dep == null || dep.type.equals(g.type) ? null : t.draft(dep, "aws_security_group");
            Draft.Block ingress = sg == null ? null : sg.body.block("ingress");
            if (ingress == null) {
                continue;
            }
            ingress.fields.removeIf(f -> f.name.equals("cidr_blocks"));
            Draft.Field sources = ingress.addField("security_groups");
            for (Inst i : sg.instances) {
                List<Object> list = new ArrayList<>(sources.values.get(i) instanceof List<?> l ? l : List.of());
                list.add(Translation.self(tasks, null).attr("id"));
                sources.values.put(i, list);
            }
        }
    }

    /** Whether a redacted shape hides a part of the value (every .env value, URL credentials, secret-like keys). */
    static boolean isSecret(String shape) {
        return shape.contains("<redacted") || shape.contains("<user>") || shape.contains("<unset>");
    }

    /**
     * The value with the host of another compose service replaced by that service's translation (a String when it
     * names no service, an HclExpr otherwise), or null when it names a service whose translation has no host.
     */
    static Object hostValue(Translation t, PlannedResource r, String key, String shape) {
        Matcher url = URL.matcher(shape);
        String host;
        if (url.matches()) {
            host = url.group(3);
        } else {
            Matcher hp = HOST_PORT.matcher(shape);
            // a bare service name is a host only under a host-like key (DB_HOST, REDIS_SERVER), as ingest reads it
            host = hp.matches() ? hp.group(1)
                    : dev.cloudshift.core.ingest.compose.ComposeImageCatalog.defaults().isHostKey(key) ? shape : null;
        }
        if (host == null) {
            return shape;
        }
        SourceGroup dep = dependency(t, r, host);
        if (dep == null) {
            return shape;
        }
        return hostReference(t, dep, shape, host, url, url.matches() ? scheme(t, dep, url.group(1)) : null);
    }

    /**
     * A value naming a dependency's host, with the host replaced by the reference to its translation ({@code host}
     * reference of the target rule): the reference alone, reference plus the rest ({@code redis:6379}), or a URL
     * template with {@code scheme}; null when the dependency's translation has no host.
     */
    static HclExpr hostReference(Translation t, SourceGroup dep, String shape, String host, Matcher url, String scheme) {
        HclExpr ref = t.reference(dep.type, dep.name, null, "host");
        if (ref == null) {
            return null;
        }
        if (!url.matches()) {
            return shape.equals(host) ? ref : HclExpr.template(ref, shape.substring(host.length()));
        }
        List<Object> parts = new ArrayList<>();
        parts.add(scheme + "://" + (url.group(2) == null ? "" : url.group(2) + "@"));
        parts.add(ref);
        parts.add((url.group(4) == null ? "" : ":" + url.group(4)) + url.group(5));
        return template(parts);
    }

    /** The compose service a host name is (one this service depends on), or null. */
    static SourceGroup dependency(Translation t, PlannedResource r, String host) {
        for (String d : r.dependsOn()) {
            if (d.equals("compose." + host)) {
                return t.groups.get(d);
            }
        }
        return null;
    }

    private static String scheme(Translation t, SourceGroup dep, String scheme) {
        if (t.ruleData(dep.type).get("url_schemes") instanceof Map<?, ?> m && m.get(scheme) != null) {
            return String.valueOf(m.get(scheme));
        }
        return scheme;
    }

    static HclExpr template(List<Object> parts) {
        List<Object> out = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof String s && s.isEmpty()) {
                continue;
            }
            if (p instanceof HclExpr.Template tp) {
                out.addAll(tp.parts());
            } else {
                out.add(p);
            }
        }
        return new HclExpr.Template(out);
    }

    /**
     * The ARN of the Secrets Manager secret holding one secret variable: a dependency's secret of the same name, a
     * secret built from a database URL (a template over the database's translation), or a new secret read from a
     * sensitive variable. Secrets are shared by name between the services of the project.
     */
    private static HclExpr secretArn(Translation t, SourceGroup g, PlannedResource r, String key, Object value, String shape) {
        Draft shared = dependencySecret(t, r, key, "aws_secretsmanager_secret");
        if (shared != null) {
            return Translation.self(shared, null).attr("arn");
        }
        HclExpr secretString;
        if (value instanceof HclExpr) {
            secretString = credentialsUrl(t, r, shape);
            if (secretString == null) {
                t.todo(g.key, "secret " + key + " is a URL with credentials for a service whose password has no translation: "
                        + "store the URL in Secrets Manager by hand", "security", null);
                return null;
            }
        } else {
            secretString = secretVariable(t, key);
        }
        String name = Translation.identifier(key.toLowerCase(Locale.ROOT));
        @SuppressWarnings("unchecked")
        Map<String, Draft> made = (Map<String, Draft>) t.hookState.computeIfAbsent("ecs_container.secrets", k -> new LinkedHashMap<>());
        Draft secret = made.get(key + "\u0000" + secretString);
        if (secret == null) {
            secret = t.singleDraft("aws_secretsmanager_secret", made.containsKey(key) ? g.name + "_" + name : name, "security", "secrets");
            secret.set(secret.body, "name", project(t) + "/" + key.toLowerCase(Locale.ROOT).replace('_', '-'));
            secretAttributes(t, g, secret);
            Draft version = t.singleDraft("aws_secretsmanager_secret_version", secret.name, "security", "secrets");
            version.set(version.body, "secret_id", Translation.self(secret, null).attr("id"));
            version.set(version.body, "secret_string", secretString);
            made.put(key + "\u0000" + secretString, secret);
            made.putIfAbsent(key, secret);
        }
        return Translation.self(secret, null).attr("arn");
    }

    /**
     * A connection URL to a translated database with its credentials: the shape's host and user become references
     * (the target's {@code host} and {@code user} references) and the hidden password the database's own password
     * variable, URL-encoded. Null when the service it names has no password variable.
     */
    private static HclExpr credentialsUrl(Translation t, PlannedResource r, String shape) {
        Matcher url = URL.matcher(shape);
        if (!url.matches()) {
            return null;
        }
        SourceGroup dep = dependency(t, r, url.group(3));
        HclExpr host = dep == null ? null : t.reference(dep.type, dep.name, null, "host");
        if (host == null) {
            return null;
        }
        List<Object> parts = new ArrayList<>();
        parts.add(scheme(t, dep, url.group(1)) + "://");
        if (!addUserinfo(parts, t, dep, url.group(2), true)) {
            return null;
        }
        parts.add(host);
        parts.add((url.group(4) == null ? "" : ":" + url.group(4)) + url.group(5));
        return template(parts);
    }

    /**
     * Appends a URL's {@code user:password@} over a translated database: a hidden user ({@code <...>} in the shape) as
     * the target's {@code user} reference, the password as the database's password variable, URL-encoded (only
     * {@code withPassword}). False when a hidden part has no translation; nothing is added for a URL without userinfo.
     */
    static boolean addUserinfo(List<Object> parts, Translation t, SourceGroup dep, String userinfo, boolean withPassword) {
        if (userinfo == null) {
            return true;
        }
        int colon = userinfo.indexOf(':');
        String user = colon < 0 ? userinfo : userinfo.substring(0, colon);
        if (user.startsWith("<")) {
            HclExpr u = t.reference(dep.type, dep.name, null, "user");
            if (u == null) {
                return false;
            }
            parts.add(u);
        } else {
            parts.add(user);
        }
        if (colon >= 0) {
            HclExpr password = withPassword ? passwordOf(t, dep) : null;
            if (password == null) {
                return false;
            }
            parts.add(":");
            parts.add(HclExpr.call("urlencode", password));
        }
        parts.add("@");
        return true;
    }

    /**
     * The secret a compose dependency already stores under the same environment key (the database's
     * {@code POSTGRES_PASSWORD} read by the application), as translated to {@code secretType}; null when none.
     */
    static Draft dependencySecret(Translation t, PlannedResource r, String key, String secretType) {
        for (String d : r.dependsOn()) {
            SourceGroup dep = t.groups.get(d);
            if (dep != null && dep.first().resource().raw().get("environment") instanceof Map<?, ?> env && env.containsKey(key)) {
                Draft shared = t.draft(dep, secretType);
                if (shared != null) {
                    return shared;
                }
            }
        }
        return null;
    }

    /** {@code var.secret_<key>}, declared sensitive and never given a value: the value of a new secret. */
    static HclExpr secretVariable(Translation t, String key) {
        String var = "secret_" + Translation.identifier(key.toLowerCase(Locale.ROOT));
        t.sensitiveVariable(var);
        return HclExpr.ref("var." + var);
    }

    /** The sensitive variable a translated database's password argument reads, or null. */
    static HclExpr passwordOf(Translation t, SourceGroup dep) {
        for (Draft d : t.bySource.getOrDefault(dep.key, List.of())) {
            Draft.Field f = d.body.field("password");
            if (f != null && !f.values.isEmpty() && f.values.values().iterator().next() instanceof HclExpr.Reference ref
                    && ref.root().equals("var")) {
                return ref;
            }
        }
        return null;
    }

    /**
     * The container's plain environment: entries with the same value everywhere in place; the others in a
     * {@code map(string)} variable set per environment (a key missing in an environment is left out there).
     */
    private static HclExpr environment(Translation t, SourceGroup g, Draft task, Map<String, Map<String, Object>> byKey) {
        List<HclExpr> fixed = new ArrayList<>();
        Map<String, Map<String, Object>> varying = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> k : byKey.entrySet()) {
            Set<Object> values = new LinkedHashSet<>(k.getValue().values());
            if (values.size() == 1 && k.getValue().size() == t.environments().size()) {
                Object v = values.iterator().next();
                fixed.add(entry("name", HclExpr.str(k.getKey()), "value", v instanceof HclExpr x ? x : HclExpr.str(String.valueOf(v))));
            } else if (values.stream().anyMatch(v -> v instanceof HclExpr)) {
                t.todo(g.key, "environment variable " + k.getKey() + " refers to another service in some environments only: "
                        + "set it by hand", task.file, task.address());
            } else {
                k.getValue().forEach((env, v) -> varying.computeIfAbsent(env, e -> new LinkedHashMap<>()).put(k.getKey(), v));
            }
        }
        HclExpr list = fixed.isEmpty() ? null : new HclExpr.ListOf(fixed);
        if (varying.isEmpty()) {
            return list;
        }
        String var = Translation.identifier(g.name + "_environment");
        Map<String, Object> perEnv = new LinkedHashMap<>();
        for (String env : t.environments()) {
            perEnv.put(env, varying.getOrDefault(env, Map.of()));
        }
        t.variable(var, "map(string)", "Environment variables of " + g.name + " that differ between environments (no secrets: "
                + "those are in Secrets Manager).", false, perEnv);
        HclExpr fromVar = HclExpr.raw("[for name, value in var." + var + " : { name = name, value = value }]");
        return list == null ? fromVar : HclExpr.call("concat", fromVar, list);
    }

    /** The compose command as the container's command (a string is split into words, as compose does). */
    private static void command(Translation t, Draft task, Draft.Block container, Inst inst, PlannedResource r) {
        List<Object> words = words(r.resource().raw().get("command"));
        if (words == null) {
            return;
        }
        if (words.stream().anyMatch(w -> String.valueOf(w).contains("<redacted"))) {
            t.todo(r.address(), "the command holds a secret: pass it through an environment variable from Secrets Manager "
                    + "and set the container command by hand", task.file, task.address());
            return;
        }
        Draft.Field f = container.field("command");
        if (f == null) {
            f = new Draft.Field("command", false, null, null);
            container.fields.add(Math.min(container.fields.size(), indexOf(container, "image") + 1), f);
        }
        f.values.put(inst, words);
    }

    /** The compose healthcheck test as the container health check command ({@code CMD} / {@code CMD-SHELL}). */
    private static void healthCheck(Translation t, Draft task, Draft.Block container, Inst inst, PlannedResource r) {
        Draft.Block hc = container.block("healthCheck");
        Object test = RawValues.get(r.resource().raw(), "healthcheck.test");
        if (hc == null || test == null) {
            return;
        }
        List<Object> command;
        if (test instanceof List<?> l && !l.isEmpty()) {
            command = new ArrayList<>(l);
            if (String.valueOf(command.get(0)).equals("NONE")) {
                return;
            }
        } else {
            command = List.of("CMD-SHELL", String.valueOf(test));
        }
        if (command.stream().anyMatch(w -> String.valueOf(w).contains("<redacted"))) {
            t.todo(r.address(), "the health check command holds a secret: write it by hand", task.file, task.address());
            return;
        }
        Draft.Field f = hc.field("command");
        if (f == null) {
            f = new Draft.Field("command", false, null, null);
            hc.fields.add(0, f);
        }
        f.values.put(inst, command);
    }

    private static List<Object> words(Object command) {
        if (command instanceof List<?> l) {
            return l.isEmpty() ? null : new ArrayList<>(l);
        }
        if (command instanceof String s && !s.isBlank()) {
            return new ArrayList<>(List.of((Object[]) s.trim().split("\\s+")));
        }
        return null;
    }

    private static int indexOf(Draft.Block b, String field) {
        for (int i = 0; i < b.fields.size(); i++) {
            if (b.fields.get(i).name.equals(field)) {
                return i;
            }
        }
        return b.fields.size() - 1;
    }

    private static HclExpr entry(String k1, HclExpr v1, String k2, HclExpr v2) {
        Map<String, HclExpr> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return new HclExpr.ObjectOf(m, true);
    }

    /** The execution role reads exactly the secrets the task definitions name (one policy for every service). */
    /**
     * Sets on a Secrets Manager secret the hook writes the arguments its rule's data gives every such secret
     * ({@code data.secret_attributes}: the recovery window). A hook rule without them is a mistake in the rule file,
     * reported as such, not a secret written without its recovery window.
     */
    static void secretAttributes(Translation t, SourceGroup g, Draft secret) {
        if (!(t.ruleData(g.type).get("secret_attributes") instanceof Map<?, ?> attributes) || attributes.isEmpty()) {
            TranslationRules.TypeRule rule = t.rules.rule(g.type);
            throw new IllegalStateException((rule == null ? g.type : rule.origin()) + ": expected data.secret_attributes "
                    + "(argument: value) for the Secrets Manager secrets its hook writes");
        }
        attributes.forEach((name, value) -> secret.set(secret.body, String.valueOf(name), value));
    }

    static void executionRoleMayRead(Translation t, Iterable<HclExpr> arns) {
        @SuppressWarnings("unchecked")
        Set<HclExpr> all = (Set<HclExpr>) t.hookState.computeIfAbsent(SECRET_ARNS, k -> new LinkedHashSet<>());
        arns.forEach(all::add);
        Draft policy = null;
        for (Draft d : t.draftsOfType("aws_iam_role_policy")) {
            if (d.name.equals("ecs_task_execution_secrets")) {
                policy = d;
            }
        }
        if (policy == null) {
            policy = t.singleDraft("aws_iam_role_policy", "ecs_task_execution_secrets", "security", "iam");
            policy.set(policy.body, "name", "read-secrets");
            policy.set(policy.body, "role", HclExpr.ref("aws_iam_role.ecs_task_execution.id"));
        }
        Map<String, HclExpr> statement = new LinkedHashMap<>();
        statement.put("Effect", HclExpr.str("Allow"));
        statement.put("Action", new HclExpr.ListOf(List.of(HclExpr.str("secretsmanager:GetSecretValue"))));
        statement.put("Resource", new HclExpr.ListOf(new ArrayList<>(all)));
        Map<String, HclExpr> doc = new LinkedHashMap<>();
        doc.put("Version", HclExpr.str("2012-10-17"));
        doc.put("Statement", new HclExpr.ListOf(List.of(new HclExpr.ObjectOf(statement, false))));
        policy.set(policy.body, "policy", HclExpr.call("jsonencode", new HclExpr.ObjectOf(doc, false)));
    }

    private static String project(Translation t) {
        return t.plan.project().replaceAll("[^A-Za-z0-9-]+", "-");
    }
}
