package dev.cloudshift.core.cost.report;

import dev.cloudshift.core.cost.CostEstimate;
import dev.cloudshift.core.cost.CostLine;
import dev.cloudshift.core.cost.EnvironmentCost;
import java.util.ArrayList;
import java.util.List;

/** The plain-text table for the terminal: one block per environment, one row per line, totals at the end. */
public final class CostTable {

    private CostTable() {
    }

    public static String render(CostEstimate estimate) {
        StringBuilder sb = new StringBuilder();
        for (EnvironmentCost e : estimate.environments()) {
            sb.append("Environment ").append(e.environment()).append('\n');
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"SIDE", "ADDRESS", "SERVICE", "COMPONENT", "QUANTITY", "UNIT", "UNIT PRICE", "MONTHLY", "NOTE"});
            for (CostLine l : e.lines()) {
                rows.add(new String[] {l.side(), l.address(), l.service() == null ? "-" : l.service(), l.component(),
                    Money.plain(l.quantity()), l.unit() == null ? "-" : l.unit(),
                    l.unitPriceUsd() == null ? "-" : "$" + Money.plain(l.unitPriceUsd()), Money.usd(l.monthlyUsd()),
                    l.note() == null ? "" : l.note()});
            }
            int[] w = new int[rows.get(0).length];
            for (String[] r : rows) {
                for (int i = 0; i < r.length; i++) {
                    w[i] = Math.max(w[i], r[i].length());
                }
            }
            for (String[] r : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < r.length; i++) {
                    boolean right = i == 4 || i == 6 || i == 7;
                    String cell = r[i];
                    String pad = " ".repeat(w[i] - cell.length());
                    line.append(right ? pad + cell : cell + (i == r.length - 1 ? "" : pad)).append(i == r.length - 1 ? "" : "  ");
                }
                sb.append(line.toString().stripTrailing()).append('\n');
            }
            sb.append("Current (").append(estimate.sourceProviders()).append("): ").append(Money.usd(e.sourceMonthlyUsd()))
                    .append(" per month (range ").append(Money.range(e.sourceRangeUsd())).append(")\n");
            if (e.targetProvider() != null) {
                sb.append("Target (").append(e.targetProvider()).append("): ").append(Money.usd(e.targetMonthlyUsd()))
                        .append(" per month (range ").append(Money.range(e.targetRangeUsd())).append(")\n");
            }
            sb.append("Assumptions:\n");
            e.assumptions().forEach(a -> sb.append("  - ").append(a).append('\n'));
            sb.append('\n');
        }
        return sb.toString();
    }
}
