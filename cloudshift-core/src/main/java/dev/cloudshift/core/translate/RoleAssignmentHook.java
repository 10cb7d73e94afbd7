package dev.cloudshift.core.translate;

import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.hcl.emit.HclExpr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IAM role policies and managed-policy attachments -> {@code azurerm_role_assignment}s of built-in roles to the
 * role's managed identity. Rule data: {@code actions} (IAM action -> role and the target type that is the scope;
 * {@code role: null} for actions the data roles already cover) and {@code managed_policies} (policy name -> list of
 * role and scope type). The scope is the translated resource of the statement's Resource, else the only translated
 * resource of the scope type. Actions the table does not know become a TODO.
 */
final class RoleAssignmentHook implements TranslationHook {

    private static final Pattern REF = Pattern.compile("\\$\\{([a-z0-9_]+)\\.([A-Za-z0-9_-]+)");

    record Grant(String role, String scopeType) {
    }

    @Override
    @SuppressWarnings("unchecked")
    public void apply(Translation t, SourceGroup g) {
        Map<String, Object> data = t.ruleData(g.type);
        PlannedResource r = g.first();
        Object roleRef = r.resource().raw().get("role");
        HclExpr principal = principal(t, roleRef);
        if (principal == null) {
            t.todo(g.key, "the IAM role it belongs to was not translated to a managed identity: assign roles by hand",
                    "security", null);
            return;
        }
        Map<Grant, List<String>> grants = new LinkedHashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        if (g.type.equals("aws_iam_role_policy_attachment")) {
            String arn = String.valueOf(r.resource().raw().get("policy_arn"));
            String name = arn.substring(arn.lastIndexOf('/') + 1);
            Object list = ((Map<String, Object>) data.getOrDefault("managed_policies", Map.of())).get(name);
            if (list instanceof List<?> l) {
                for (Object o : l) {
                    Map<String, Object> m = (Map<String, Object>) o;
                    grants.computeIfAbsent(new Grant((String) m.get("role"), (String) m.get("scope")), k -> new ArrayList<>());
                }
            } else {
                unknown.add(name);
            }
        } else {
            Object policy = RawValues.get(r.resource().raw(), "policy");
            Map<String, Object> actions = (Map<String, Object>) data.getOrDefault("actions", Map.of());
            Object statements = policy instanceof Map<?, ?> p ? p.get("Statement") : null;
            if (statements instanceof Map<?, ?>) {
                statements = List.of(statements);
            }
            if (!(statements instanceof List<?> list)) {
                t.todo(g.key, "the policy document could not be read: assign roles by hand", "security", null);
                return;
            }
            for (Object s : list) {
                Map<?, ?> st = (Map<?, ?>) s;
                if (!"Allow".equals(st.get("Effect"))) {
                    unknown.add("Deny statement");
                    continue;
                }
                List<String> resources = strings(st.get("Resource"));
                for (String action : strings(st.get("Action"))) {
                    if (!actions.containsKey(action)) {
                        unknown.add(action);
                        continue;
                    }
                    Object grant = actions.get(action);
                    if (grant instanceof Map<?, ?> m && m.get("role") != null) {
                        grants.computeIfAbsent(new Grant(String.valueOf(m.get("role")), String.valueOf(m.get("scope"))),
                                k -> new ArrayList<>()).addAll(resources);
                    }
                }
            }
        }
        int n = 0;
        for (Map.Entry<Grant, List<String>> e : grants.entrySet()) {
            HclExpr scope = scope(t, e.getKey().scopeType(), e.getValue());
            if (scope == null) {
                t.todo(g.key, "no translated " + e.getKey().scopeType() + " to scope the role '" + e.getKey().role() + "' to",
                        "security", null);
                continue;
            }
            Draft d = t.singleDraft("azurerm_role_assignment", g.name + (n == 0 ? "" : "_" + (n + 1)), "security", "role");
            d.set(d.body, "scope", scope);
            d.set(d.body, "role_definition_name", e.getKey().role());
            d.set(d.body, "principal_id", principal);
            n++;
        }
        if (!unknown.isEmpty()) {
            t.todo(g.key, "no built-in Azure role is known for " + String.join(", ", unknown)
                    + ": choose a role and add an azurerm_role_assignment", "security", null);
        }
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        } else if (o != null) {
            out.add(String.valueOf(o));
        }
        return out;
    }

    private static HclExpr principal(Translation t, Object roleRef) {
        if (roleRef instanceof String s && !s.contains("${")) {
            // a role name known at plan time: the role whose name it is
            for (SourceGroup g : t.groupsOfType("aws_iam_role")) {
                if (g.instances.values().stream().anyMatch(r -> s.equals(r.resource().raw().get("name")))) {
                    Draft d = t.draft(g, "azurerm_user_assigned_identity");
                    return d == null ? null : HclExpr.ref(d.address() + ".principal_id");
                }
            }
        }
        if (roleRef instanceof String s) {
            Matcher m = REF.matcher(s);
            if (m.find() && m.group(1).equals("aws_iam_role")) {
                SourceGroup g = t.groupOf("aws_iam_role", m.group(2));
                Draft d = g == null ? null : t.draft(g, "azurerm_user_assigned_identity");
                if (d != null) {
                    return HclExpr.ref(d.address() + ".principal_id");
                }
            }
        }
        return null;
    }

    private static HclExpr scope(Translation t, String scopeType, List<String> resources) {
        for (String res : resources) {
            Matcher m = REF.matcher(res);
            if (m.find()) {
                SourceGroup g = t.groupOf(m.group(1), m.group(2));
                Draft d = g == null ? null : t.draft(g, scopeType);
                if (d != null) {
                    return HclExpr.ref(d.address() + ".id");
                }
            }
        }
        List<Draft> all = t.draftsOfType(scopeType);
        return all.size() == 1 ? HclExpr.ref(all.get(0).address() + ".id") : null;
    }
}
