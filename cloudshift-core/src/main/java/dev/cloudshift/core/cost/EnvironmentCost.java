package dev.cloudshift.core.cost;

import dev.cloudshift.core.cost.sizing.SizingDecision;
import java.math.BigDecimal;
import java.util.List;

/**
 * The cost of one environment: monthly totals and ranges for the source side and (when a target was asked
 * for) the target side, every line, the usage assumptions used, and the target SKUs chosen.
 */
public record EnvironmentCost(
        String environment,
        String targetProvider,
        BigDecimal sourceMonthlyUsd,
        BigDecimal targetMonthlyUsd,
        List<BigDecimal> sourceRangeUsd,
        List<BigDecimal> targetRangeUsd,
        List<CostLine> lines,
        List<String> assumptions,
        List<SizingDecision> sizing) {

    public EnvironmentCost {
        sourceRangeUsd = List.copyOf(sourceRangeUsd);
        targetRangeUsd = List.copyOf(targetRangeUsd);
        lines = List.copyOf(lines);
        assumptions = List.copyOf(assumptions);
        sizing = List.copyOf(sizing);
    }

    public List<CostLine> lines(String side) {
        return lines.stream().filter(l -> l.side().equals(side)).toList();
    }
}
