package dev.cloudshift.core.plan;

import dev.cloudshift.core.model.Resource;
import java.util.List;
import java.util.Map;

/**
 * One resource instance of one environment in a plan: the normalised source resource (secrets already
 * redacted at ingest), its validated dependency edges and its target mapping.
 *
 * @param resource      the normalised resource; its {@code dependsOn} is the validated edge list
 * @param sourceService the human name of the source service ({@code RDS PostgreSQL}, {@code ECS Fargate})
 * @param mapping       where it goes on the target cloud
 */
public record PlannedResource(Resource resource, String sourceService, TargetMapping mapping) {

    public String address() {
        return resource.address();
    }

    public String type() {
        return resource.type();
    }

    public String provider() {
        return resource.provider();
    }

    public String category() {
        return resource.category();
    }

    public String environment() {
        return resource.environment();
    }

    public Map<String, Object> attributes() {
        return resource.attributes();
    }

    public List<String> dependsOn() {
        return resource.dependsOn();
    }

    public boolean mapped() {
        return mapping instanceof TargetMapping.Mapped;
    }
}
