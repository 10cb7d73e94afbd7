package dev.cloudshift.core.translate;

import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.hcl.emit.HclExpr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code aws_route53_record} from an Azure DNS or Cloud DNS record (rules {@code azure-to-aws/azurerm_dns_*_record},
 * {@code gcp-to-aws/google_dns_record_set}). A record whose target is another resource of the estate (an Azure alias
 * record's {@code target_resource_id}, a Cloud DNS {@code rrdatas} entry holding a reference) becomes an alias record
 * when that resource, or a resource built on it (the load balancer using a public IP or a global address), was
 * translated to a type the rule's {@code data.alias_targets} names: {@code alias { name, zone_id,
 * evaluate_target_health }} over the translated resource's attributes, type {@code A}, no TTL. Otherwise the
 * record keeps the source's literal values ({@code data.records_from}) as {@code records}; a reference without a
 * translated alias target is a TODO. An apex name ({@code @}) becomes the zone's name.
 */
final class Route53AliasHook implements TranslationHook {

    private static final Pattern REFERENCE = Pattern.compile("^\\$\\{([A-Za-z0-9_]+)\\.([A-Za-z0-9_-]+)(?:\\[[^\\]]*\\])?\\.[A-Za-z0-9_.]+\\}$");

    @Override
    public void apply(Translation t, SourceGroup g) {
        Draft record = t.draft(g, "aws_route53_record");
        if (record == null) {
            return;
        }
        Map<String, Object> data = t.ruleData(g.type);
        Map<Inst, PlannedResource> byInst = new LinkedHashMap<>();
        g.instances.forEach((i, r) -> byInst.put(g.multi ? i : new Inst(i.environment(), null), r));
        Draft.Field records = new Draft.Field("records", false, null, null);
        Draft.Block alias = new Draft.Block("alias");
        boolean aliased = false;
        for (Map.Entry<Inst, PlannedResource> e : byInst.entrySet()) {
            PlannedResource r = e.getValue();
            List<Object> aliasTo = values(r, data.get("alias_from"));
            List<Object> values = new ArrayList<>(aliasTo);
            values.addAll(values(r, data.get("records_from")));
            List<Object> literal = new ArrayList<>();
            for (int k = 0; k < values.size(); k++) {
                Object v = values.get(k);
                Matcher m = REFERENCE.matcher(String.valueOf(v));
                if (!m.matches() && k < aliasTo.size()) {
                    t.todo(g.key, "the record is an alias of a resource outside this estate: point it at its AWS "
                            + "counterpart by hand (an alias block or records)", record.file, record.address());
                    continue;
                }
                if (!m.matches()) {
                    literal.add(v);
                    continue;
                }
                Draft target = aliasTarget(t, m.group(1), m.group(2), data);
                if (target == null) {
                    t.todo(g.key, "the record points at " + m.group(1) + "." + m.group(2) + ", which has no translated load "
                            + "balancer or distribution to alias: set records or an alias block by hand", record.file, record.address());
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> attrs = (Map<String, Object>) ((Map<String, Object>) data.get("alias_targets")).get(target.type);
                HclExpr.Reference self = Translation.self(target, null);
                alias.addField("name").values.put(e.getKey(), Translation.attrPath(self, String.valueOf(attrs.get("name"))));
                alias.addField("zone_id").values.put(e.getKey(), Translation.attrPath(self, String.valueOf(attrs.get("zone_id"))));
                alias.addField("evaluate_target_health").values.put(e.getKey(), attrs.get("evaluate_target_health"));
                aliased = true;
                break;
            }
            if (!alias.fields.isEmpty() && alias.fields.get(0).values.containsKey(e.getKey())) {
                continue;
            }
            if (!literal.isEmpty()) {
                records.values.put(e.getKey(), literal);
            }
        }
        if (aliased) {
            if (!records.values.isEmpty()) {
                t.todo(g.key, "the record is an alias in some environments and has literal values in others: write it by hand",
                        record.file, record.address());
            }
            record.body.fields.removeIf(f -> f.name.equals("ttl"));
            record.set(record.body, "type", "A"); // an alias to a load balancer or distribution answers with its addresses
            record.body.blocks.add(alias);
        } else if (!records.values.isEmpty()) {
            record.body.fields.add(records);
        }
        apexName(t, g, record);
    }

    /** Values at a path: one string ({@code target_resource_id}) or a list ({@code records}, {@code rrdatas}). */
    private static List<Object> values(PlannedResource r, Object path) {
        Object v = path == null ? null : ValueSpec.read(r, String.valueOf(path));
        List<Object> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            out.addAll(l);
        } else if (v != null) {
            out.add(v);
        }
        return out;
    }

    /**
     * The translated resource an alias can point at: a draft of an alias target type made for the referenced source
     * block, or for a block that depends on it (the load balancer whose frontend uses a public IP).
     */
    private static Draft aliasTarget(Translation t, String type, String name, Map<String, Object> data) {
        if (!(data.get("alias_targets") instanceof Map<?, ?> targets)) {
            return null;
        }
        SourceGroup g = t.groupOf(type, name);
        if (g == null) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        keys.add(g.key);
        keys.addAll(t.dependentsOf(g));
        for (String k : keys) {
            for (Draft d : t.bySource.getOrDefault(k, List.of())) {
                if (targets.containsKey(d.type) && !d.multi()) {
                    return d;
                }
            }
        }
        return null;
    }

    /** {@code @} (the zone apex) becomes the zone's own name. */
    private static void apexName(Translation t, SourceGroup g, Draft record) {
        Draft.Field name = record.body.field("name");
        Draft.Field zone = record.body.field("zone_id");
        if (name == null || zone == null) {
            return;
        }
        for (Map.Entry<Inst, Object> e : name.values.entrySet()) {
            if ("@".equals(e.getValue()) && zone.values.get(e.getKey()) instanceof HclExpr.Reference z && z.steps().size() >= 2) {
                HclExpr.Reference zoneName = new HclExpr.Reference(z.root(), z.steps().subList(0, z.steps().size() - 1)).attr("name");
                e.setValue(zoneName);
            }
        }
    }
}
