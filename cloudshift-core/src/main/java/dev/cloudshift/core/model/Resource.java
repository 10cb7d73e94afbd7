package dev.cloudshift.core.model;

import java.util.List;
import java.util.Map;

/**
 * One resource instance in one environment.
 *
 * @param address     Terraform address ({@code aws_subnet.private[0]}, {@code module.db.aws_db_instance.this})
 *                    or {@code compose.<service>} for compose services
 * @param type        resource type ({@code aws_db_instance}, {@code compose_postgres}, ...)
 * @param provider    {@code aws}, {@code azure}, {@code gcp} or {@code compose}
 * @param category    category from the knowledge base ({@code database}, {@code cache}, ...)
 * @param environment environment name ({@code dev}, {@code prod}, {@code default})
 * @param attributes  normalised attributes (engine, engine_version, instance_class, vcpu, memory_gb, ...):
 *                    JSON-like values only (String, Number, Boolean, List, Map, null), secrets redacted
 * @param raw         the evaluated source attributes as read (JSON-like values; unknown values are
 *                    {@code dev.cloudshift.hcl} unknowns rendered as {@code ${expr}} strings), secrets
 *                    redacted; used by translation, never printed whole
 * @param dependsOn   addresses this resource depends on (references, explicit depends_on, compose depends_on)
 * @param position    where the resource is declared
 */
public record Resource(
        String address,
        String type,
        String provider,
        String category,
        String environment,
        Map<String, Object> attributes,
        Map<String, Object> raw,
        List<String> dependsOn,
        SourcePosition position) {

    public Resource {
        // copied once, then shared by the resources later stages make from this one (FrozenMap)
        attributes = attributes == null ? Map.of() : FrozenMap.of(attributes);
        raw = raw == null ? Map.of() : FrozenMap.of(raw);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /**
     * The provider of a Terraform type from its prefix (contracts.md): {@code aws}, {@code azure} for azurerm_ and
     * azuread_, {@code gcp} for google_, otherwise the prefix itself ({@code compose}, {@code kubernetes}, {@code null}).
     */
    public static String providerOf(String type) {
        if (type.startsWith("aws_")) {
            return "aws";
        }
        if (type.startsWith("azurerm_") || type.startsWith("azuread_")) {
            return "azure";
        }
        if (type.startsWith("google_")) {
            return "gcp";
        }
        int u = type.indexOf('_');
        return u > 0 ? type.substring(0, u) : type;
    }
}
