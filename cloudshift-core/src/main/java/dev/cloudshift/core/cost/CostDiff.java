package dev.cloudshift.core.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monthly cost change between two states of a project (for a pull request): per resource address and
 * environment, before, after and delta of one side (the source side unless a target was priced).
 */
public final class CostDiff {

    /**
     * One resource whose monthly cost changed (added resources have before 0, removed ones after 0); resources
     * added or removed at no cost are not changes.
     */
    public record Change(String environment, String address, BigDecimal beforeMonthlyUsd, BigDecimal afterMonthlyUsd,
            BigDecimal deltaMonthlyUsd) {
    }

    /** The whole change: total delta, before and after totals, and the changes in address order. */
    public record Result(BigDecimal beforeMonthlyUsd, BigDecimal afterMonthlyUsd, BigDecimal deltaMonthlyUsd,
            List<Change> changes) {
        public Result {
            changes = List.copyOf(changes);
        }
    }

    private CostDiff() {
    }

    public static Result compare(CostEstimate before, CostEstimate after, String side) {
        Map<String, BigDecimal> b = perAddress(before, side);
        Map<String, BigDecimal> a = perAddress(after, side);
        Map<String, Boolean> keys = new LinkedHashMap<>();
        b.keySet().forEach(k -> keys.put(k, true));
        a.keySet().forEach(k -> keys.put(k, true));
        List<Change> changes = new ArrayList<>();
        BigDecimal tb = BigDecimal.ZERO.setScale(2);
        BigDecimal ta = BigDecimal.ZERO.setScale(2);
        for (String k : keys.keySet()) {
            BigDecimal x = b.getOrDefault(k, BigDecimal.ZERO.setScale(2));
            BigDecimal y = a.getOrDefault(k, BigDecimal.ZERO.setScale(2));
            tb = tb.add(x);
            ta = ta.add(y);
            if (x.compareTo(y) != 0) {
                int bar = k.indexOf('|');
                changes.add(new Change(k.substring(0, bar), k.substring(bar + 1), x, y, y.subtract(x)));
            }
        }
        changes.sort(java.util.Comparator.comparing(Change::environment).thenComparing(Change::address));
        return new Result(tb, ta, ta.subtract(tb), changes);
    }

    private static Map<String, BigDecimal> perAddress(CostEstimate e, String side) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (EnvironmentCost env : e.environments()) {
            for (CostLine l : env.lines(side)) {
                m.merge(env.environment() + "|" + l.address(), l.monthlyUsd(), BigDecimal::add);
            }
        }
        return m;
    }
}
