package dev.cloudshift.data.cast;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/** ISO text for temporal values (space between date and time, seconds always, fraction only as needed). */
final class TemporalFormat {

    private static final int[] POW10 = {1_000_000_000, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000,
        100, 10, 1};

    private TemporalFormat() {
    }

    /** Text for a temporal value, or null for anything else. */
    static String format(Object v) {
        if (v instanceof LocalDateTime t) {
            return date(new StringBuilder(32), t.toLocalDate()).append(' ').append(time(t.toLocalTime())).toString();
        }
        if (v instanceof OffsetDateTime t) {
            String off = t.getOffset().getId();
            return date(new StringBuilder(40), t.toLocalDate()).append(' ').append(time(t.toLocalTime()))
                    .append("Z".equals(off) ? "+00:00" : off).toString();
        }
        if (v instanceof LocalDate d) {
            return date(new StringBuilder(10), d).toString();
        }
        if (v instanceof LocalTime t) {
            return time(t);
        }
        return null;
    }

    private static StringBuilder date(StringBuilder sb, LocalDate d) {
        return sb.append(d);
    }

    private static String time(LocalTime t) {
        String s = t.toString(); // HH:mm, HH:mm:ss or HH:mm:ss.fff...
        return s.length() == 5 ? s + ":00" : s;
    }

    /** Drops fractional-second digits beyond {@code digits} (0..9). */
    static LocalTime truncate(LocalTime t, int digits) {
        int keep = POW10[Math.max(0, Math.min(9, digits))];
        int nanos = t.getNano();
        return nanos % keep == 0 ? t : t.withNano(nanos - nanos % keep);
    }

    static LocalDateTime truncate(LocalDateTime t, int digits) {
        int keep = POW10[Math.max(0, Math.min(9, digits))];
        int nanos = t.getNano();
        return nanos % keep == 0 ? t : t.withNano(nanos - nanos % keep);
    }
}
