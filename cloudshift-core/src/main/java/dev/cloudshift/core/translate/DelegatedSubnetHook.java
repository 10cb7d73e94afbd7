package dev.cloudshift.core.translate;

import dev.cloudshift.hcl.emit.HclExpr;
import java.util.List;
import java.util.Map;

/**
 * A service that Azure injects into a virtual network needs a subnet of its own, delegated to it (PostgreSQL flexible
 * server: {@code Microsoft.DBforPostgreSQL/flexibleServers} plus a private DNS zone; Container Apps:
 * {@code Microsoft.App/environments}). The hook gives that subnet a free address block of the VPC CIDR per
 * environment (a variable) and points the service at it. Rule data: delegation, actions, prefix_length, and either
 * private_dns_zone (for the PostgreSQL servers using the subnet group) or subnet_name + for + argument.
 */
final class DelegatedSubnetHook implements TranslationHook {

    @Override
    public void apply(Translation t, SourceGroup g) {
        Map<String, Object> data = t.ruleData(g.type);
        int length = ((Number) data.getOrDefault("prefix_length", 24)).intValue();
        Draft vnet = t.draftsOfType("azurerm_virtual_network").stream().findFirst().orElse(null);
        Draft subnet = t.draft(g, "azurerm_subnet");
        String subnetName = (String) data.getOrDefault("subnet_name", g.name + "_postgres");
        if (subnet == null) {
            subnet = t.singleDraft("azurerm_subnet", subnetName, "network", subnetName + "_subnet");
            Draft.Field name = subnet.block().addField("name");
            for (Inst i : subnet.instances) {
                name.values.put(i, subnetName.replace('_', '-'));
            }
            subnet.set(subnet.body, "resource_group_name", HclExpr.ref("azurerm_resource_group.main.name"));
            if (vnet != null) {
                subnet.set(subnet.body, "virtual_network_name", HclExpr.ref(vnet.address() + ".name"));
            }
            Draft.Block del = subnet.block("delegation");
            subnet.set(del, "name", subnetName.replace('_', '-'));
            Draft.Block sd = subnet.block("delegation", "service_delegation");
            subnet.set(sd, "name", data.get("delegation"));
            subnet.set(sd, "actions", data.get("actions"));
        }
        if (vnet == null) {
            t.todo(g.key, "no virtual network was translated, so the delegated subnet has no address block", "network",
                    subnet.address());
            return;
        }
        // the address block goes right after the VNet name, ahead of the delegation block
        Draft.Field prefixes = new Draft.Field("address_prefixes", true, subnetName + "_address_prefixes",
                "Address block of the " + subnetName.replace('_', ' ') + " subnet (a free /" + length
                        + " of the VPC CIDR, delegated to " + data.get("delegation") + ").");
        for (Inst i : subnet.instances) {
            String block = t.allocateSubnet(i.environment(), length);
            prefixes.values.put(i, block == null ? ValueSpec.MISSING : List.of(block));
        }
        subnet.body.fields.add(prefixes);

        HclExpr subnetId = HclExpr.ref(subnet.address() + ".id");
        if (data.get("private_dns_zone") != null) {
            Draft zone = t.singleDraft("azurerm_private_dns_zone", "postgres", "network", "postgres_dns");
            zone.set(zone.body, "name", data.get("private_dns_zone"));
            zone.set(zone.body, "resource_group_name", HclExpr.ref("azurerm_resource_group.main.name"));
            Draft link = t.singleDraft("azurerm_private_dns_zone_virtual_network_link", "postgres", "network", "postgres_dns");
            link.set(link.body, "name", "postgres");
            link.set(link.body, "resource_group_name", HclExpr.ref("azurerm_resource_group.main.name"));
            link.set(link.body, "private_dns_zone_name", HclExpr.ref(zone.address() + ".name"));
            link.set(link.body, "virtual_network_id", HclExpr.ref(vnet.address() + ".id"));
            for (Draft server : t.draftsOfType("azurerm_postgresql_flexible_server")) {
                if (server.source != null && dependsOn(t, server.source, g)) {
                    server.set(server.body, "delegated_subnet_id", subnetId);
                    server.set(server.body, "private_dns_zone_id", HclExpr.ref(zone.address() + ".id"));
                    server.set(server.body, "public_network_access_enabled", false);
                    server.set(server.body, "depends_on", HclExpr.list(HclExpr.ref(link.address())));
                    server.comments.add("Runs in " + subnet.address() + " (delegated) and resolves through "
                            + zone.address() + "; the zone's VNet link must exist first.");
                }
            }
        }
        if (data.get("for") != null) {
            Draft target = t.draft(g, (String) data.get("for"));
            if (target != null) {
                target.set(target.body, (String) data.get("argument"), subnetId);
            }
        }
    }

    static boolean dependsOn(SourceGroup from, SourceGroup to) {
        return from.instances.values().stream().anyMatch(r -> r.dependsOn().stream()
                .anyMatch(d -> SourceGroup.split(d)[0].equals(to.key)));
    }

    static boolean dependsOn(Translation t, SourceGroup from, SourceGroup to) {
        return t.dependentsOf(to).contains(from.key);
    }
}
