package dev.cloudshift.core.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Testing a condition's first fact once per distinct value gives what testing every set of facts gives. */
class FactColumnTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void firstFactOverAColumnAgreesWithHoldsOnEveryFactSet() throws Exception {
        List<String> conditions = List.of(
                "{category: database, store: true}",
                "{category: [database, cache], production: true}",
                "{engine: {matches: \"^aurora-\"}}",
                "{storage_gb: {gte: 100}, category: database}",
                "{storage_gb: 100}",
                "{storage_gb: {present: false}}",
                "{multi_az: false, store: true}",
                "{tags: {ne: prod}}",
                "{tags: prod}",
                "{public: {in: [true, \"yes\"]}}",
                "{category: {not_in: [network]}, any: [{engine: postgres}, {engine: mysql}]}",
                "{replicas: {gt: 1.5}}");
        Object[] categories = {"database", "cache", "network", null};
        Object[] engines = {"postgres", "mysql", "aurora-postgresql", "redis", null, 5};
        Object[] sizes = {100, 100L, new BigDecimal("100"), new BigDecimal("100.0"), "100", " 100 ", 20, "big", null};
        Object[] booleans = {true, false, "true", null};
        Object[] tags = {List.of("prod", "eu"), List.of("dev"), "prod", Map.of("env", "prod"), null};
        Random random = new Random(42);
        List<Map<String, Object>> facts = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Map<String, Object> f = new HashMap<>();
            put(f, "category", categories[random.nextInt(categories.length)], random);
            put(f, "engine", engines[random.nextInt(engines.length)], random);
            put(f, "storage_gb", sizes[random.nextInt(sizes.length)], random);
            put(f, "store", booleans[random.nextInt(booleans.length)], random);
            put(f, "production", booleans[random.nextInt(booleans.length)], random);
            put(f, "multi_az", booleans[random.nextInt(booleans.length)], random);
            put(f, "public", booleans[random.nextInt(booleans.length)], random);
            put(f, "tags", tags[random.nextInt(tags.length)], random);
            put(f, "replicas", sizes[random.nextInt(sizes.length)], random);
            facts.add(f);
        }
        for (String yaml : conditions) {
            JsonNode when = YAML.readTree(yaml);
            FactCondition condition = FactCondition.of(when);
            String first = condition.firstFact();
            assertThat(first).as(yaml).isEqualTo(when.fieldNames().next().equals("any") ? null : when.fieldNames().next());
            boolean[] firstHolds = FactColumn.of(facts, first).test(condition::firstHolds);
            int holding = 0;
            for (int i = 0; i < facts.size(); i++) {
                boolean expected = condition.holds(facts.get(i));
                assertThat(firstHolds[i] && condition.restHolds(facts.get(i))).as(yaml + " on " + facts.get(i))
                        .isEqualTo(expected);
                holding += expected ? 1 : 0;
            }
            assertThat(holding).as(yaml + " holds on some but not all").isBetween(1, facts.size() - 1);
        }
    }

    /** Missing about one time in five, so that a missing fact and a null one are both tested. */
    private static void put(Map<String, Object> f, String key, Object value, Random random) {
        if (random.nextInt(5) > 0) {
            f.put(key, value);
        }
    }
}
