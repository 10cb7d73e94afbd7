package dev.cloudshift.core.translate;

import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.hcl.emit.HclExpr;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Lambda -> function app: the storage account holding the code package gets a Storage Blob Data Owner assignment for
 * the app's identity (storage_uses_managed_identity), and the code itself is a TODO: handlers, memory and timeout do
 * not carry over as arguments (Azure Functions use a programming model of their own and host.json limits).
 */
final class FunctionCodeHook implements TranslationHook {

    @Override
    public void apply(Translation t, SourceGroup g) {
        Draft app = t.draft(g, "azurerm_linux_function_app");
        if (app == null) {
            return;
        }
        Draft.Field storage = app.body.field("storage_account_name");
        Object account = storage == null ? null : storage.values.values().stream().filter(v -> v instanceof HclExpr.Reference)
                .findFirst().orElse(null);
        if (account instanceof HclExpr.Reference r && r.steps().size() == 2) {
            Draft d = t.newDraft("azurerm_role_assignment", g.name + "_code_storage", "security", g, "function_roles");
            d.instances.addAll(app.instances);
            if (app.multi()) {
                d.forEach = HclExpr.ref(app.address());
            }
            d.set(d.body, "scope", new HclExpr.Reference(r.root(), r.steps().subList(0, 1)).attr("id"));
            d.set(d.body, "role_definition_name", "Storage Blob Data Owner");
            HclExpr.Reference principal = new HclExpr.Reference(app.type, java.util.List.of(new HclExpr.AttrStep(app.name)));
            if (app.multi()) {
                principal = principal.index(HclExpr.ref("each.key"));
            }
            d.set(d.body, "principal_id", Translation.attrPath(principal, "identity.0.principal_id"));
        }
        Set<String> handlers = new LinkedHashSet<>();
        Set<String> limits = new LinkedHashSet<>();
        for (PlannedResource r : g.instances.values()) {
            Object h = r.resource().raw().get("handler");
            if (h != null) {
                handlers.add(String.valueOf(h));
            }
            Object mem = r.resource().raw().get("memory_size");
            Object timeout = r.resource().raw().get("timeout");
            limits.add((mem == null ? "" : mem + " MB") + (timeout == null ? "" : ", " + timeout + " s"));
        }
        t.todo(g.key, "port the handler" + (handlers.size() == 1 ? " " : "s ") + String.join(", ", handlers)
                + " to the Azure Functions Python programming model and deploy the package (zip deploy); memory and timeout ("
                + String.join("; ", limits) + ") are plan and host.json settings, not arguments", app.file, app.address());
    }
}
