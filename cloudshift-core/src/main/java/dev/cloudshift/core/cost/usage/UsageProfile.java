package dev.cloudshift.core.cost.usage;

import java.util.Map;
import java.util.Optional;

/** The usage assumptions that apply to one environment, and the profile name they came from. */
public record UsageProfile(String name, Map<String, UsageRange> values) {

    public UsageProfile {
        values = Map.copyOf(values);
    }

    public Optional<UsageRange> get(String key) {
        return Optional.ofNullable(values.get(key));
    }
}
