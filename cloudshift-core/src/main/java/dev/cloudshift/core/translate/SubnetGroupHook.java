package dev.cloudshift.core.translate;

import dev.cloudshift.hcl.emit.HclExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The subnet group of a database or cache translated to RDS or ElastiCache (rules {@code azure-to-aws/
 * azurerm_postgresql_flexible_server.yaml}, {@code azurerm_redis_cache.yaml}, {@code gcp-to-aws/
 * google_sql_database_instance.yaml}, {@code google_redis_instance.yaml}): without one the instance lands in the
 * account's default VPC, and RDS needs a group covering at least two availability zones. The group lists the translated
 * subnets of the network, the resource's own subnet (an Azure delegated subnet) first; those subnets are spread over
 * the region's zones ({@code element(data.aws_availability_zones.available.names, i)}), since an Azure subnet or a GCP
 * subnetwork spans every zone of its region and an AWS subnet lives in one. A DB subnet group with fewer than two
 * subnets is still written, with a TODO to add a subnet in a second zone.
 */
final class SubnetGroupHook implements TranslationHook {

    @Override
    public void apply(Translation t, SourceGroup g) {
        Draft group = t.draft(g, "aws_db_subnet_group");
        boolean database = group != null;
        if (group == null) {
            group = t.draft(g, "aws_elasticache_subnet_group");
        }
        if (group == null) {
            return;
        }
        List<Draft> own = new ArrayList<>();
        for (String dep : g.first().dependsOn()) {
            SourceGroup sg = t.groups.get(SourceGroup.split(dep)[0]);
            if (sg != null) {
                Draft d = t.draft(sg, "aws_subnet");
                if (d != null && !own.contains(d)) {
                    own.add(d);
                }
            }
        }
        List<Draft> subnets = networkSubnets(t, own);
        List<HclExpr> ids = new ArrayList<>();
        for (Draft d : subnets) {
            if (d.multi()) {
                t.todo(g.key, "the subnets of " + d.address() + " use for_each: add their ids to the DB subnet group by hand",
                        group.file, group.address());
                continue;
            }
            ids.add(Translation.self(d, null).attr("id"));
        }
        if (ids.isEmpty()) {
            t.todo(g.key, "no translated subnet for the subnet group: list two subnets in different availability zones",
                    group.file, group.address());
            return;
        }
        group.set(group.body, "subnet_ids", new HclExpr.ListOf(ids));
        if (ids.size() < 2 && database) {
            t.todo(g.key, "RDS needs a DB subnet group covering two availability zones, and the source network has one subnet ("
                    + subnets.get(0).address() + "): add a subnet in a second zone and list it in subnet_ids",
                    group.file, group.address());
        }
    }

    /**
     * The translated subnets of the network of {@code own} (those first; every translated subnet when own is empty),
     * each given an availability zone when it has none: the lowest zone index no other listed subnet uses, so the
     * subnets spread over zones whichever hook (subnet group, Fargate service) lists them first.
     */
    static List<Draft> networkSubnets(Translation t, List<Draft> own) {
        Object vpc = own.isEmpty() ? null : first(own.get(0).body.field("vpc_id"));
        List<Draft> subnets = new ArrayList<>(own);
        for (Draft d : t.draftsOfType("aws_subnet")) {
            if (!subnets.contains(d) && (vpc == null || Objects.equals(vpc, first(d.body.field("vpc_id"))))) {
                subnets.add(d);
            }
        }
        java.util.Set<String> used = new java.util.HashSet<>();
        for (Draft d : subnets) {
            Object az = first(d.body.field("availability_zone"));
            if (az != null) {
                used.add(String.valueOf(az instanceof HclExpr e ? dev.cloudshift.hcl.emit.HclWriter.expression(e, 0) : az));
            }
        }
        int next = 0;
        for (Draft d : subnets) {
            if (d.multi() || d.body.field("availability_zone") != null) {
                continue;
            }
            String az;
            do {
                az = "element(data.aws_availability_zones.available.names, " + next++ + ")";
            } while (used.contains(az));
            used.add(az);
            d.set(d.body, "availability_zone", HclExpr.raw(az));
        }
        return subnets;
    }

    private static Object first(Draft.Field f) {
        return f == null || f.values.isEmpty() ? null : f.values.values().iterator().next();
    }
}
