package dev.cloudshift.core.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayeredFactsTest {

    @Test
    void readsAsTheCopiedMapWould() {
        Map<String, Object> estate = new LinkedHashMap<>();
        estate.put("target", "azure");
        estate.put("environments", 2);
        estate.put("engine", "from-estate");
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("engine", "postgres");
        attributes.put("multi_az", null);
        attributes.put("storage_gb", 100);
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("address", "aws_db_instance.main");
        own.put("target", "gcp");

        Map<String, Object> copied = new LinkedHashMap<>(estate);
        copied.putAll(attributes);
        copied.putAll(own);
        LayeredFacts layered = new LayeredFacts(new LinkedHashMap<>(own), attributes, estate);

        for (String key : new ArrayList<>(copied.keySet())) {
            assertThat(layered.get(key)).as(key).isEqualTo(copied.get(key));
            assertThat(layered.containsKey(key)).as(key).isTrue();
        }
        assertThat(layered.get("missing")).isNull();
        assertThat(layered.containsKey("missing")).isFalse();
        assertThat(layered.containsKey("multi_az")).as("a null attribute is still present").isTrue();
        assertThat(layered.get("engine")).isEqualTo("postgres");
        assertThat(layered.get("target")).isEqualTo("gcp");
        assertThat(new ArrayList<>(layered.entrySet())).isEqualTo(new ArrayList<>(copied.entrySet()));
        assertThat(layered).isEqualTo(copied);

        assertThat(layered.put("downtime_note", "x")).isNull();
        assertThat(layered.put("engine", "mysql")).isEqualTo("postgres");
        assertThat(layered.get("engine")).isEqualTo("mysql");
        assertThat(attributes.get("engine")).as("shared layers are never written").isEqualTo("postgres");
    }
}
