package dev.cloudshift.core.cost.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/** USD amounts as people read them: {@code $1,234.50}, ranges {@code $251.00–$336.00}. */
final class Money {

    private Money() {
    }

    static String usd(BigDecimal v) {
        if (v == null) {
            return "-";
        }
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        String s = f.format(v.setScale(2, RoundingMode.HALF_UP));
        return s.startsWith("-") ? "-$" + s.substring(1) : "$" + s;
    }

    static String range(List<BigDecimal> r) {
        if (r == null || r.size() != 2) {
            return "-";
        }
        return r.get(0).compareTo(r.get(1)) == 0 ? usd(r.get(0)) : usd(r.get(0)) + "–" + usd(r.get(1));
    }

    static String signed(BigDecimal v) {
        return v.signum() > 0 ? "+" + usd(v) : usd(v);
    }

    static String plain(BigDecimal v) {
        return v == null ? "-" : v.stripTrailingZeros().toPlainString();
    }
}
