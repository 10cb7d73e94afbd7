package dev.cloudshift.core.plan;

import java.util.List;

/** What one source resource becomes on the target cloud: a mapped service, or unmapped with the reason. */
public sealed interface TargetMapping permits TargetMapping.Mapped, TargetMapping.Unmapped {

    /**
     * @param service       target service name ({@code Azure Database for PostgreSQL flexible server})
     * @param resourceTypes target Terraform resource types, in the order they would be written
     * @param notes         caveats a migration team must know (TLS ports, SASL, tier requirements)
     * @param alternatives  other target services worth considering, each a short sentence or name
     * @param absorbedBy    when the source resource is a split-out setting of another resource (an S3 bucket's
     *                      versioning), the target type that carries it; null otherwise
     */
    record Mapped(String service, List<String> resourceTypes, List<String> notes, List<String> alternatives,
            String absorbedBy) implements TargetMapping {
        public Mapped {
            resourceTypes = List.copyOf(resourceTypes);
            notes = List.copyOf(notes);
            alternatives = List.copyOf(alternatives);
        }
    }

    /** @param reason why there is no safe equivalent; never empty */
    record Unmapped(String reason) implements TargetMapping {
    }
}
