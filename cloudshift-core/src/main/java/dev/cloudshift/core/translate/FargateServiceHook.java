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
 * A managed container service of another cloud as an ECS Fargate service (rules {@code azure-to-aws/
 * azurerm_container_app.yaml} and {@code gcp-to-aws/google_cloud_run_v2_service.yaml}); the rule makes the task
 * definition, service, autoscaling and load balancer, this hook what a table cannot say:
 * <ul>
 * <li>the container's {@code environment}: each source {@code env} value translated (a reference to a translated
 * resource stays a reference: a flexible server fqdn is {@code aws_db_instance.x.address}; values that differ per
 * environment become {@code ${var.environment}} templates or variables, as the container_app hook does);</li>
 * <li>the container's {@code secrets}: an env entry read from a secret (Azure {@code secret_name}, Cloud Run
 * {@code value_source.secret_key_ref}) names the translated Secrets Manager secret ({@code valueFrom = arn}): the one
 * a Key Vault or Secret Manager secret of the estate became, or a new secret whose version reads a sensitive variable
 * (an Azure app secret holding its own value); never a value. The execution role may read exactly those secrets;</li>
 * <li>the image of a Cloud Run service in Artifact Registry: the translated ECR repository's URL;</li>
 * <li>the subnets of the translated network for the tasks (the service's own subnet first) and the load balancer
 * (two availability zones at least, else a TODO), with an internet gateway and a public route table when the network
 * has none (the tasks pull images and read secrets through it, as compose services on aws do);</li>
 * <li>the autoscaling target's {@code resource_id} ({@code service/<cluster>/<service>}) and the service's
 * {@code depends_on} on its listener.</li>
 * </ul>
 * The rule's {@code data} names where the source keeps them: {@code container} (path of the container block) and
 * {@code secrets} (the app's secret list, Azure).
 */
final class FargateServiceHook implements TranslationHook {

    private static final Pattern ARTIFACT_REGISTRY = Pattern.compile("^[a-z0-9-]+-docker\\.pkg\\.dev/[^/]+/([^/]+)/(.+)$");
    private static final Pattern TO_STRING = Pattern.compile("^\\$\\{tostring\\(([A-Za-z0-9_.\\[\\]\"]+)\\)\\}$");
    private static final Pattern REFERENCE = Pattern.compile("^\\$\\{([A-Za-z0-9_]+)\\.([A-Za-z0-9_-]+)\\.[A-Za-z0-9_]+\\}$");

    @Override
    public void apply(Translation t, SourceGroup g) {
        Draft task = t.draft(g, "aws_ecs_task_definition");
        Draft service = t.draft(g, "aws_ecs_service");
        if (task == null || service == null) {
            return;
        }
        if (task.multi()) {
            t.todo(g.key, "the source uses count/for_each: set the container environment and secrets of each task by hand",
                    task.file, task.address());
            return;
        }
        Map<String, Object> data = t.ruleData(g.type);
        String containerPath = String.valueOf(data.getOrDefault("container", "template.0.containers.0"));
        Draft.Block container = task.body.block("container_definitions");
        Map<String, Map<String, Object>> plain = new LinkedHashMap<>(); // name -> environment -> raw value
        Map<String, HclExpr> secrets = new LinkedHashMap<>(); // name -> secret ARN
        String containersPath = containerPath.substring(0, containerPath.lastIndexOf('.'));
        for (Map.Entry<Inst, PlannedResource> e : g.instances.entrySet()) {
            PlannedResource r = e.getValue();
            String env = e.getKey().environment();
            if (RawValues.get(r.resource().raw(), containersPath) instanceof List<?> all && all.size() > 1) {
                t.todoOnce(g.key, "only the first container becomes the task's container: add the others (sidecars) to "
                        + "container_definitions by hand", task.file, task.address());
            }
            Object c = RawValues.get(r.resource().raw(), containerPath);
            if (!(c instanceof Map<?, ?> def)) {
                continue;
            }
            image(t, task, container, new Inst(env, null), def);
            if (!(def.get("env") instanceof List<?> list)) {
                continue;
            }
            for (Object o : list) {
                if (!(o instanceof Map<?, ?> item) || item.get("name") == null) {
                    continue;
                }
                String name = String.valueOf(item.get("name"));
                if (item.get("secret_name") != null || item.get("value_source") != null) {
                    if (!secrets.containsKey(name)) {
                        HclExpr arn = secretArn(t, g, r, task, name, item, data);
                        if (arn != null) {
                            secrets.put(name, arn);
                        }
                    }
                } else {
                    plain.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(env, stringValue(t, item.get("value")));
                }
            }
        }
        plain.keySet().removeAll(secrets.keySet());
        List<HclExpr> environment = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> v : plain.entrySet()) {
            if (v.getValue().size() < t.environments().size()) {
                t.todo(g.key, "environment variable " + v.getKey() + " is set in some environments only: set it by hand",
                        task.file, task.address());
                continue;
            }
            HclExpr value = perEnvironmentVariable(t, g, v.getKey(), v.getValue());
            if (value == null) {
                value = ContainerAppHook.envValue(t, task, "default", v.getKey(), v.getValue());
            }
            if (value != null) {
                environment.add(entry("name", HclExpr.str(v.getKey()), "value", value));
            }
        }
        if (!environment.isEmpty()) {
            container.extra.add(new HclItem.Attribute("environment", new HclExpr.ListOf(environment)));
        }
        if (!secrets.isEmpty()) {
            List<HclExpr> list = new ArrayList<>();
            secrets.forEach((k, arn) -> list.add(entry("name", HclExpr.str(k), "valueFrom", arn)));
            container.extra.add(new HclItem.Attribute("secrets", new HclExpr.ListOf(list)));
            EcsContainerHook.executionRoleMayRead(t, secrets.values());
            recordSecretReads(t, task, secrets.values());
        }
        network(t, g, service);
        Draft target = t.draft(g, "aws_appautoscaling_target");
        Draft.Field cluster = service.body.field("cluster");
        Object clusterRef = cluster == null || cluster.values.isEmpty() ? null : cluster.values.values().iterator().next();
        if (target != null && clusterRef instanceof HclExpr.Reference ref && ref.steps().size() >= 2) {
            HclExpr.Reference clusterName = new HclExpr.Reference(ref.root(), List.of(ref.steps().get(0))).attr("name");
            target.set(target.body, "resource_id", HclExpr.template("service/", clusterName, "/",
                    Translation.self(service, null).attr("name")));
        } else if (target != null) {
            t.todo(g.key, "the ECS cluster of the service is not translated: set the autoscaling target's resource_id "
                    + "(service/<cluster>/<service>) by hand", target.file, target.address());
        }
        Draft listener = t.draft(g, "aws_lb_listener");
        if (listener == null && ingress(g)) {
            t.todo(g.key, "the service's ingress is internal: other services reach the tasks through an internal load "
                    + "balancer or ECS Service Connect (a namespace and service_connect_configuration): add one by hand",
                    service.file, service.address());
        }
        if (listener != null) {
            service.set(service.body, "depends_on", new HclExpr.ListOf(List.of(Translation.self(listener, null))));
            t.todo(g.key, "the load balancer listens for plain HTTP on port 80: add an HTTPS listener on 443 with an ACM "
                    + "certificate for the service's domain (the source's custom domain and managed certificate) and redirect "
                    + "port 80 to it", listener.file, listener.address());
        }
    }

    /** Per task role ARN ({@code aws_iam_role.run.arn}): the ARNs of the secrets its tasks read through valueFrom. */
    private static final String SECRETS_BY_TASK_ROLE = "fargate_service.secrets_by_task_role";

    private static void recordSecretReads(Translation t, Draft task, Iterable<HclExpr> arns) {
        Draft.Field role = task.body.field("task_role_arn");
        if (role == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<HclExpr, Set<HclExpr>> byRole = (Map<HclExpr, Set<HclExpr>>) t.hookState.computeIfAbsent(SECRETS_BY_TASK_ROLE,
                k -> new LinkedHashMap<>());
        for (Object r : new LinkedHashSet<>(role.values.values())) {
            if (r instanceof HclExpr ref) {
                arns.forEach(byRole.computeIfAbsent(ref, k -> new LinkedHashSet<>())::add);
            }
        }
    }

    /**
     * Whether a task whose task role is {@code taskRoleArn} reads the secret {@code secretArn} through its container's
     * secrets (valueFrom), which the shared execution role's inline policy allows. Complete only once every
     * fargate_service hook has run ({@link TranslationHook#afterOtherHooks}).
     */
    static boolean taskReadsSecret(Translation t, HclExpr taskRoleArn, HclExpr secretArn) {
        Object byRole = t.hookState.get(SECRETS_BY_TASK_ROLE);
        return byRole instanceof Map<?, ?> m && m.get(taskRoleArn) instanceof Set<?> arns && arns.contains(secretArn);
    }

    /**
     * A plain value that differs between environments in more than the environment name: a variable named after the
     * service and the setting ({@code <service>_<name>}, so two services with the same setting do not share one), or
     * null when the shared rules of the container_app hook apply (one value, a template, a reference).
     */
    private static HclExpr perEnvironmentVariable(Translation t, SourceGroup g, String name, Map<String, Object> byEnv) {
        if (new LinkedHashSet<>(byEnv.values()).size() < 2) {
            return null;
        }
        List<Object> pairs = new ArrayList<>();
        for (Map.Entry<String, Object> e : byEnv.entrySet()) {
            if (!(e.getValue() instanceof String s) || s.contains("${") || s.equals(e.getKey())) {
                return null;
            }
            pairs.add(new Object[] {e.getKey(), s});
        }
        if (TerraformRenderer.environmentTemplate(pairs) != null) {
            return null;
        }
        String var = Translation.identifier(g.name + "_" + name.toLowerCase(Locale.ROOT));
        t.variable(var, "string", "Environment variable " + name + " of " + g.name + ", per environment.", false,
                new LinkedHashMap<>(byEnv));
        return HclExpr.ref("var." + var);
    }

    /** Whether the source takes requests at all (an Azure app with an ingress block; every Cloud Run service). */
    private static boolean ingress(SourceGroup g) {
        Object in = g.first().resource().raw().get("ingress");
        return in instanceof List<?> l ? !l.isEmpty() : true;
    }

    /**
     * A Cloud Run image in Artifact Registry becomes the URL of the ECR repository that registry became ({@code
     * ${aws_ecr_repository.images.repository_url}/catalog-api:latest}); another image stays as it is.
     */
    private static void image(Translation t, Draft task, Draft.Block container, Inst inst, Map<?, ?> def) {
        Draft.Field image = container.field("image");
        if (image == null || !(def.get("image") instanceof String s)) {
            return;
        }
        Matcher m = ARTIFACT_REGISTRY.matcher(s);
        if (!m.matches()) {
            return;
        }
        for (Draft repo : t.draftsOfType("aws_ecr_repository")) {
            if (repo.source != null && repo.source.type.equals("google_artifact_registry_repository")
                    && m.group(1).equals(String.valueOf(repo.source.first().resource().raw().get("repository_id")))) {
                image.values.put(inst, HclExpr.template(Translation.self(repo, null).attr("repository_url"), "/" + m.group(2)));
                return;
            }
        }
        t.todoOnce(task.source.key, "the image " + s + " is in Artifact Registry, whose repository was not translated: "
                + "push it to ECR and set the image by hand", task.file, task.address());
    }

    /**
     * The Secrets Manager secret an env entry reads: the translation of the Key Vault or Secret Manager secret it names,
     * else (an Azure app secret holding a value) a new secret whose version reads a sensitive variable.
     */
    private static HclExpr secretArn(Translation t, SourceGroup g, PlannedResource r, Draft task, String name, Map<?, ?> item,
            Map<String, Object> data) {
        if (item.get("secret_name") != null) {
            String secretName = String.valueOf(item.get("secret_name"));
            Object list = RawValues.get(r.resource().raw(), String.valueOf(data.getOrDefault("secrets", "secret")));
            Map<?, ?> secret = null;
            if (list instanceof List<?> l) {
                for (Object o : l) {
                    if (o instanceof Map<?, ?> m && secretName.equals(String.valueOf(m.get("name")))) {
                        secret = m;
                    }
                }
            }
            if (secret == null) {
                t.todo(g.key, "environment variable " + name + " reads the secret " + secretName + ", which the app does not "
                        + "define: add it to Secrets Manager and to the container's secrets by hand", task.file, task.address());
                return null;
            }
            HclExpr translated = translatedSecret(t, secret.get("key_vault_secret_id"));
            return translated != null ? translated : ownSecret(t, g, secretName);
        }
        Object ref = RawValues.get(item, "value_source.0.secret_key_ref.0.secret");
        HclExpr translated = translatedSecret(t, ref);
        if (translated == null) {
            // the reference was evaluated away (a sensitive secret id): the only Secret Manager secret the service uses
            List<Draft> candidates = new ArrayList<>();
            for (String dep : r.dependsOn()) {
                SourceGroup sg = t.groups.get(dep);
                Draft d = sg == null || !sg.type.equals("google_secret_manager_secret") ? null : t.draft(sg, "aws_secretsmanager_secret");
                if (d != null) {
                    candidates.add(d);
                }
            }
            if (candidates.size() == 1) {
                translated = Translation.self(candidates.get(0), null).attr("arn");
            }
        }
        if (translated == null) {
            t.todo(g.key, "environment variable " + name + " reads a secret that has no single translated Secrets Manager "
                    + "secret: add it to the container's secrets by hand", task.file, task.address());
            return null;
        }
        Object version = RawValues.get(item, "value_source.0.secret_key_ref.0.version");
        if (version != null && !"latest".equals(String.valueOf(version))) {
            t.todoOnce(g.key, "environment variable " + name + " reads version " + version + " of its secret; ECS reads the "
                    + "current version (add :<json-key>:<version-stage>:<version-id> to valueFrom to pin one)", task.file, task.address());
        }
        return translated;
    }

    /** The ARN of the translated secret a source reference names ({@code ${azurerm_key_vault_secret.x.id}}), or null. */
    private static HclExpr translatedSecret(Translation t, Object ref) {
        if (!(ref instanceof String s)) {
            return null;
        }
        Matcher m = REFERENCE.matcher(s);
        SourceGroup sg = m.matches() ? t.groupOf(m.group(1), m.group(2)) : null;
        Draft d = sg == null ? null : t.draft(sg, "aws_secretsmanager_secret");
        return d == null ? null : Translation.self(d, null).attr("arn");
    }

    /** A Secrets Manager secret for an app secret that holds its own value: read from a sensitive variable. */
    private static HclExpr ownSecret(Translation t, SourceGroup g, String secretName) {
        String id = Translation.identifier(g.name + "_" + secretName.toLowerCase(Locale.ROOT));
        for (Draft d : t.draftsOfType("aws_secretsmanager_secret")) {
            if (d.name.equals(id) && d.source == null) {
                return Translation.self(d, null).attr("arn");
            }
        }
        Draft secret = t.singleDraft("aws_secretsmanager_secret", id, "security", "secrets");
        Draft.Field name = secret.body.addField("name");
        for (Map.Entry<Inst, PlannedResource> e : g.instances.entrySet()) {
            name.values.put(new Inst(e.getKey().environment(), null),
                    e.getValue().resource().raw().getOrDefault("name", g.name) + "/" + secretName);
        }
        EcsContainerHook.secretAttributes(t, g, secret);
        String var = "secret_" + id;
        t.sensitiveVariable(var);
        Draft version = t.singleDraft("aws_secretsmanager_secret_version", id, "security", "secrets");
        version.set(version.body, "secret_id", Translation.self(secret, null).attr("id"));
        version.set(version.body, "secret_string", HclExpr.ref("var." + var));
        return Translation.self(secret, null).attr("arn");
    }

    /**
     * The tasks' and the load balancer's subnets: the translated subnets of the network, the service's own (the Azure
     * environment's infrastructure subnet) first. An internet-facing load balancer needs two availability zones; the
     * tasks need a way out to pull images and read secrets: an internet gateway with a public route table when the
     * translated network has none.
     */
    private static void network(Translation t, SourceGroup g, Draft service) {
        List<Draft> own = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> deps = new ArrayList<>(g.first().dependsOn());
        for (int i = 0; i < deps.size(); i++) {
            String dep = deps.get(i);
            if (!seen.add(dep) || seen.size() > 50) {
                continue;
            }
            SourceGroup sg = t.groups.get(SourceGroup.split(dep)[0]);
            if (sg == null) {
                continue;
            }
            Draft d = t.draft(sg, "aws_subnet");
            if (d != null && !own.contains(d)) {
                own.add(d);
            } else if (sg.type.endsWith("container_app_environment") || sg.type.endsWith("vpc_access_connector")) {
                deps.addAll(sg.first().dependsOn()); // the environment's infrastructure subnet, the connector's network
            }
        }
        List<Draft> subnets = SubnetGroupHook.networkSubnets(t, own);
        List<HclExpr> ids = new ArrayList<>();
        for (Draft d : subnets) {
            if (!d.multi()) {
                ids.add(Translation.self(d, null).attr("id"));
            }
        }
        Draft.Block net = service.body.block("network_configuration");
        Draft lb = t.draft(g, "aws_lb");
        if (ids.isEmpty()) {
            // no network in the source (a Cloud Run service on Google's network): the subnets are a variable to fill
            t.todo(g.key, "no translated subnet for the service: set var.subnet_ids to subnets of your VPC in two availability "
                    + "zones (the tasks and the load balancer run there)", service.file, service.address());
            t.variable("subnet_ids", "list(string)", "Subnets of the ECS tasks and load balancers (the source has no network "
                    + "to translate): two or more, in different availability zones.", false, null);
            if (net != null) {
                net.fields.add(0, fieldOf(service, "subnets", HclExpr.ref("var.subnet_ids")));
            }
            if (lb != null) {
                lb.body.fields.add(Math.min(lb.body.fields.size(), 4), fieldOf(lb, "subnets", HclExpr.ref("var.subnet_ids")));
            }
            // ... and the security groups and the target group belong to the VPC of those subnets
            for (Draft d : t.bySource.getOrDefault(g.key, List.of())) {
                Draft.Field vpc = d.body.field("vpc_id");
                boolean wants = d.type.equals("aws_security_group") || d.type.equals("aws_lb_target_group");
                if (wants && (vpc == null || vpc.values.values().stream().allMatch(v -> v == null || v == ValueSpec.MISSING))) {
                    t.variable("vpc_id", "string", "VPC of the subnets in subnet_ids.", false, null);
                    d.body.fields.remove(vpc);
                    d.body.fields.add(Math.min(d.body.fields.size(), 2), fieldOf(d, "vpc_id", HclExpr.ref("var.vpc_id")));
                }
            }
            return;
        }
        if (net != null) {
            // the tasks run in the service's own subnets (the Azure environment's infrastructure subnet), else in all
            List<HclExpr> tasks = new ArrayList<>();
            for (Draft d : own) {
                if (!d.multi()) {
                    tasks.add(Translation.self(d, null).attr("id"));
                }
            }
            Draft.Field f = new Draft.Field("subnets", false, null, null);
            net.fields.add(0, f);
            service.instances.forEach(i -> f.values.put(i, new HclExpr.ListOf(tasks.isEmpty() ? ids : tasks)));
        }
        if (lb != null) {
            Draft.Field f = new Draft.Field("subnets", false, null, null);
            lb.body.fields.add(Math.min(lb.body.fields.size(), 4), f);
            lb.instances.forEach(i -> f.values.put(i, new HclExpr.ListOf(ids)));
            if (ids.size() < 2) {
                t.todoOnce(g.key, "an Application Load Balancer needs subnets in two availability zones and the source network "
                        + "has one subnet (" + subnets.get(0).address() + "): add a subnet in a second zone and list it in subnets",
                        lb.file, lb.address());
            }
        }
        internetGateway(t, g, subnets);
    }

    /**
     * An internet gateway and a public route table over the subnets when the translated network has no gateway, with a
     * TODO when the estate has databases or caches in subnets routed to it (the source network has too few subnets to
     * keep public and private apart).
     */
    private static void internetGateway(Translation t, SourceGroup g, List<Draft> subnets) {
        if (!t.draftsOfType("aws_internet_gateway").isEmpty() || !t.draftsOfType("aws_nat_gateway").isEmpty()) {
            return;
        }
        Draft.Field vpcField = subnets.get(0).body.field("vpc_id");
        Object vpc = vpcField == null || vpcField.values.isEmpty() ? null : vpcField.values.values().iterator().next();
        if (!(vpc instanceof HclExpr.Reference vpcId)) {
            return;
        }
        Draft igw = t.singleDraft("aws_internet_gateway", "main", "network", "network");
        igw.set(igw.body, "vpc_id", vpcId);
        Draft table = t.singleDraft("aws_route_table", "public", "network", "network");
        table.set(table.body, "vpc_id", vpcId);
        Draft.Block route = table.body.block("route");
        if (route == null) {
            route = new Draft.Block("route");
            table.body.blocks.add(route);
        }
        table.set(route, "cidr_block", "0.0.0.0/0");
        table.set(route, "gateway_id", Translation.self(igw, null).attr("id"));
        List<String> routed = new ArrayList<>();
        for (Draft s : subnets) {
            if (s.multi()) {
                continue;
            }
            Draft assoc = t.singleDraft("aws_route_table_association", s.name, "network", "network");
            assoc.set(assoc.body, "subnet_id", Translation.self(s, null).attr("id"));
            assoc.set(assoc.body, "route_table_id", Translation.self(table, null).attr("id"));
            routed.add(s.address());
        }
        boolean dataStores = !t.draftsOfType("aws_db_instance").isEmpty()
                || !t.draftsOfType("aws_elasticache_replication_group").isEmpty() || !t.draftsOfType("aws_elasticache_cluster").isEmpty();
        if (routed.size() > 1 && dataStores) {
            t.todoOnce(g.key, "every translated subnet (" + String.join(", ", routed) + ") is routed to the internet gateway, "
                    + "because the load balancer needs two availability zones and the tasks pull images without a NAT gateway; "
                    + "databases and caches stay unreachable from the internet (not publicly accessible, their security groups "
                    + "admit the tasks only), but a subnet that holds them should have a private route table: add public subnets "
                    + "for the load balancer and the tasks and drop the association of the data subnets", table.file, table.address());
        }
    }

    /**
     * {@code ${tostring(azurerm_redis_cache.main.ssl_port)}} as {@code tostring(<translated reference>)} (ECS
     * environment values are strings); any other value as it is (translated later).
     */
    private static Object stringValue(Translation t, Object value) {
        Matcher m = value instanceof String s ? TO_STRING.matcher(s) : null;
        if (m != null && m.matches() && t.translateString("${" + m.group(1) + "}") instanceof HclExpr inner) {
            return HclExpr.call("tostring", inner);
        }
        return value;
    }

    private static Draft.Field fieldOf(Draft d, String name, HclExpr value) {
        Draft.Field f = new Draft.Field(name, false, null, null);
        d.instances.forEach(i -> f.values.put(i, value));
        return f;
    }

    private static HclExpr entry(String k1, HclExpr v1, String k2, HclExpr v2) {
        Map<String, HclExpr> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return new HclExpr.ObjectOf(m, true);
    }
}
