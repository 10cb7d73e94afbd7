package dev.cloudshift.core.cost.usage;

import java.math.BigDecimal;

/** A usage assumption: the low, typical and high monthly figure (all equal for an exact figure). */
public record UsageRange(BigDecimal low, BigDecimal typical, BigDecimal high) {

    public static UsageRange exact(BigDecimal v) {
        return new UsageRange(v, v, v);
    }

    public boolean isExact() {
        return low.compareTo(high) == 0 && low.compareTo(typical) == 0;
    }

    @Override
    public String toString() {
        return isExact() ? typical.stripTrailingZeros().toPlainString()
                : low.stripTrailingZeros().toPlainString() + ".." + high.stripTrailingZeros().toPlainString()
                        + " (typical " + typical.stripTrailingZeros().toPlainString() + ")";
    }
}
