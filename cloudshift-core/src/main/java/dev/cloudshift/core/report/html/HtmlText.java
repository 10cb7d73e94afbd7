package dev.cloudshift.core.report.html;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * Escaping and formatting for plan.html and its SVG drawings. Every piece of text that came from a project or
 * a plan goes through {@link #text}, so a resource named {@code <script>} stays visible text and can neither
 * open an element nor leave an attribute.
 */
public final class HtmlText {

    private HtmlText() {
    }

    /** Text safe in element content and in a double- or single-quoted attribute (HTML and SVG). */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '\r' -> {
                }
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        sb.append(' ');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * A value shown as code: {@code <code>escaped</code>}; empty for null or empty. Short values (identifiers,
     * addresses) are kept on one line so that table columns do not shrink to a few letters; long ones may wrap.
     */
    public static String code(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        return (s.length() <= SHORT_CODE ? "<code class=\"nb\">" : "<code>") + text(s) + "</code>";
    }

    private static final int SHORT_CODE = 36;

    /**
     * Text in which {@code `spans`} (the Markdown-flavoured sentences of the runbook catalog) become
     * {@code <code>} elements; everything else is escaped.
     */
    public static String inline(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int open = s.indexOf('`', i);
            int close = open < 0 ? -1 : s.indexOf('`', open + 1);
            if (open < 0 || close < 0) {
                sb.append(text(s.substring(i)));
                break;
            }
            sb.append(text(s.substring(i, open))).append(code(s.substring(open + 1, close)));
            i = close + 1;
        }
        return sb.toString();
    }

    /** A JSON-like scalar as people read it: numbers without trailing zeros, booleans as yes/no, null as a dash. */
    public static String value(Object v) {
        if (v == null) {
            return "–";
        }
        if (v instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (v instanceof Number n) {
            return number(n);
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder();
            for (Object o : l) {
                sb.append(sb.length() == 0 ? "" : ", ").append(value(o));
            }
            return sb.toString();
        }
        return v.toString();
    }

    /** A number without trailing zeros or exponent ({@code 2.5}, {@code 100}). */
    public static String number(Number n) {
        BigDecimal b = n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
        return b.stripTrailingZeros().toPlainString();
    }

    /** USD as people read it: {@code $1,234.50}; a dash for null. */
    public static String usd(BigDecimal v) {
        if (v == null) {
            return "–";
        }
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        String s = f.format(v.setScale(2, RoundingMode.HALF_UP));
        return s.startsWith("-") ? "-$" + s.substring(1) : "$" + s;
    }

    /** A low–high USD range, or one amount when both ends are equal; a dash when absent. */
    public static String usdRange(List<BigDecimal> r) {
        if (r == null || r.size() != 2 || r.get(0) == null || r.get(1) == null) {
            return "–";
        }
        return r.get(0).compareTo(r.get(1)) == 0 ? usd(r.get(0)) : usd(r.get(0)) + "–" + usd(r.get(1));
    }

    /** A fixed-point SVG coordinate ({@code 12.5}), locale-independent. */
    public static String px(double v) {
        return BigDecimal.valueOf(Math.round(v * 10) / 10.0).stripTrailingZeros().toPlainString();
    }

    /** {@code s} cut to {@code max} characters with an ellipsis (for SVG labels that cannot wrap). */
    public static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)) + "…";
    }

    /** A fragment identifier from free text: lower-case letters, digits and dashes. */
    public static String slug(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : (s == null ? "" : s).toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
                sb.append('-');
            }
        }
        String out = sb.toString().replaceAll("-+$", "");
        return out.isEmpty() ? "section" : out;
    }
}
