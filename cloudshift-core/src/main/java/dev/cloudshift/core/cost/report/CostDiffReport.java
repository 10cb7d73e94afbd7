package dev.cloudshift.core.cost.report;

import dev.cloudshift.core.cost.CostDiff;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a {@link CostDiff.Result} as JSON, as a pull-request comment in Markdown, or as a terminal table. */
public final class CostDiffReport {

    private CostDiffReport() {
    }

    public static String json(CostDiff.Result r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("delta_monthly_usd", r.deltaMonthlyUsd());
        root.put("before_monthly_usd", r.beforeMonthlyUsd());
        root.put("after_monthly_usd", r.afterMonthlyUsd());
        List<Object> changes = new ArrayList<>();
        for (CostDiff.Change c : r.changes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("environment", c.environment());
            m.put("address", c.address());
            m.put("before_monthly_usd", c.beforeMonthlyUsd());
            m.put("after_monthly_usd", c.afterMonthlyUsd());
            m.put("delta_monthly_usd", c.deltaMonthlyUsd());
            changes.add(m);
        }
        root.put("changes", changes);
        return CostJson.write(root);
    }

    public static String markdown(CostDiff.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append("### 💰 Monthly cost change: ").append(Money.signed(r.deltaMonthlyUsd())).append("\n\n");
        sb.append(Money.usd(r.beforeMonthlyUsd())).append(" → ").append(Money.usd(r.afterMonthlyUsd()))
                .append(" per month at list prices (CloudShift offline catalog).\n\n");
        if (r.changes().isEmpty()) {
            sb.append("No resource changes its monthly cost.\n");
            return sb.toString();
        }
        sb.append("| Environment | Resource | Before | After | Change |\n|---|---|---:|---:|---:|\n");
        for (CostDiff.Change c : r.changes()) {
            sb.append("| ").append(c.environment()).append(" | `").append(c.address()).append("` | ")
                    .append(Money.usd(c.beforeMonthlyUsd())).append(" | ").append(Money.usd(c.afterMonthlyUsd()))
                    .append(" | ").append(Money.signed(c.deltaMonthlyUsd())).append(" |\n");
        }
        return sb.toString();
    }

    public static String table(CostDiff.Result r) {
        StringBuilder sb = new StringBuilder();
        for (CostDiff.Change c : r.changes()) {
            sb.append(String.format("%-10s %-50s %12s %12s %12s%n", c.environment(), c.address(),
                    Money.usd(c.beforeMonthlyUsd()), Money.usd(c.afterMonthlyUsd()), Money.signed(c.deltaMonthlyUsd())));
        }
        sb.append("Monthly: ").append(Money.usd(r.beforeMonthlyUsd())).append(" -> ").append(Money.usd(r.afterMonthlyUsd()))
                .append(" (").append(Money.signed(r.deltaMonthlyUsd())).append(")\n");
        return sb.toString();
    }
}
