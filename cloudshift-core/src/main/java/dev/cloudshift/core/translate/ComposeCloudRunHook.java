package dev.cloudshift.core.translate;

import dev.cloudshift.core.ingest.compose.ComposeImageCatalog;
import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.hcl.emit.HclExpr;
import dev.cloudshift.hcl.emit.HclItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * A compose application service's environment on Cloud Run (rule {@code compose-to-gcp/compose_app.yaml}): {@code env}
 * blocks written like the {@code cloud_run} hook writes them for an ECS service (same code), with the compose rules of
 * the {@code ecs_container} hook for what is a reference and what a secret:
 * <ul>
 * <li>a value naming another compose service becomes its translation: {@code REDIS_URL=redis://redis:6379/0} is
 * {@code "redis://${google_redis_instance.redis.host}:6379/0"}; a Cloud SQL database is reached through the Cloud SQL
 * connector's Unix socket, so {@code DB_HOST=postgres} is {@code "/cloudsql/${...connection_name}"} and the service
 * mounts the instance ({@code volumes { cloud_sql_instance }}, {@code volume_mounts} at {@code /cloudsql}, its service
 * account gets {@code roles/cloudsql.client});</li>
 * <li>a secret (every .env value, URL credentials, secret-like keys) becomes a Secret Manager secret read through
 * {@code value_source.secret_key_ref}, never a value: the secret of a dependency that stores the same key (the
 * PostgreSQL password), a connection URL built in Terraform over the database's connection name, user and password
 * variable ({@code postgresql://${user}:${urlencode(var.sql_password_postgres)}@/orders?host=/cloudsql/${conn}}), or a
 * new secret whose version reads a sensitive variable. The service account may read each of them.</li>
 * </ul>
 */
final class ComposeCloudRunHook implements TranslationHook {

    private static final String SOCKET_DIR = "/cloudsql";

    @Override
    public void apply(Translation t, SourceGroup g) {
        Draft run = t.draft(g, "google_cloud_run_v2_service");
        if (run == null || run.multi()) {
            return;
        }
        Map<String, Map<String, Object>> plain = new LinkedHashMap<>(); // name -> environment -> value
        Map<String, Draft> secrets = new LinkedHashMap<>(); // name -> Secret Manager secret
        List<HclExpr> sqlInstances = new ArrayList<>();
        boolean memorystore = false;
        for (Map.Entry<Inst, PlannedResource> e : g.instances.entrySet()) {
            String env = e.getKey().environment();
            PlannedResource r = e.getValue();
            for (String d : r.dependsOn()) {
                SourceGroup dep = t.groups.get(d);
                Draft sql = dep == null ? null : t.draft(dep, "google_sql_database_instance");
                if (sql != null) {
                    HclExpr conn = Translation.self(sql, null).attr("connection_name");
                    if (!sqlInstances.contains(conn)) {
                        sqlInstances.add(conn);
                    }
                }
                memorystore |= dep != null && t.draft(dep, "google_redis_instance") != null;
            }
            if (!(r.resource().raw().get("environment") instanceof Map<?, ?> environment)) {
                continue;
            }
            for (Map.Entry<?, ?> v : environment.entrySet()) {
                String key = String.valueOf(v.getKey());
                String shape = v.getValue() == null ? "<unset>" : String.valueOf(v.getValue());
                if (shape.equals("<empty>")) {
                    shape = "";
                }
                if (EcsContainerHook.isSecret(shape) || secrets.containsKey(key)) {
                    if (!secrets.containsKey(key)) {
                        Draft secret = secret(t, g, run, r, key, shape);
                        if (secret != null) {
                            secrets.put(key, secret);
                        }
                    }
                    continue;
                }
                Object value = hostValue(t, r, key, shape);
                if (value == null) {
                    t.todo(g.key, "environment variable " + key + " refers to another compose service that has no translation",
                            run.file, run.address());
                    continue;
                }
                plain.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(env, value);
            }
        }
        plain.keySet().removeAll(secrets.keySet());
        // the same value everywhere: an env block; values that differ between environments (or exist in some only):
        // a map(string) variable set per environment, written through a dynamic env block
        Map<String, Map<String, Object>> fixed = new LinkedHashMap<>();
        Map<String, Map<String, Object>> varying = new LinkedHashMap<>(); // environment -> name -> value
        for (Map.Entry<String, Map<String, Object>> k : plain.entrySet()) {
            java.util.Set<Object> values = new java.util.LinkedHashSet<>(k.getValue().values());
            if (values.size() == 1 && k.getValue().size() == t.environments().size()) {
                fixed.put(k.getKey(), k.getValue());
            } else if (values.stream().anyMatch(v -> v instanceof HclExpr)) {
                t.todo(g.key, "environment variable " + k.getKey() + " refers to another service in some environments only: "
                        + "set it by hand", run.file, run.address());
            } else {
                k.getValue().forEach((env, v) -> varying.computeIfAbsent(env, x -> new LinkedHashMap<>()).put(k.getKey(), v));
            }
        }
        Draft.Block container = run.block("template", "containers");
        Map<String, Map<String, Draft>> secretsByKey = secrets.isEmpty() ? Map.of() : Map.of("default", secrets);
        CloudRunHook.writeEnvironment(t, run, container, Map.of("default", fixed), secretsByKey);
        if (!varying.isEmpty()) {
            String var = Translation.identifier(g.name + "_environment");
            Map<String, Object> perEnv = new LinkedHashMap<>();
            for (String env : t.environments()) {
                perEnv.put(env, varying.getOrDefault(env, Map.of()));
            }
            t.variable(var, "map(string)", "Environment variables of " + g.name + " that differ between environments (no "
                    + "secrets: those are in Secret Manager).", false, perEnv);
            container.extra.add(new HclItem.Block("dynamic", List.of("env"), List.of(
                    new HclItem.Attribute("for_each", HclExpr.ref("var." + var)),
                    new HclItem.Block("content", List.of(), List.of(
                            new HclItem.Attribute("name", HclExpr.ref("env.key")),
                            new HclItem.Attribute("value", HclExpr.ref("env.value")))))));
        }
        grantSecretAccess(t, run, g, secrets.values());
        if (!sqlInstances.isEmpty()) {
            cloudSql(t, run, g, container, sqlInstances);
        }
        if (memorystore) {
            t.todoOnce(g.key, "Memorystore has a private IP only: give the service Direct VPC egress (template.vpc_access "
                    + "network_interfaces) in the VPC the Redis instance is authorized on (authorized_network)", run.file,
                    run.address());
        }
    }

    /**
     * The value with the host of another compose service replaced by its translation: a String when it names none, an
     * expression otherwise, null when it names a service whose translation has no host.
     */
    private static Object hostValue(Translation t, PlannedResource r, String key, String shape) {
        Matcher url = EcsContainerHook.URL.matcher(shape);
        String host;
        if (url.matches()) {
            host = url.group(3);
        } else {
            Matcher hp = EcsContainerHook.HOST_PORT.matcher(shape);
            host = hp.matches() ? hp.group(1) : ComposeImageCatalog.defaults().isHostKey(key) ? shape : null;
        }
        SourceGroup dep = host == null ? null : EcsContainerHook.dependency(t, r, host);
        if (dep == null) {
            return shape;
        }
        Draft sql = t.draft(dep, "google_sql_database_instance");
        if (sql != null) {
            return url.matches() ? socketUrl(t, dep, sql, url, false) : HclExpr.template(SOCKET_DIR + "/",
                    Translation.self(sql, null).attr("connection_name"));
        }
        return EcsContainerHook.hostReference(t, dep, shape, host, url, url.matches() ? url.group(1) : null);
    }

    /**
     * A database URL over the Cloud SQL connector's socket: {@code postgresql://user:pass@/db?host=/cloudsql/<conn>}
     * (the libpq and SQLAlchemy form); the user a reference where the shape hides it, the password the database's
     * password variable. Null when a hidden part has no translation.
     */
    private static HclExpr socketUrl(Translation t, SourceGroup dep, Draft sql, Matcher url, boolean withPassword) {
        List<Object> parts = new ArrayList<>();
        parts.add(url.group(1) + "://");
        if (!EcsContainerHook.addUserinfo(parts, t, dep, url.group(2), withPassword)) {
            return null;
        }
        String rest = url.group(5) == null ? "" : url.group(5);
        parts.add(rest + (rest.contains("?") ? "&" : "?") + "host=" + SOCKET_DIR + "/");
        parts.add(Translation.self(sql, null).attr("connection_name"));
        return EcsContainerHook.template(parts);
    }

    /**
     * The Secret Manager secret for one secret variable: a dependency's secret of the same key, a URL with credentials
     * built over the translated database, or a new secret read from a sensitive variable; shared by key between the
     * services of the project.
     */
    private static Draft secret(Translation t, SourceGroup g, Draft run, PlannedResource r, String key, String shape) {
        Draft shared = EcsContainerHook.dependencySecret(t, r, key, "google_secret_manager_secret");
        if (shared != null) {
            return shared;
        }
        HclExpr data;
        Matcher url = EcsContainerHook.URL.matcher(shape);
        SourceGroup dep = url.matches() ? EcsContainerHook.dependency(t, r, url.group(3)) : null;
        if (dep != null) {
            Draft sql = t.draft(dep, "google_sql_database_instance");
            data = sql == null ? null : socketUrl(t, dep, sql, url, true);
            if (data == null) {
                t.todo(g.key, "secret " + key + " is a URL with credentials for a service whose password has no translation: "
                        + "store the URL in Secret Manager by hand", run.file, run.address());
                return null;
            }
        } else {
            data = EcsContainerHook.secretVariable(t, key);
        }
        String name = Translation.identifier(key.toLowerCase(Locale.ROOT));
        @SuppressWarnings("unchecked")
        Map<String, Draft> made = (Map<String, Draft>) t.hookState.computeIfAbsent("compose_cloud_run.secrets", k -> new LinkedHashMap<>());
        String id = key + "\u0000" + data;
        Draft secret = made.get(id);
        if (secret == null) {
            secret = t.singleDraft("google_secret_manager_secret", made.containsKey(key) ? g.name + "_" + name : name, "security",
                    "secrets");
            secret.set(secret.body, "secret_id", project(t) + "-" + key.toLowerCase(Locale.ROOT).replace('_', '-'));
            Draft.Block replication = new Draft.Block("replication");
            replication.blocks.add(new Draft.Block("auto"));
            secret.body.blocks.add(replication);
            Draft version = t.singleDraft("google_secret_manager_secret_version", secret.name, "security", "secrets");
            version.set(version.body, "secret", Translation.self(secret, null).attr("id"));
            version.set(version.body, "secret_data", data);
            made.put(id, secret);
            made.putIfAbsent(key, secret);
        }
        return secret;
    }

    /**
     * The service account may read each secret ({@code roles/secretmanager.secretAccessor}), once per secret and
     * account however many services share them.
     */
    private static void grantSecretAccess(Translation t, Draft run, SourceGroup g, java.util.Collection<Draft> secrets) {
        Draft.Block template = run.body.block("template");
        Draft.Field account = template == null ? null : template.field("service_account");
        Object email = account == null || account.values.isEmpty() ? null : account.values.values().iterator().next();
        if (!(email instanceof HclExpr.Reference ref)) {
            if (!secrets.isEmpty()) {
                t.todoOnce(g.key, "grant the service account that runs this service roles/secretmanager.secretAccessor on "
                        + "the secrets it reads", run.file, run.address());
            }
            return;
        }
        for (Draft secret : secrets) {
            String name = Translation.identifier(secret.name + "_" + stepName(ref));
            if (t.draftsOfType("google_secret_manager_secret_iam_member").stream().anyMatch(d -> d.name.equals(name))) {
                continue;
            }
            Draft member = t.singleDraft("google_secret_manager_secret_iam_member", name, "security", "secret_access");
            member.set(member.body, "secret_id", Translation.self(secret, null).attr("secret_id"));
            member.set(member.body, "role", "roles/secretmanager.secretAccessor");
            member.set(member.body, "member", HclExpr.template("serviceAccount:", ref));
        }
    }

    /**
     * The Cloud SQL instances the service uses, mounted through the Cloud SQL connector ({@code /cloudsql/<conn>}), and
     * the service account's right to connect ({@code roles/cloudsql.client}).
     */
    private static void cloudSql(Translation t, Draft run, SourceGroup g, Draft.Block container, List<HclExpr> instances) {
        Draft.Block template = run.block("template");
        template.extra.add(new HclItem.Block("volumes", List.of(), List.of(
                new HclItem.Attribute("name", HclExpr.str("cloudsql")),
                new HclItem.Block("cloud_sql_instance", List.of(), List.of(
                        new HclItem.Attribute("instances", new HclExpr.ListOf(instances)))))));
        container.extra.add(new HclItem.Block("volume_mounts", List.of(), List.of(
                new HclItem.Attribute("name", HclExpr.str("cloudsql")),
                new HclItem.Attribute("mount_path", HclExpr.str(SOCKET_DIR)))));
        Draft.Field account = template.field("service_account");
        Object email = account == null || account.values.isEmpty() ? null : account.values.values().iterator().next();
        if (!(email instanceof HclExpr.Reference ref)) {
            t.todoOnce(g.key, "grant the service account that runs this service roles/cloudsql.client", run.file, run.address());
            return;
        }
        String name = Translation.identifier(ref.steps().isEmpty() ? "run" : stepName(ref)) + "_cloudsql_client";
        for (Draft d : t.draftsOfType("google_project_iam_member")) {
            if (d.name.equals(name)) {
                return;
            }
        }
        Draft member = t.singleDraft("google_project_iam_member", name, "security", "iam");
        member.set(member.body, "project", HclExpr.ref("var.project_id"));
        member.set(member.body, "role", "roles/cloudsql.client");
        member.set(member.body, "member", HclExpr.template("serviceAccount:", ref));
    }

    private static String stepName(HclExpr.Reference ref) {
        return ref.steps().get(0) instanceof HclExpr.AttrStep a ? a.name() : "run";
    }

    private static String project(Translation t) {
        return t.plan.project().replaceAll("[^A-Za-z0-9-]+", "-").toLowerCase(Locale.ROOT);
    }
}
