package dev.cloudshift.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceTest {

    private static Resource resource(Map<String, Object> attributes, Map<String, Object> raw) {
        return new Resource("aws_s3_bucket.logs", "aws_s3_bucket", "aws", "storage", "dev", attributes, raw, List.of(), null);
    }

    @Test
    void attributesAreAnUnmodifiableCopyInTheirOrder() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("z", 1);
        attributes.put("a", null);
        Resource r = resource(attributes, attributes);
        attributes.put("added", true);

        assertThat(r.attributes()).containsExactly(Map.entry("z", 1), new AbstractMap.SimpleEntry<>("a", null));
        Map<String, Object> same = new LinkedHashMap<>();
        same.put("a", null);
        same.put("z", 1);
        assertThat(r.attributes()).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(same).isEqualTo(r.attributes());
        assertThat(r.attributes().containsKey("a")).isTrue();
        assertThat(r.attributes().get("missing")).isNull();
        assertThatThrownBy(() -> r.attributes().put("k", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.raw().entrySet().iterator().next().setValue(2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.attributes().keySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aResourceMadeFromAnotherSharesItsMapsInsteadOfCopyingThem() {
        Resource first = resource(Map.of("engine", "postgres"), Map.of("engine", "postgres", "port", 5432));
        Resource next = new Resource(first.address(), first.type(), first.provider(), "database", "prod", first.attributes(), first.raw(),
                first.dependsOn(), first.position());

        assertThat(next.attributes()).isSameAs(first.attributes());
        assertThat(next.raw()).isSameAs(first.raw()).isEqualTo(Map.of("engine", "postgres", "port", 5432));
    }

    @Test
    void missingMapsAreEmpty() {
        Resource r = resource(null, null);
        assertThat(r.attributes()).isEmpty();
        assertThat(r.raw()).isEmpty();
    }
}
