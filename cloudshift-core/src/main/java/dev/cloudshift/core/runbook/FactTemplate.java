package dev.cloudshift.core.runbook;

import dev.cloudshift.core.model.AttributeValues;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Fills {@code {fact}} placeholders of a rule's text from facts; a missing fact renders as {@code n/a}. */
public final class FactTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_:.-]+)}");

    private FactTemplate() {
    }

    public static String render(String text, Map<String, Object> facts) {
        if (text == null) {
            return "";
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object v = facts.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "n/a" : format(v)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String format(Object v) {
        if (v instanceof Collection<?> c) {
            return c.stream().map(FactTemplate::format).collect(Collectors.joining(", "));
        }
        BigDecimal n = AttributeValues.number(v instanceof Number ? v : null);
        if (n != null) {
            return n.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }
}
