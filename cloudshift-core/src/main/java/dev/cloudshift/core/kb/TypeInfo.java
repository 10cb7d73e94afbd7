package dev.cloudshift.core.kb;

import java.util.List;
import java.util.Map;

/**
 * What the knowledge base knows about one resource type.
 *
 * @param type             resource type ({@code aws_db_instance}, {@code compose_redis})
 * @param provider         {@code aws}, {@code azure}, {@code gcp} or {@code compose}
 * @param category         one of the agreed categories ({@code database}, {@code cache}, ...)
 * @param service          human service name ({@code Amazon RDS})
 * @param serviceVariantBy the normalised attribute that picks a more precise service name ({@code engine},
 *                         {@code tier}), or null when the type has one name
 * @param serviceVariants  service names per value of that attribute ({@code postgres} -> {@code RDS PostgreSQL})
 * @param attributes       the normalised attribute names this type's rules produce
 * @param source           where it is defined ({@code catalog/types/aws.yaml:120})
 */
public record TypeInfo(String type, String provider, String category, String service, String serviceVariantBy,
                       Map<String, String> serviceVariants, List<String> attributes, String source) {

    public TypeInfo {
        serviceVariants = Map.copyOf(serviceVariants);
        attributes = List.copyOf(attributes);
    }

    /** The service name for a value of {@link #serviceVariantBy()}, falling back to {@link #service()}. */
    public String serviceFor(String variant) {
        return variant == null ? service : serviceVariants.getOrDefault(variant, service);
    }
}
