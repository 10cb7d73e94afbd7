package dev.cloudshift.core.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hours to move one resource, from catalog/effort.yaml: the base hours of its type (or category) times every
 * complexity factor whose condition holds on its facts, plus a share per further environment it exists in.
 */
public final class EffortModel {

    private final JsonNode effort;
    private final List<FactCondition> factors = new ArrayList<>();
    /** Each factor's multiplier, beside its condition in {@link #factors}. */
    private final List<BigDecimal> multipliers = new ArrayList<>();
    private final BigDecimal additionalEnvironmentFactor;

    public EffortModel(JsonNode effort) {
        this.effort = effort;
        for (JsonNode f : effort.path("factors")) {
            factors.add(FactCondition.of(f.path("when")));
            multipliers.add(f.path("factor").decimalValue());
        }
        additionalEnvironmentFactor = effort.path("additional_environment_factor").decimalValue();
    }

    /** Hours for a resource with these facts that exists in {@code environments} environments. */
    public BigDecimal hours(Map<String, Object> facts, int environments) {
        String type = String.valueOf(facts.get("type"));
        String category = String.valueOf(facts.get("category"));
        JsonNode base = effort.path("type_hours").path(type);
        if (base.isMissingNode()) {
            base = effort.path("category_hours").path(category);
        }
        if (base.isMissingNode()) {
            base = effort.path("category_hours").path("other");
        }
        BigDecimal h = base.decimalValue();
        for (int i = 0; i < factors.size(); i++) {
            if (factors.get(i).holds(facts)) {
                h = h.multiply(multipliers.get(i));
            }
        }
        BigDecimal extra = additionalEnvironmentFactor.multiply(BigDecimal.valueOf(Math.max(0, environments - 1)));
        return h.multiply(BigDecimal.ONE.add(extra));
    }

    /** Names of the complexity factors that apply to these facts. */
    public List<String> factorsApplied(Map<String, Object> facts) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : effort.path("factors")) {
            if (FactCondition.holds(f.path("when"), facts)) {
                out.add(f.path("name").asText());
            }
        }
        return out;
    }

    public String role(String category) {
        return effort.path("roles").path(category).asText("developer");
    }

    public BigDecimal translationTodoHours() {
        return effort.path("translation_todo_hours").decimalValue();
    }

    /** Whole days for these hours per role with the team shape of the data (at least one day). */
    public int days(Map<String, BigDecimal> hoursByRole) {
        BigDecimal perDay = effort.path("team").path("hours_per_day").decimalValue();
        int days = 1;
        for (Map.Entry<String, BigDecimal> e : hoursByRole.entrySet()) {
            int people = Math.max(1, effort.path("team").path("people").path(e.getKey()).asInt(1));
            int d = e.getValue().divide(perDay.multiply(BigDecimal.valueOf(people)), 0, RoundingMode.CEILING).intValue();
            days = Math.max(days, d);
        }
        return days;
    }

    /** The team shape: role -> people, for the roles that have work. */
    public Map<String, Integer> team(java.util.Collection<String> roles) {
        Map<String, Integer> out = new LinkedHashMap<>();
        effort.path("team").path("people").fields().forEachRemaining(e -> {
            if (roles.contains(e.getKey())) {
                out.put(e.getKey(), e.getValue().asInt());
            }
        });
        for (String r : roles) {
            out.putIfAbsent(r, 1);
        }
        return out;
    }

    /** Low and high end of a total, rounded to the data's step. */
    public List<Integer> range(BigDecimal total) {
        JsonNode r = effort.path("range");
        int step = Math.max(1, r.path("round_to_hours").asInt(5));
        return List.of(round(total.multiply(r.path("low_factor").decimalValue()), step, RoundingMode.FLOOR),
                round(total.multiply(r.path("high_factor").decimalValue()), step, RoundingMode.CEILING));
    }

    private static int round(BigDecimal v, int step, RoundingMode mode) {
        BigDecimal s = BigDecimal.valueOf(step);
        return Math.max(step, v.divide(s, 0, mode).multiply(s).intValue());
    }

    /** Hours rounded to a half hour for display. */
    static BigDecimal half(BigDecimal h) {
        BigDecimal r = h.multiply(BigDecimal.valueOf(2)).setScale(0, RoundingMode.HALF_UP).divide(BigDecimal.valueOf(2))
                .stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }
}
