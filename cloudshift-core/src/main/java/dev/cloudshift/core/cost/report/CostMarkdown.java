package dev.cloudshift.core.cost.report;

import dev.cloudshift.core.cost.CostEstimate;
import dev.cloudshift.core.cost.CostLine;
import dev.cloudshift.core.cost.EnvironmentCost;
import dev.cloudshift.core.cost.sizing.SizingDecision;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cost tables in Markdown, like the hand-written plans: per environment the totals and ranges of source
 * against target, a table per service on each side, the largest differences explained, what is unpriced, and
 * the assumptions used.
 */
public final class CostMarkdown {

    /** Unpriced parts listed per environment; the rest are counted (all of them are in the JSON lines). */
    static final int MAX_LISTED = 40;

    private CostMarkdown() {
    }

    public static String render(CostEstimate estimate) {
        StringBuilder sb = new StringBuilder();
        String src = estimate.sourceProviders();
        String tgt = estimate.targetProvider();
        sb.append("All figures are monthly USD at on-demand / pay-as-you-go list prices from the offline catalog "
                + "(`cloudshift catalog show`); ranges run from the low to the high usage assumption.\n\n");
        if (estimate.environments().size() > 1) {
            sb.append("| Environment | Current (").append(src).append(") | Range |");
            if (tgt != null) {
                sb.append(" Target (").append(tgt).append(") | Range |");
            }
            sb.append('\n').append(tgt != null ? "|---|---:|---:|---:|---:|\n" : "|---|---:|---:|\n");
            for (EnvironmentCost e : estimate.environments()) {
                sb.append("| ").append(e.environment()).append(" | ").append(Money.usd(e.sourceMonthlyUsd()))
                        .append(" | ").append(Money.range(e.sourceRangeUsd())).append(" |");
                if (tgt != null) {
                    sb.append(' ').append(Money.usd(e.targetMonthlyUsd())).append(" | ")
                            .append(Money.range(e.targetRangeUsd())).append(" |");
                }
                sb.append('\n');
            }
            sb.append('\n');
        }
        for (EnvironmentCost e : estimate.environments()) {
            environment(sb, e, src, tgt);
        }
        return sb.toString();
    }

    private static void environment(StringBuilder sb, EnvironmentCost e, String src, String tgt) {
        sb.append("### Environment `").append(e.environment()).append("`\n\n");
        sb.append("| | Monthly | Range |\n|---|---:|---:|\n");
        sb.append("| Current (").append(src).append(") | **").append(Money.usd(e.sourceMonthlyUsd())).append("** | ")
                .append(Money.range(e.sourceRangeUsd())).append(" |\n");
        if (tgt != null) {
            sb.append("| Target (").append(tgt).append(") | **").append(Money.usd(e.targetMonthlyUsd()))
                    .append("** | ").append(Money.range(e.targetRangeUsd())).append(" |\n");
            sb.append("| Difference | ").append(Money.signed(e.targetMonthlyUsd().subtract(e.sourceMonthlyUsd())))
                    .append(" | |\n");
        }
        sb.append('\n');
        byService(sb, "Current (" + src + ") by service", e.lines(CostLine.SOURCE));
        if (tgt != null) {
            byService(sb, "Target (" + tgt + ") by service", e.lines(CostLine.TARGET));
            differences(sb, e);
        }
        List<CostLine> unpriced = e.lines().stream().filter(CostLine::unpriced).toList();
        if (!unpriced.isEmpty()) {
            sb.append("**Unpriced** (counted as $0; refresh the catalog or add the price to price them):\n\n");
            Set<String> seen = new LinkedHashSet<>();
            for (CostLine l : unpriced) {
                seen.add("- " + l.side() + " `" + l.address() + "`"
                        + (l.component() == null || l.component().equals("-") ? "" : " " + l.component()) + ": "
                        + l.note().substring("unpriced: ".length()));
            }
            int shown = 0;
            for (String s : seen) {
                if (shown++ == MAX_LISTED) {
                    sb.append("- … and ").append(seen.size() - MAX_LISTED)
                            .append(" more (every line is in plan.json `cost` / `cloudshift cost --format json`)\n");
                    break;
                }
                sb.append(s).append('\n');
            }
            sb.append('\n');
        }
        sb.append("Assumptions:\n\n");
        for (String a : e.assumptions()) {
            sb.append("- ").append(a).append('\n');
        }
        sb.append('\n');
    }

    private static void byService(StringBuilder sb, String title, List<CostLine> lines) {
        Map<String, List<CostLine>> groups = new LinkedHashMap<>();
        for (CostLine l : lines) {
            String svc = l.service() == null || l.service().equals("-") ? "(unmapped)" : l.service();
            groups.computeIfAbsent(svc, k -> new ArrayList<>()).add(l);
        }
        sb.append("**").append(title).append("**\n\n");
        sb.append("| Service | Resources | Configuration | Monthly | Range |\n|---|---:|---|---:|---:|\n");
        Map<String, BigDecimal> typical = new HashMap<>(); // each group's total once, not once per comparison
        groups.forEach((svc, ls) -> typical.put(svc, sum(ls, 1)));
        List<Map.Entry<String, List<CostLine>>> sorted = new ArrayList<>(groups.entrySet());
        sorted.sort(Comparator.comparing((Map.Entry<String, List<CostLine>> x) -> typical.get(x.getKey())).reversed()
                .thenComparing(Map.Entry::getKey));
        List<String> freeServices = new ArrayList<>();
        Set<String> freeAddresses = new LinkedHashSet<>();
        for (var g : sorted) {
            Set<String> addrs = new LinkedHashSet<>();
            Set<String> cfg = new LinkedHashSet<>();
            boolean allFree = true;
            boolean anyUnpriced = false;
            for (CostLine l : g.getValue()) {
                addrs.add(l.address());
                if (l.sku() != null && l.unitPriceUsd() != null) {
                    cfg.add(l.sku());
                }
                allFree &= l.free();
                anyUnpriced |= l.unpriced();
            }
            if (allFree) {
                freeServices.add(g.getKey());
                freeAddresses.addAll(addrs);
                continue;
            }
            String conf = cfg.isEmpty() ? (anyUnpriced ? "unpriced" : "")
                    : String.join(", ", cfg) + (anyUnpriced ? "; partly unpriced" : "");
            sb.append("| ").append(g.getKey()).append(" | ").append(addrs.size()).append(" | ").append(conf)
                    .append(" | ").append(Money.usd(typical.get(g.getKey()))).append(" | ")
                    .append(Money.range(List.of(sum(g.getValue(), 0), sum(g.getValue(), 2)))).append(" |\n");
        }
        if (!freeServices.isEmpty()) {
            String names = freeServices.size() <= 6 ? String.join(", ", freeServices)
                    : String.join(", ", freeServices.subList(0, 6)) + " and " + (freeServices.size() - 6) + " more";
            sb.append("| No charge of their own | ").append(freeAddresses.size()).append(" | ").append(names)
                    .append(" | $0.00 | $0.00 |\n");
        }
        sb.append("| **Total** | | | **").append(Money.usd(sum(lines, 1))).append("** | ")
                .append(Money.range(List.of(sum(lines, 0), sum(lines, 2)))).append(" |\n\n");
    }

    private static void differences(StringBuilder sb, EnvironmentCost e) {
        Map<String, BigDecimal[]> per = new LinkedHashMap<>();
        for (CostLine l : e.lines()) {
            BigDecimal[] v = per.computeIfAbsent(l.address(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            int i = l.side().equals(CostLine.SOURCE) ? 0 : 1;
            v[i] = v[i].add(l.monthlyUsd());
        }
        List<Map.Entry<String, BigDecimal[]>> diffs = new ArrayList<>(per.entrySet());
        diffs.removeIf(x -> x.getValue()[0].compareTo(x.getValue()[1]) == 0);
        diffs.sort(Comparator.comparing((Map.Entry<String, BigDecimal[]> x) -> x.getValue()[1].subtract(x.getValue()[0]).abs())
                .reversed().thenComparing(Map.Entry::getKey));
        if (diffs.isEmpty()) {
            return;
        }
        sb.append("**Largest differences**\n\n");
        for (var d : diffs.subList(0, Math.min(5, diffs.size()))) {
            String addr = d.getKey();
            sb.append("- `").append(addr).append("`: ").append(Money.usd(d.getValue()[0])).append(" → ")
                    .append(Money.usd(d.getValue()[1])).append(" (").append(Money.signed(d.getValue()[1].subtract(d.getValue()[0])))
                    .append("). ").append(explain(e, addr, CostLine.SOURCE)).append(" → ")
                    .append(explain(e, addr, CostLine.TARGET)).append('.');
            boolean partial = e.lines().stream().anyMatch(l -> l.address().equals(addr) && l.unpriced());
            if (partial) {
                sb.append(" Not fully priced: the difference is incomplete until the unpriced parts get a list price.");
            }
            for (SizingDecision s : e.sizing()) {
                if (s.address().equals(addr)) {
                    sb.append(" Sizing: ").append(s.reason()).append('.');
                }
            }
            sb.append('\n');
        }
        sb.append('\n');
    }

    private static String explain(EnvironmentCost e, String address, String side) {
        List<String> parts = new ArrayList<>();
        for (CostLine l : e.lines(side)) {
            if (!l.address().equals(address)) {
                continue;
            }
            if (l.free()) {
                continue;
            }
            if (l.unitPriceUsd() != null) {
                parts.add(l.service() + " " + l.component() + " " + Money.plain(l.quantity()) + " " + l.unit() + " × $"
                        + Money.plain(l.unitPriceUsd()) + " = " + Money.usd(l.monthlyUsd()));
            } else if (l.note() != null) {
                parts.add((l.service() == null ? "" : l.service() + " ") + (l.component().equals("-") ? "" : l.component() + " ")
                        + l.note());
            }
        }
        return parts.isEmpty() ? "nothing" : String.join("; ", parts);
    }

    /** which: 0 low, 1 typical, 2 high. */
    static BigDecimal sum(List<CostLine> lines, int which) {
        BigDecimal t = BigDecimal.ZERO.setScale(2);
        for (CostLine l : lines) {
            t = t.add(which == 0 ? l.lowUsd() : which == 1 ? l.monthlyUsd() : l.highUsd());
        }
        return t;
    }
}
