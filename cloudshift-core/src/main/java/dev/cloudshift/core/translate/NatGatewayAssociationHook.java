package dev.cloudshift.core.translate;

import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.hcl.emit.HclExpr;
import java.util.Map;

/**
 * Route table associations whose route table sends traffic through a NAT gateway -> one
 * {@code azurerm_subnet_nat_gateway_association} per subnet (for_each like the source), the NAT gateway chosen per
 * instance and environment through a key in the for_each map (one NAT in dev, one per zone in prod).
 */
final class NatGatewayAssociationHook implements TranslationHook {

    @Override
    public void apply(Translation t, SourceGroup g) {
        Draft d = null;
        Draft.Field subnetId = null;
        Draft.Field natKey = null;
        for (Map.Entry<Inst, PlannedResource> e : g.instances.entrySet()) {
            PlannedResource assoc = e.getValue();
            PlannedResource table = t.related(assoc, "aws_route_table");
            String nat = table == null ? null : table.dependsOn().stream()
                    .filter(x -> x.contains("aws_nat_gateway.")).findFirst().orElse(null);
            String subnet = assoc.dependsOn().stream().filter(x -> x.contains("aws_subnet.")).findFirst().orElse(null);
            if (nat == null || subnet == null) {
                continue;
            }
            String[] natParts = SourceGroup.split(nat);
            String[] subnetParts = SourceGroup.split(subnet);
            SourceGroup natGroup = t.groups.get(natParts[0]);
            SourceGroup subnetGroup = t.groups.get(subnetParts[0]);
            Draft natDraft = natGroup == null ? null : t.draft(natGroup, "azurerm_nat_gateway");
            Draft subnetDraft = subnetGroup == null ? null : t.draft(subnetGroup, "azurerm_subnet");
            if (natDraft == null || subnetDraft == null) {
                continue;
            }
            if (d == null) {
                d = t.newDraft("azurerm_subnet_nat_gateway_association", g.name, "network", g, "nat_associations");
                subnetId = d.body.addField("subnet_id");
                natKey = new Draft.Field("nat_gateway_key", false, null, null);
                d.hidden.add(natKey);
                HclExpr.Reference natRef = new HclExpr.Reference(natDraft.type, java.util.List.of(new HclExpr.AttrStep(natDraft.name)));
                if (natDraft.multi()) {
                    natRef = natRef.index(HclExpr.ref(g.multi ? "each.value.nat_gateway_key" : "var.nat_gateway_key"));
                }
                d.body.fields.add(new Draft.Field("nat_gateway_id", false, null, null));
                d.body.field("nat_gateway_id").values.put(new Inst("*", null), natRef.attr("id"));
            }
            Inst inst = g.multi ? e.getKey() : new Inst(e.getKey().environment(), null);
            d.instances.add(inst);
            subnetId.values.put(inst, Translation.attrPath(Translation.self(subnetDraft, subnetParts[1]), "id"));
            natKey.values.put(inst, natParts[1] == null ? "0" : natParts[1]);
        }
        if (d != null) {
            Draft.Field natId = d.body.field("nat_gateway_id");
            Object ref = natId.values.remove(new Inst("*", null));
            for (Inst i : d.instances) {
                natId.values.put(i, ref);
            }
        }
    }
}
