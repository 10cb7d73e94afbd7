package dev.cloudshift.core.cost.report;

import dev.cloudshift.core.cost.CostEstimate;
import dev.cloudshift.core.cost.CostLine;
import dev.cloudshift.core.cost.EnvironmentCost;
import dev.cloudshift.core.cost.sizing.SizingDecision;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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

    /** Addresses listed under "Largest differences" per environment. */
    private static final int MAX_DIFFERENCES = 5;

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
        List<CostLine> sourceLines = new ArrayList<>();
        List<CostLine> targetLines = new ArrayList<>();
        for (CostLine l : e.lines()) {
            if (l.side().equals(CostLine.SOURCE)) {
                sourceLines.add(l);
            } else if (l.side().equals(CostLine.TARGET)) {
                targetLines.add(l);
            }
        }
        int sourceUnpriced = CostLine.unpricedCount(sourceLines);
        int targetUnpriced = CostLine.unpricedCount(targetLines);
        sb.append("### Environment `").append(e.environment()).append("`\n\n");
        sb.append("| | Monthly | Range |\n|---|---:|---:|\n");
        sb.append("| Current (").append(src).append(") | **").append(Money.usd(e.sourceMonthlyUsd())).append("**")
                .append(unpricedNote(sourceUnpriced, sourceLines.size())).append(" | ")
                .append(Money.range(e.sourceRangeUsd())).append(" |\n");
        if (tgt != null) {
            sb.append("| Target (").append(tgt).append(") | **").append(Money.usd(e.targetMonthlyUsd())).append("**")
                    .append(unpricedNote(targetUnpriced, targetLines.size())).append(" | ")
                    .append(Money.range(e.targetRangeUsd())).append(" |\n");
            sb.append("| Difference | ").append(Money.signed(e.targetMonthlyUsd().subtract(e.sourceMonthlyUsd())))
                    .append(sourceUnpriced + targetUnpriced > 0 ? " (incomplete: unpriced components count as $0)" : "")
                    .append(" | |\n");
        }
        sb.append('\n');
        byService(sb, "Current (" + src + ") by service", sourceLines);
        if (tgt != null) {
            byService(sb, "Target (" + tgt + ") by service", targetLines);
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

    /** One service's lines summed once: low, typical and high totals, distinct addresses and priced SKUs. */
    private static final class ServiceGroup {
        final String service;
        BigDecimal low = BigDecimal.ZERO.setScale(2);
        BigDecimal typical = BigDecimal.ZERO.setScale(2);
        BigDecimal high = BigDecimal.ZERO.setScale(2);
        final Set<String> addresses = new HashSet<>();
        final Set<String> skus = new LinkedHashSet<>();
        boolean allFree = true;
        boolean anyUnpriced;

        ServiceGroup(String service) {
            this.service = service;
        }

        void add(CostLine l) {
            low = low.add(l.lowUsd());
            typical = typical.add(l.monthlyUsd());
            high = high.add(l.highUsd());
            addresses.add(l.address());
            if (l.sku() != null && l.unitPriceUsd() != null) {
                skus.add(l.sku());
            }
            allFree &= l.free();
            anyUnpriced |= l.unpriced();
        }
    }

    private static final Comparator<ServiceGroup> COSTLIEST_FIRST = Comparator.comparing((ServiceGroup g) -> g.typical)
            .reversed().thenComparing(g -> g.service);

    private static void byService(StringBuilder sb, String title, List<CostLine> lines) {
        Map<String, ServiceGroup> groups = new LinkedHashMap<>();
        for (CostLine l : lines) {
            String svc = l.service() == null || l.service().equals("-") ? "(unmapped)" : l.service();
            groups.computeIfAbsent(svc, ServiceGroup::new).add(l);
        }
        sb.append("**").append(title).append("**\n\n");
        sb.append("| Service | Resources | Configuration | Monthly | Range |\n|---|---:|---|---:|---:|\n");
        List<ServiceGroup> sorted = new ArrayList<>(groups.values());
        sorted.sort(COSTLIEST_FIRST);
        List<String> freeServices = new ArrayList<>();
        Set<String> freeAddresses = new HashSet<>();
        // the totals are the sums of the group sums: BigDecimal addition is exact, so the value and scale are the same
        BigDecimal low = BigDecimal.ZERO.setScale(2);
        BigDecimal typical = BigDecimal.ZERO.setScale(2);
        BigDecimal high = BigDecimal.ZERO.setScale(2);
        for (ServiceGroup g : sorted) {
            low = low.add(g.low);
            typical = typical.add(g.typical);
            high = high.add(g.high);
            if (g.allFree) {
                freeServices.add(g.service);
                freeAddresses.addAll(g.addresses);
                continue;
            }
            String conf = g.skus.isEmpty() ? (g.anyUnpriced ? "unpriced" : "")
                    : String.join(", ", g.skus) + (g.anyUnpriced ? "; partly unpriced" : "");
            sb.append("| ").append(g.service).append(" | ").append(g.addresses.size()).append(" | ").append(conf)
                    .append(" | ").append(Money.usd(g.typical)).append(" | ")
                    .append(Money.range(List.of(g.low, g.high))).append(" |\n");
        }
        if (!freeServices.isEmpty()) {
            String names = freeServices.size() <= 6 ? String.join(", ", freeServices)
                    : String.join(", ", freeServices.subList(0, 6)) + " and " + (freeServices.size() - 6) + " more";
            sb.append("| No charge of their own | ").append(freeAddresses.size()).append(" | ").append(names)
                    .append(" | $0.00 | $0.00 |\n");
        }
        sb.append("| **Total** | | | **").append(Money.usd(typical)).append("** | ")
                .append(Money.range(List.of(low, high))).append(" |\n\n");
    }

    /** An address's source and target totals, and the size of their difference (the sort key, computed once). */
    /** " (3 of 12 components unpriced)" beside a total that counts them as $0, so that it is not read as complete. */
    private static String unpricedNote(int unpriced, int components) {
        return unpriced == 0 ? "" : " (" + unpriced + " of " + components + " component" + (components == 1 ? "" : "s")
                + " unpriced)";
    }

    private record AddressDifference(String address, BigDecimal source, BigDecimal target, BigDecimal size) {
    }

    private static final Comparator<AddressDifference> LARGEST_FIRST = Comparator.comparing(AddressDifference::size)
            .reversed().thenComparing(AddressDifference::address);

    private static void differences(StringBuilder sb, EnvironmentCost e) {
        Map<String, BigDecimal[]> per = new HashMap<>();
        for (CostLine l : e.lines()) {
            BigDecimal[] v = per.computeIfAbsent(l.address(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            int i = l.side().equals(CostLine.SOURCE) ? 0 : 1;
            v[i] = v[i].add(l.monthlyUsd());
        }
        // the first five in LARGEST_FIRST order (a total order: addresses are unique), kept sorted while scanning
        List<AddressDifference> largest = new ArrayList<>(MAX_DIFFERENCES + 1);
        per.forEach((address, v) -> {
            if (v[0].compareTo(v[1]) == 0) {
                return;
            }
            AddressDifference d = new AddressDifference(address, v[0], v[1], v[1].subtract(v[0]).abs());
            if (largest.size() == MAX_DIFFERENCES && LARGEST_FIRST.compare(d, largest.get(MAX_DIFFERENCES - 1)) >= 0) {
                return;
            }
            int at = -Collections.binarySearch(largest, d, LARGEST_FIRST) - 1;
            largest.add(at, d);
            if (largest.size() > MAX_DIFFERENCES) {
                largest.remove(MAX_DIFFERENCES);
            }
        });
        if (largest.isEmpty()) {
            return;
        }
        // the lines of the listed addresses, in line order, gathered in one pass
        Map<String, List<CostLine>> linesOf = new HashMap<>();
        largest.forEach(d -> linesOf.put(d.address(), new ArrayList<>()));
        for (CostLine l : e.lines()) {
            List<CostLine> own = linesOf.get(l.address());
            if (own != null) {
                own.add(l);
            }
        }
        sb.append("**Largest differences**\n\n");
        for (AddressDifference d : largest) {
            String addr = d.address();
            List<CostLine> lines = linesOf.get(addr);
            sb.append("- `").append(addr).append("`: ").append(Money.usd(d.source())).append(" → ")
                    .append(Money.usd(d.target())).append(" (").append(Money.signed(d.target().subtract(d.source())))
                    .append("). ").append(explain(lines, CostLine.SOURCE)).append(" → ")
                    .append(explain(lines, CostLine.TARGET)).append('.');
            boolean partial = lines.stream().anyMatch(CostLine::unpriced);
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

    /** The priced parts of one address's lines on one side. */
    private static String explain(List<CostLine> addressLines, String side) {
        List<String> parts = new ArrayList<>();
        for (CostLine l : addressLines) {
            if (!l.side().equals(side)) {
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
}
