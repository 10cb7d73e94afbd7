package dev.cloudshift.data.copy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;

/**
 * ISO-8601 text for date/time values that every target parses the same way: a space between date and time,
 * seconds always present, fractions only as long as needed (up to nanoseconds), offsets as {@code +hh:mm}.
 * ({@code LocalDateTime.toString()} drops zero seconds and writes {@code Z}, which not every database reads.)
 */
public final class TemporalText {
    private TemporalText() {
    }

    /** The text for a temporal value, or null when {@code v} is not one this class formats. */
    public static String format(Object v) {
        if (v instanceof LocalDateTime t) {
            StringBuilder sb = new StringBuilder(32);
            date(sb, t.toLocalDate()).append(' ');
            return time(sb, t.toLocalTime()).toString();
        }
        if (v instanceof OffsetDateTime t) {
            StringBuilder sb = new StringBuilder(40);
            date(sb, t.toLocalDate()).append(' ');
            time(sb, t.toLocalTime());
            return offset(sb, t.getOffset().getTotalSeconds()).toString();
        }
        if (v instanceof LocalDate d) {
            return date(new StringBuilder(10), d).toString();
        }
        if (v instanceof LocalTime t) {
            return time(new StringBuilder(18), t).toString();
        }
        if (v instanceof OffsetTime t) {
            return offset(time(new StringBuilder(24), t.toLocalTime()), t.getOffset().getTotalSeconds()).toString();
        }
        return null;
    }

    private static StringBuilder date(StringBuilder sb, LocalDate d) {
        int y = d.getYear();
        if (y < 0 || y > 9999) {
            return sb.append(d); // out of the four-digit range: java's own form, let the target judge
        }
        pad(sb, y, 4).append('-');
        pad(sb, d.getMonthValue(), 2).append('-');
        return pad(sb, d.getDayOfMonth(), 2);
    }

    private static StringBuilder time(StringBuilder sb, LocalTime t) {
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        pad(sb, t.getSecond(), 2);
        int nanos = t.getNano();
        if (nanos != 0) {
            sb.append('.');
            int digits = 9;
            while (nanos % 10 == 0) {
                nanos /= 10;
                digits--;
            }
            pad(sb, nanos, digits);
        }
        return sb;
    }

    private static StringBuilder offset(StringBuilder sb, int totalSeconds) {
        sb.append(totalSeconds < 0 ? '-' : '+');
        int a = Math.abs(totalSeconds);
        pad(sb, a / 3600, 2).append(':');
        pad(sb, (a / 60) % 60, 2);
        if (a % 60 != 0) {
            sb.append(':');
            pad(sb, a % 60, 2);
        }
        return sb;
    }

    private static StringBuilder pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }
}
