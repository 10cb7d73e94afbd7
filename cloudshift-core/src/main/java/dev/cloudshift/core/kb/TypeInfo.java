package dev.cloudshift.core.kb;

import java.util.List;
import java.util.Map;

/**
 * What the knowledge base knows about one resource type.
 *
 * @param type            resource type ({@code aws_db_instance}, {@code compose_redis})
 * @param provider        {@code aws}, {@code azure}, {@code gcp} or {@code compose}
 * @param category        one of the agreed categories ({@code database}, {@code cache}, ...)
 * @param service         human service name ({@code Amazon RDS})
 * @param serviceByEngine service names per normalised engine ({@code postgres} -> {@code RDS PostgreSQL})
 * @param attributes      the normalised attribute names this type's rules produce
 * @param source          where it is defined ({@code catalog/types/aws.yaml:120})
 */
public record TypeInfo(String type, String provider, String category, String service,
                       Map<String, String> serviceByEngine, List<String> attributes, String source) {

    public TypeInfo {
        serviceByEngine = Map.copyOf(serviceByEngine);
        attributes = List.copyOf(attributes);
    }

    /** The service name for an engine, falling back to {@link #service()}. */
    public String serviceFor(String engine) {
        return engine == null ? service : serviceByEngine.getOrDefault(engine, service);
    }
}
