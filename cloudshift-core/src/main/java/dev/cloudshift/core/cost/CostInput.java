package dev.cloudshift.core.cost;

import dev.cloudshift.core.model.Resource;
import java.util.List;

/**
 * One resource to price, with what it maps to on the target side (from the knowledge base or a plan).
 *
 * @param resource       the normalised source resource
 * @param targetService  target service name, or null when there is no target or it is unmapped
 * @param targetTypes    target resource types ({@code azurerm_container_app}, ...), empty when unmapped
 * @param unmappedReason why there is no target equivalent, or null
 * @param absorbedBy     when the resource is a split-out setting of another target resource (a bucket's
 *                       versioning), the target type that carries it; its cost is that resource's; else null
 */
public record CostInput(Resource resource, String targetService, List<String> targetTypes, String unmappedReason,
        String absorbedBy) {

    public CostInput {
        targetTypes = targetTypes == null ? List.of() : List.copyOf(targetTypes);
    }

    public CostInput(Resource resource, String targetService, List<String> targetTypes, String unmappedReason) {
        this(resource, targetService, targetTypes, unmappedReason, null);
    }

    public static CostInput sourceOnly(Resource r) {
        return new CostInput(r, null, List.of(), null);
    }
}
