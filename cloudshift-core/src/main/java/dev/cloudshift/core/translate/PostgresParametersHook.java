package dev.cloudshift.core.translate;

import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.hcl.emit.HclExpr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RDS parameter group -> one {@code azurerm_postgresql_flexible_server_configuration} per parameter of the servers
 * that use it, names and values mapped through the rule data ({@code parameters: rds name -> {name, values}}); a value
 * that differs per environment becomes a variable. Parameters the table does not know become a TODO.
 */
final class PostgresParametersHook implements TranslationHook {

    @Override
    @SuppressWarnings("unchecked")
    public void apply(Translation t, SourceGroup g) {
        Map<String, Object> table = (Map<String, Object>) t.ruleData(g.type).getOrDefault("parameters", Map.of());
        List<Draft> servers = t.draftsOfType("azurerm_postgresql_flexible_server").stream()
                .filter(d -> d.source != null && DelegatedSubnetHook.dependsOn(t, d.source, g)).toList();
        if (servers.isEmpty()) {
            return;
        }
        // parameter name -> environment -> value
        Map<String, Map<String, Object>> params = new LinkedHashMap<>();
        for (Map.Entry<Inst, PlannedResource> e : g.instances.entrySet()) {
            if (e.getValue().resource().raw().get("parameter") instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> m && m.get("name") != null) {
                        params.computeIfAbsent(String.valueOf(m.get("name")), k -> new LinkedHashMap<>())
                                .put(e.getKey().environment(), m.get("value"));
                    }
                }
            }
        }
        for (Draft server : servers) {
            for (Map.Entry<String, Map<String, Object>> p : params.entrySet()) {
                if (!(table.get(p.getKey()) instanceof Map<?, ?> rule)) {
                    t.todo(g.key, "parameter " + p.getKey() + " has no known flexible server equivalent", "data", null);
                    continue;
                }
                String name = String.valueOf(rule.get("name"));
                Draft d = t.singleDraft("azurerm_postgresql_flexible_server_configuration",
                        Translation.identifier(name), "data", "postgres_" + Translation.identifier(name));
                d.set(d.body, "name", name);
                d.set(d.body, "server_id", HclExpr.ref(server.address() + ".id"));
                Draft.Field value = d.body.addField("value");
                for (Inst i : d.instances) {
                    Object v = p.getValue().get(i.environment());
                    if (v != null && rule.get("values") instanceof Map<?, ?> values && values.get(String.valueOf(v)) != null) {
                        v = values.get(String.valueOf(v));
                    }
                    value.values.put(i, v == null ? ValueSpec.MISSING : String.valueOf(v));
                }
            }
        }
    }
}
