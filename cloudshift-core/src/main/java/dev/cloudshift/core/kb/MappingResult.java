package dev.cloudshift.core.kb;

import java.util.List;

/** Where a source resource goes on a target provider: a mapped service, or unmapped with the reason. */
public sealed interface MappingResult permits MappingResult.Mapped, MappingResult.Unmapped {

    /**
     * The target service and the Terraform resource types that implement it.
     *
     * @param service       target service name ({@code Azure Database for PostgreSQL Flexible Server})
     * @param resourceTypes target Terraform resource types, main resource first
     * @param notes         caveats a migration team must know
     * @param alternatives  other target services that could serve
     * @param absorbedBy    when the source resource is a split-out setting of another resource (an S3 bucket's
     *                      versioning), the target type that carries it as an argument; null otherwise
     */
    record Mapped(String service, List<String> resourceTypes, List<String> notes, List<String> alternatives,
                  String absorbedBy) implements MappingResult {

        public Mapped {
            resourceTypes = List.copyOf(resourceTypes);
            notes = List.copyOf(notes);
            alternatives = List.copyOf(alternatives);
        }

        public Mapped(String service, List<String> resourceTypes, List<String> notes, List<String> alternatives) {
            this(service, resourceTypes, notes, alternatives, null);
        }

        /** True when no separate target resource is created (see {@link #absorbedBy()}). */
        public boolean absorbed() {
            return absorbedBy != null;
        }
    }

    /** No safe equivalent: the reason says why and what a team should do instead. */
    record Unmapped(String reason) implements MappingResult {
    }
}
