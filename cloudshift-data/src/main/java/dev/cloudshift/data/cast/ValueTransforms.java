package dev.cloudshift.data.cast;

import dev.cloudshift.data.dialect.ZeroDate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The value transforms a cast rule can name ({@code transform: ...}); each runs before the value is fitted to
 * the target type. Adding a name here is the only Java a new kind of cast needs.
 */
final class ValueTransforms {

    /** Names a rule file may use. */
    static final Set<String> NAMES = Set.of("none", "zero-date-to-null", "epoch-seconds", "epoch-millis",
            "sqlite-temporal", "set-to-array");

    private ValueTransforms() {
    }

    static ValueConverter named(String name) {
        return switch (name) {
            case "none" -> ValueConverter.IDENTITY;
            case "zero-date-to-null" -> v -> v instanceof ZeroDate ? null : v;
            case "epoch-seconds" -> v -> v instanceof Number n ? epoch(n, false) : v;
            case "epoch-millis" -> v -> v instanceof Number n ? epoch(n, true) : v;
            // SQLite's date functions write text; applications often store unix time instead. Numbers from
            // 1e11 up are taken as milliseconds (1e11 seconds is the year 5138), smaller ones as seconds.
            case "sqlite-temporal" -> v -> v instanceof Number n
                    ? epoch(n, Math.abs(n.doubleValue()) >= 1e11) : v;
            case "set-to-array" -> v -> v instanceof String s ? splitSet(s) : v;
            default -> throw new IllegalArgumentException("unknown transform " + name);
        };
    }

    private static Object epoch(Number n, boolean millis) throws RejectedValueException {
        BigDecimal d = n instanceof BigDecimal b ? b : n instanceof Long l ? BigDecimal.valueOf(l)
                : BigDecimal.valueOf(n.doubleValue());
        if (millis) {
            d = d.movePointLeft(3);
        }
        // to microseconds: a double holding seconds has no meaningful digits below that
        d = d.setScale(6, RoundingMode.HALF_UP);
        try {
            long seconds = d.setScale(0, RoundingMode.FLOOR).longValueExact();
            int nanos = d.subtract(BigDecimal.valueOf(seconds)).movePointRight(9).intValueExact();
            return LocalDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), ZoneOffset.UTC);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw new RejectedValueException("unix time out of range");
        }
    }

    private static List<Object> splitSet(String s) {
        List<Object> out = new ArrayList<>();
        if (s.isEmpty()) {
            return out;
        }
        for (String part : s.split(",", -1)) {
            out.add(part);
        }
        return out;
    }
}
