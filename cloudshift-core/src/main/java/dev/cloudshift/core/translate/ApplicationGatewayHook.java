package dev.cloudshift.core.translate;

import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.hcl.emit.HclExpr;
import dev.cloudshift.hcl.emit.HclItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ALB + listeners + listener rules + target groups -> one {@code azurerm_application_gateway}: a subnet of its own (a
 * free block of the VPC CIDR), the public IP as frontend, one frontend port and HTTP listener per listener, one
 * backend pool / HTTP settings / health probe per target group pointing at the container app's ingress FQDN, and the
 * listener rules' path patterns ({@code /api/*}) as a url_path_map with a path-based routing rule. An HTTPS listener is
 * a TODO: the ACM certificate cannot be carried over.
 */
final class ApplicationGatewayHook implements TranslationHook {

    private static final Pattern TARGET_GROUP = Pattern.compile(
            "\\$\\{aws_lb_target_group\\.([A-Za-z0-9_-]+)(?:\\[\"?([^\\]\"]*)\"?\\])?\\.(?:arn|id)\\}");

    @Override
    public void apply(Translation t, SourceGroup g) {
        Draft gw = t.draft(g, "azurerm_application_gateway");
        Draft ip = t.draft(g, "azurerm_public_ip");
        Draft subnet = t.draft(g, "azurerm_subnet");
        if (gw == null || ip == null || subnet == null) {
            return;
        }
        Map<String, Object> data = t.ruleData(g.type);
        int length = ((Number) data.getOrDefault("prefix_length", 24)).intValue();
        Draft.Field prefixes = new Draft.Field("address_prefixes", true, g.name + "_gateway_subnet_address_prefixes",
                "Address block of the Application Gateway subnet (a free /" + length + " of the VPC CIDR).");
        for (Inst i : subnet.instances) {
            String block = t.allocateSubnet(i.environment(), length);
            prefixes.values.put(i, block == null ? ValueSpec.MISSING : List.of(block));
        }
        subnet.body.fields.add(prefixes);

        List<HclItem> items = new ArrayList<>();
        items.add(block("gateway_ip_configuration", attr("name", HclExpr.str("gateway")),
                attr("subnet_id", HclExpr.ref(subnet.address() + ".id"))));
        items.add(block("frontend_ip_configuration", attr("name", HclExpr.str("public")),
                attr("public_ip_address_id", HclExpr.ref(ip.address() + ".id"))));

        // target groups -> backends
        Map<String, String> backendOfTargetGroup = new LinkedHashMap<>();
        int backendPort = ((Number) data.getOrDefault("backend_port", 443)).intValue();
        String backendProtocol = String.valueOf(data.getOrDefault("backend_protocol", "Https"));
        Object idle = g.first().resource().raw().get("idle_timeout");
        // this load balancer's listeners, their rules, and the target groups they forward to
        List<SourceGroup> listeners = related(t, g, "aws_lb_listener");
        java.util.Set<SourceGroup> targetGroups = new java.util.LinkedHashSet<>();
        for (SourceGroup l : listeners) {
            targetGroups.addAll(dependencies(t, l, "aws_lb_target_group"));
            for (SourceGroup rule : related(t, l, "aws_lb_listener_rule")) {
                targetGroups.addAll(dependencies(t, rule, "aws_lb_target_group"));
            }
        }
        for (SourceGroup tg : targetGroups) {
            Map<String, PlannedResource> byKey = new LinkedHashMap<>();
            tg.instances.forEach((inst, r) -> byKey.putIfAbsent(inst.key() == null ? "" : inst.key(), r));
            for (Map.Entry<String, PlannedResource> e : byKey.entrySet()) {
                String name = e.getKey().isEmpty() ? tg.name : e.getKey();
                HclExpr fqdn = backendFqdn(t, e.getValue());
                if (fqdn == null) {
                    t.todo(e.getValue().address(), "no translated container app serves this target group: add its backend "
                            + "address to the application gateway by hand", gw.file, gw.address());
                    continue;
                }
                backendOfTargetGroup.put(tg.name + "\u0000" + e.getKey(), name);
                items.add(block("backend_address_pool", attr("name", HclExpr.str(name)),
                        attr("fqdns", HclExpr.list(fqdn))));
                Object path = RawValues.get(e.getValue().resource().raw(), "health_check.0.path");
                List<HclItem> settings = new ArrayList<>(List.of(attr("name", HclExpr.str(name)),
                        attr("port", HclExpr.num(backendPort)), attr("protocol", HclExpr.str(backendProtocol)),
                        attr("cookie_based_affinity", HclExpr.str("Disabled")),
                        attr("request_timeout", TerraformRenderer.data(idle == null ? 60 : idle)),
                        attr("pick_host_name_from_backend_address", HclExpr.bool(true))));
                if (path != null) {
                    settings.add(attr("probe_name", HclExpr.str(name)));
                }
                items.add(new HclItem.Block("backend_http_settings", List.of(), settings));
                if (path != null) {
                    Object interval = RawValues.get(e.getValue().resource().raw(), "health_check.0.interval");
                    Object unhealthy = RawValues.get(e.getValue().resource().raw(), "health_check.0.unhealthy_threshold");
                    Object matcher = RawValues.get(e.getValue().resource().raw(), "health_check.0.matcher");
                    List<HclItem> probe = new ArrayList<>(List.of(attr("name", HclExpr.str(name)),
                            attr("protocol", HclExpr.str(backendProtocol)), attr("path", HclExpr.str(String.valueOf(path))),
                            attr("interval", TerraformRenderer.data(interval == null ? 30 : interval)),
                            attr("timeout", HclExpr.num(30)),
                            attr("unhealthy_threshold", TerraformRenderer.data(unhealthy == null ? 3 : unhealthy)),
                            attr("pick_host_name_from_backend_http_settings", HclExpr.bool(true))));
                    if (matcher != null) {
                        probe.add(block("match", attr("status_code", HclExpr.list(HclExpr.str(String.valueOf(matcher))))));
                    }
                    items.add(new HclItem.Block("probe", List.of(), probe));
                }
            }
        }

        // listeners -> frontend ports, listeners, routing
        int priority = 100;
        for (SourceGroup listener : listeners) {
            PlannedResource l = listener.first();
            String protocol = String.valueOf(l.resource().raw().get("protocol"));
            if (!protocol.equalsIgnoreCase("HTTP")) {
                t.todo(listener.key, protocol + " listener: import the certificate into Key Vault and add an ssl_certificate, "
                        + "an HTTPS frontend port and listener to the application gateway (an ACM certificate cannot be exported)",
                        gw.file, gw.address());
                continue;
            }
            Object port = l.resource().raw().get("port");
            String portName = "port-" + port;
            items.add(block("frontend_port", attr("name", HclExpr.str(portName)), attr("port", TerraformRenderer.data(port))));
            items.add(block("http_listener", attr("name", HclExpr.str(listener.name)),
                    attr("frontend_ip_configuration_name", HclExpr.str("public")),
                    attr("frontend_port_name", HclExpr.str(portName)), attr("protocol", HclExpr.str("Http"))));
            String defaultBackend = backend(backendOfTargetGroup,
                    String.valueOf(RawValues.get(l.resource().raw(), "default_action.0.target_group_arn")));
            List<HclItem> pathRules = new ArrayList<>();
            for (SourceGroup rule : related(t, listener, "aws_lb_listener_rule")) {
                PlannedResource r = rule.first();
                Object paths = RawValues.get(r.resource().raw(), "condition.0.path_pattern.0.values");
                String target = backend(backendOfTargetGroup, String.valueOf(RawValues.get(r.resource().raw(),
                        "action.0.target_group_arn")));
                if (!(paths instanceof List<?> ps) || target == null) {
                    t.todo(rule.key, "only forward rules on path patterns translate to path rules; route this rule by hand",
                            gw.file, gw.address());
                    continue;
                }
                pathRules.add(block("path_rule", attr("name", HclExpr.str(rule.name)),
                        attr("paths", TerraformRenderer.data(ps)),
                        attr("backend_address_pool_name", HclExpr.str(target)),
                        attr("backend_http_settings_name", HclExpr.str(target))));
            }
            if (defaultBackend == null) {
                t.todo(listener.key, "the default action does not forward to a translated target group: add a routing rule by hand",
                        gw.file, gw.address());
                continue;
            }
            if (pathRules.isEmpty()) {
                items.add(block("request_routing_rule", attr("name", HclExpr.str(listener.name)),
                        attr("priority", HclExpr.num(priority)), attr("rule_type", HclExpr.str("Basic")),
                        attr("http_listener_name", HclExpr.str(listener.name)),
                        attr("backend_address_pool_name", HclExpr.str(defaultBackend)),
                        attr("backend_http_settings_name", HclExpr.str(defaultBackend))));
            } else {
                List<HclItem> map = new ArrayList<>(List.of(attr("name", HclExpr.str(listener.name)),
                        attr("default_backend_address_pool_name", HclExpr.str(defaultBackend)),
                        attr("default_backend_http_settings_name", HclExpr.str(defaultBackend))));
                map.addAll(pathRules);
                items.add(new HclItem.Block("url_path_map", List.of(), map));
                items.add(block("request_routing_rule", attr("name", HclExpr.str(listener.name)),
                        attr("priority", HclExpr.num(priority)), attr("rule_type", HclExpr.str("PathBasedRouting")),
                        attr("http_listener_name", HclExpr.str(listener.name)),
                        attr("url_path_map_name", HclExpr.str(listener.name))));
            }
            priority += 10;
        }
        gw.body.extra.addAll(items);
    }

    private static String backend(Map<String, String> backends, String ref) {
        Matcher m = TARGET_GROUP.matcher(ref);
        if (!m.find()) {
            return null;
        }
        return backends.get(m.group(1) + "\u0000" + (m.group(2) == null ? "" : m.group(2)));
    }

    /** The ingress FQDN of the container app whose ECS service registers with this target group instance. */
    /** Source blocks of a type that depend on g. */
    private static List<SourceGroup> related(Translation t, SourceGroup g, String type) {
        List<SourceGroup> out = new ArrayList<>();
        for (String k : t.dependentsOf(g)) {
            SourceGroup x = t.groups.get(k);
            if (x != null && x.type.equals(type)) {
                out.add(x);
            }
        }
        return out;
    }

    /** Source blocks of a type that g depends on. */
    private static List<SourceGroup> dependencies(Translation t, SourceGroup g, String type) {
        java.util.Set<SourceGroup> out = new java.util.LinkedHashSet<>();
        for (PlannedResource r : g.instances.values()) {
            for (String d : r.dependsOn()) {
                SourceGroup x = t.groups.get(SourceGroup.split(d)[0]);
                if (x != null && x.type.equals(type)) {
                    out.add(x);
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static HclExpr backendFqdn(Translation t, PlannedResource targetGroup) {
        SourceGroup tgGroup = t.groups.get(SourceGroup.split(targetGroup.address())[0]);
        for (SourceGroup svc : tgGroup == null ? List.<SourceGroup>of() : related(t, tgGroup, "aws_ecs_service")) {
            Draft app = t.draft(svc, "azurerm_container_app");
            if (app == null) {
                continue;
            }
            for (Map.Entry<Inst, PlannedResource> e : svc.instances.entrySet()) {
                if (e.getValue().dependsOn().contains(targetGroup.address())) {
                    return Translation.attrPath(Translation.self(app, e.getKey().key()), "ingress.0.fqdn");
                }
            }
        }
        return null;
    }

    static HclItem.Attribute attr(String name, HclExpr value) {
        return new HclItem.Attribute(name, value);
    }

    static HclItem.Block block(String type, HclItem... items) {
        return new HclItem.Block(type, List.of(), List.of(items));
    }
}
