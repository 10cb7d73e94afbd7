package dev.cloudshift.core.translate;

import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.hcl.emit.HclExpr;
import dev.cloudshift.hcl.emit.HclItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Security group -> network security group rules with generated priorities (first_priority + step, in source order
 * over all environments; a rule only some environments have is a dynamic block switched per environment) and the association to the subnet of what the group protects: the Application Gateway
 * subnet for a load balancer (plus the inbound rules Azure requires there), the Container Apps subnet for ECS
 * services, the delegated PostgreSQL subnet for a database. A source security group becomes the address prefixes of
 * its own subnet; 0.0.0.0/0 becomes the Internet service tag; allow-all egress is Azure's default and is not written.
 */
final class SecurityGroupRulesHook implements TranslationHook {

    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]+");
    private static final Pattern OUTER_DASHES = Pattern.compile("^-|-$");
    private static final Pattern SG_REF = Pattern.compile("\\$\\{aws_security_group\\.([A-Za-z0-9_-]+)\\.id\\}");

    @Override
    public void apply(Translation t, SourceGroup g) {
        Draft nsg = t.draft(g, "azurerm_network_security_group");
        if (nsg == null) {
            return;
        }
        Map<String, Object> data = t.ruleData(g.type);
        @SuppressWarnings("unchecked")
        Map<String, Object> protocols = (Map<String, Object>) data.getOrDefault("protocols", Map.of());
        int priority = ((Number) data.getOrDefault("first_priority", 100)).intValue();
        int step = ((Number) data.getOrDefault("priority_step", 10)).intValue();
        Draft subnet = protectedSubnet(t, g);

        List<HclItem> rules = new ArrayList<>();
        List<String> ruleKeys = new ArrayList<>(); // per rule: its source key, null for rules every environment has
        if (subnet != null && subnet.type.equals("azurerm_subnet") && subnet.name.endsWith("_gateway")
                && data.get("application_gateway_inbound") instanceof List<?> required) {
            for (Object o : required) {
                Map<?, ?> r = (Map<?, ?>) o;
                rules.add(rule(String.valueOf(r.get("name")), priority, "Inbound", String.valueOf(r.get("protocol")),
                        String.valueOf(r.get("ports")), "source_address_prefix", HclExpr.str(String.valueOf(r.get("source")))));
                ruleKeys.add(null);
                priority += step;
            }
        }
        Map<String, Map<?, ?>> ingress = new LinkedHashMap<>();
        Map<String, Map<?, ?>> egress = new LinkedHashMap<>();
        Map<String, Set<Inst>> present = new LinkedHashMap<>();
        for (Map.Entry<Inst, PlannedResource> e : g.instances.entrySet()) {
            Inst inst = new Inst(e.getKey().environment(), null);
            collect(e.getValue().resource().raw().get("ingress"), ingress, "in|", inst, present);
            collect(e.getValue().resource().raw().get("egress"), egress, "out|", inst, present);
        }
        for (Map.Entry<String, Map<?, ?>> e : ingress.entrySet()) {
            HclItem rule = rule(t, g, e.getValue(), "Inbound", priority, protocols);
            if (rule != null) {
                rules.add(rule);
                ruleKeys.add("in|" + e.getKey());
                priority += step;
            }
        }
        for (Map.Entry<String, Map<?, ?>> e : egress.entrySet()) {
            Map<?, ?> r = e.getValue();
            if ("0.0.0.0/0".equals(first(r.get("cidr_blocks"))) && String.valueOf(r.get("protocol")).equals("-1")) {
                continue; // Azure's default AllowInternetOutBound / AllowVnetOutBound rules
            }
            HclItem rule = rule(t, g, r, "Outbound", priority, protocols);
            if (rule != null) {
                rules.add(rule);
                ruleKeys.add("out|" + e.getKey());
                priority += step;
            }
        }
        if (nsg.multi()) {
            nsg.body.extra.addAll(rules); // one NSG per source instance: every instance gets the union of the rules
        } else {
            // one security_rule block per rule; a rule only some environments have is a dynamic block switched per
            // environment (its priority stays the same everywhere)
            for (int i = 0; i < rules.size(); i++) {
                Draft.Block b = nsg.body.repeated("security_rule", i);
                b.switched = true;
                Set<Inst> on = ruleKeys.get(i) == null ? nsg.instances : present.getOrDefault(ruleKeys.get(i), Set.of());
                for (Inst inst : nsg.instances) {
                    b.enabled.put(inst, on.contains(inst));
                    if (!on.contains(inst)) {
                        continue;
                    }
                    for (HclItem item : ((HclItem.Block) rules.get(i)).body()) {
                        if (item instanceof HclItem.Attribute a) {
                            b.addField(a.name()).values.put(inst, a.value() instanceof HclExpr.Literal l ? l.value() : a.value());
                        }
                    }
                }
            }
        }
        if (subnet == null) {
            nsg.comments.add("Protects resources that Azure runs outside a subnet (Azure Cache for Redis, Event Hubs): "
                    + "restrict them with their own network rules or private endpoints.");
            return;
        }
        Draft assoc = t.singleDraft("azurerm_subnet_network_security_group_association", g.name, nsg.file, "nsg");
        assoc.set(assoc.body, "subnet_id", HclExpr.ref(subnet.address() + ".id"));
        assoc.set(assoc.body, "network_security_group_id", HclExpr.ref(nsg.address() + ".id"));
    }

    private static void collect(Object list, Map<String, Map<?, ?>> into, String side, Inst inst, Map<String, Set<Inst>> present) {
        if (list instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    String key = String.valueOf(m.get("from_port")) + "|" + m.get("to_port") + "|" + m.get("protocol")
                            + "|" + m.get("cidr_blocks") + "|" + m.get("security_groups");
                    into.putIfAbsent(key, m);
                    present.computeIfAbsent(side + key, k -> new java.util.LinkedHashSet<>()).add(inst);
                }
            }
        }
    }

    private static Object first(Object o) {
        return o instanceof List<?> l && !l.isEmpty() ? l.get(0) : o;
    }

    private HclItem rule(Translation t, SourceGroup g, Map<?, ?> r, String direction, int priority, Map<String, Object> protocols) {
        String protocol = String.valueOf(protocols.getOrDefault(String.valueOf(r.get("protocol")).toLowerCase(java.util.Locale.ROOT), "*"));
        String from = String.valueOf(r.get("from_port"));
        String to = String.valueOf(r.get("to_port"));
        String ports = protocol.equals("*") && from.equals("0") ? "*" : from.equals(to) ? from : from + "-" + to;
        String side = direction.equals("Inbound") ? "source" : "destination";
        HclExpr peer = null;
        String arg = side + "_address_prefix";
        if (r.get("cidr_blocks") instanceof List<?> cidrs && !cidrs.isEmpty()) {
            if (cidrs.size() == 1 && "0.0.0.0/0".equals(cidrs.get(0))) {
                peer = HclExpr.str(direction.equals("Inbound") ? "Internet" : "*");
            } else {
                List<Object> values = new ArrayList<>();
                for (Object c : cidrs) {
                    Object v = t.translateValue(c);
                    if (v == null) {
                        t.todo(g.key, "a rule's CIDR " + c + " has no translation", "network", null);
                        return null;
                    }
                    values.add(v);
                }
                arg = side + "_address_prefixes";
                peer = TerraformRenderer.data(values);
            }
        } else if (r.get("security_groups") instanceof List<?> groups && !groups.isEmpty()) {
            Matcher m = SG_REF.matcher(String.valueOf(groups.get(0)));
            SourceGroup other = m.find() ? t.groupOf("aws_security_group", m.group(1)) : null;
            Draft otherSubnet = other == null ? null : protectedSubnet(t, other);
            if (otherSubnet != null) {
                arg = side + "_address_prefixes";
                peer = HclExpr.ref(otherSubnet.address() + ".address_prefixes");
            } else {
                peer = HclExpr.str("VirtualNetwork");
            }
        } else {
            peer = HclExpr.str("*");
        }
        String name = r.get("description") != null ? String.valueOf(r.get("description")) : direction.toLowerCase() + "-" + ports;
        return rule(OUTER_DASHES.matcher(NOT_ALPHANUMERIC.matcher(name).replaceAll("-")).replaceAll("").toLowerCase(java.util.Locale.ROOT),
                priority, direction, protocol, ports, arg, peer);
    }

    private static HclItem rule(String name, int priority, String direction, String protocol, String ports, String peerArg,
            HclExpr peer) {
        boolean inbound = direction.equals("Inbound");
        List<HclItem> items = new ArrayList<>();
        items.add(new HclItem.Attribute("name", HclExpr.str(name)));
        items.add(new HclItem.Attribute("priority", HclExpr.num(priority)));
        items.add(new HclItem.Attribute("direction", HclExpr.str(direction)));
        items.add(new HclItem.Attribute("access", HclExpr.str("Allow")));
        items.add(new HclItem.Attribute("protocol", HclExpr.str(protocol)));
        items.add(new HclItem.Attribute("source_port_range", HclExpr.str("*")));
        items.add(new HclItem.Attribute("destination_port_range", HclExpr.str(ports)));
        if (inbound) {
            items.add(new HclItem.Attribute(peerArg, peer));
            items.add(new HclItem.Attribute("destination_address_prefix", HclExpr.str("*")));
        } else {
            items.add(new HclItem.Attribute("source_address_prefix", HclExpr.str("*")));
            items.add(new HclItem.Attribute(peerArg, peer));
        }
        return new HclItem.Block("security_rule", List.of(), items);
    }

    /** The subnet of what this security group protects (load balancer, ECS service, database), or null. */
    static Draft protectedSubnet(Translation t, SourceGroup sg) {
        for (String userKey : t.dependentsOf(sg)) {
            SourceGroup user = t.groups.get(userKey);
            if (user == null) {
                continue;
            }
            switch (user.type) {
                case "aws_lb" -> {
                    Draft d = t.draft(user, "azurerm_subnet");
                    if (d != null) {
                        return d;
                    }
                }
                case "aws_ecs_service" -> {
                    List<Draft> apps = t.draftsOfType("azurerm_subnet").stream().filter(x -> x.name.equals("container_apps")).toList();
                    if (!apps.isEmpty()) {
                        return apps.get(0);
                    }
                }
                case "aws_db_instance", "aws_rds_cluster" -> {
                    for (SourceGroup sub : t.groupsOfType("aws_db_subnet_group")) {
                        if (DelegatedSubnetHook.dependsOn(t, user, sub) && t.draft(sub, "azurerm_subnet") != null) {
                            return t.draft(sub, "azurerm_subnet");
                        }
                    }
                }
                default -> {
                }
            }
        }
        return null;
    }
}
