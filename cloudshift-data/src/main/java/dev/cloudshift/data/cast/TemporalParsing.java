package dev.cloudshift.data.cast;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Reads dates and times stored as text (SQLite, or any text column cast to a temporal type): {@code 2024-01-02},
 * {@code 2024-01-02 03:04:05}, {@code 2024-01-02T03:04:05.123456}, optionally with {@code Z} or {@code +02:00}.
 */
final class TemporalParsing {

    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .toFormatter()
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(TIME)
            .optionalEnd()
            .optionalStart().optionalStart().appendLiteral(' ').optionalEnd()
            .appendOffset("+HH:mm", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .toFormatter()
            .withResolverStyle(java.time.format.ResolverStyle.STRICT); // 2024-02-30 is an error, not Feb 29

    private TemporalParsing() {
    }

    static LocalTime time(String s) throws RejectedValueException {
        String t = s.trim();
        int n = t.length();
        if (n >= 5 && t.charAt(2) == ':') {
            int end = timeEnd(t, 0, n);
            if (end == n) {
                return localTime(t, 0, n);
            }
        }
        try {
            return LocalTime.parse(s.trim(), TIME);
        } catch (DateTimeParseException e) {
            throw new RejectedValueException("not a time of day");
        }
    }

    /** A timestamp; one written with an offset is moved to UTC. */
    static LocalDateTime timestamp(String s) throws RejectedValueException {
        LocalDateTime fast = plain(s);
        if (fast != null) {
            return fast;
        }
        Object hand = byHand(s);
        if (hand instanceof LocalDateTime x) {
            return x;
        }
        if (hand instanceof OffsetDateTime x) {
            return x.getOffset().getTotalSeconds() == 0 ? x.toLocalDateTime()
                    : x.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        var parsed = parse(s);
        try {
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return OffsetDateTime.from(parsed).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            return LocalDateTime.from(parsed);
        } catch (java.time.DateTimeException e) {
            throw new RejectedValueException("not a date or timestamp");
        }
    }

    /** A timestamp with zone; one written without an offset is taken as UTC. */
    static OffsetDateTime timestampTz(String s) throws RejectedValueException {
        LocalDateTime fast = plain(s);
        if (fast != null) {
            return fast.atOffset(ZoneOffset.UTC);
        }
        Object hand = byHand(s);
        if (hand instanceof LocalDateTime x) {
            return x.atOffset(ZoneOffset.UTC);
        }
        if (hand instanceof OffsetDateTime x) {
            return x.getOffset().getTotalSeconds() == 0 ? x : x.withOffsetSameInstant(ZoneOffset.UTC);
        }
        var parsed = parse(s);
        try {
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return OffsetDateTime.from(parsed).withOffsetSameInstant(ZoneOffset.UTC);
            }
            return LocalDateTime.from(parsed).atOffset(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            throw new RejectedValueException("not a date or timestamp");
        }
    }

    static LocalDate date(String s) throws RejectedValueException {
        return timestamp(s).toLocalDate();
    }

    /**
     * The common shapes without a zone, {@code yyyy-MM-dd}, {@code yyyy-MM-dd HH:mm:ss} and
     * {@code yyyy-MM-ddTHH:mm:ss.f...}, read by hand (a copy of a SQLite table reads millions; the formatter is
     * several times slower); null for anything else, which goes to the full parser.
     */
    static LocalDateTime plain(String s) {
        int n = s.length();
        if (n != 10 && n < 19 || n > 29 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int y = digits(s, 0, 4);
        int mo = digits(s, 5, 7);
        int d = digits(s, 8, 10);
        if (n == 10) {
            return y < 0 || mo < 0 || d < 0 ? null : valid(y, mo, d, 0, 0, 0, 0);
        }
        char sep = s.charAt(10);
        if ((sep != ' ' && sep != 'T') || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int h = digits(s, 11, 13);
        int mi = digits(s, 14, 16);
        int sec = digits(s, 17, 19);
        int nanos = 0;
        if (n > 19) {
            if (s.charAt(19) != '.' || n == 20) {
                return null;
            }
            nanos = digits(s, 20, n);
            for (int i = n - 20; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0 || nanos < 0) {
            return null;
        }
        return valid(y, mo, d, h, mi, sec, nanos);
    }

    /**
     * The full shape by hand: {@code yyyy-MM-dd[( |T)HH:mm[:ss[.f{1,9}]]][[ ]zone]} with zone {@code Z},
     * {@code +HH:mm} or (without the space) {@code +HH}: a {@code LocalDateTime}, an {@code OffsetDateTime} when a
     * zone is written, or null for any other shape (the formatter decides those, so what is accepted does not
     * change). A well-shaped value that is not a real date or time (2024-02-30, 25:00) is rejected here.
     */
    static Object byHand(String raw) throws RejectedValueException {
        String s = raw.trim();
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int y = digits(s, 0, 4);
        int mo = digits(s, 5, 7);
        int d = digits(s, 8, 10);
        if (y < 0 || mo < 0 || d < 0) {
            return null;
        }
        int i = 10;
        int timeFrom = -1;
        int timeTo = -1;
        if (i < n && (s.charAt(i) == ' ' || s.charAt(i) == 'T') && i + 3 < n && s.charAt(i + 3) == ':') {
            timeFrom = i + 1;
            timeTo = timeEnd(s, timeFrom, n);
            if (timeTo < 0) {
                return null;
            }
            i = timeTo;
        }
        if (timeFrom < 0 && i < n) {
            return null; // a zone after a bare date, or anything else: the formatter's call
        }
        int offsetSeconds = Integer.MIN_VALUE;
        if (i < n) {
            boolean space = s.charAt(i) == ' ';
            int z = space ? i + 1 : i;
            if (z >= n) {
                return null;
            }
            char sign = s.charAt(z);
            if (sign == 'Z' && z + 1 == n) {
                offsetSeconds = 0;
            } else if ((sign == '+' || sign == '-') && (z + 6 == n && s.charAt(z + 3) == ':' || z + 3 == n && !space)) {
                int oh = digits(s, z + 1, z + 3);
                int om = z + 6 == n ? digits(s, z + 4, z + 6) : 0;
                if (oh < 0 || om < 0) {
                    return null;
                }
                if (oh > 18 || om > 59 || oh == 18 && om > 0) {
                    throw new RejectedValueException("not a date or timestamp");
                }
                offsetSeconds = (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
            } else {
                return null;
            }
        }
        LocalDate date;
        LocalTime time;
        try {
            date = LocalDate.of(y, mo, d);
        } catch (java.time.DateTimeException e) {
            throw new RejectedValueException("not a date or timestamp");
        }
        if (timeFrom < 0) {
            time = LocalTime.MIDNIGHT;
        } else {
            try {
                time = localTime(s, timeFrom, timeTo);
            } catch (RejectedValueException e) {
                throw new RejectedValueException("not a date or timestamp");
            }
        }
        LocalDateTime local = LocalDateTime.of(date, time);
        return offsetSeconds == Integer.MIN_VALUE ? local : OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    /**
     * Where a time {@code HH:mm[:ss[.f{1,9}]]} starting at {@code from} ends (the first character after it), or -1
     * when the text there has another shape.
     */
    private static int timeEnd(String s, int from, int n) {
        if (from + 5 > n || s.charAt(from + 2) != ':' || digits(s, from, from + 2) < 0 || digits(s, from + 3, from + 5) < 0) {
            return -1;
        }
        int i = from + 5;
        if (i < n && s.charAt(i) == ':') {
            if (i + 3 > n || digits(s, i + 1, i + 3) < 0) {
                return -1;
            }
            i += 3;
            if (i < n && s.charAt(i) == '.') {
                int f = i + 1;
                while (f < n && f - i <= 9 && s.charAt(f) >= '0' && s.charAt(f) <= '9') {
                    f++;
                }
                if (f == i + 1 || f - i > 9 && f < n && s.charAt(f) >= '0' && s.charAt(f) <= '9') {
                    return -1; // no digit after the point, or more than 9
                }
                i = f;
            }
        }
        return i;
    }

    /** The time in s[from, to), a shape {@link #timeEnd} accepted; rejected when it is not a time of day. */
    private static LocalTime localTime(String s, int from, int to) throws RejectedValueException {
        int h = digits(s, from, from + 2);
        int mi = digits(s, from + 3, from + 5);
        int sec = to > from + 5 ? digits(s, from + 6, from + 8) : 0;
        int nanos = 0;
        if (to > from + 9) {
            nanos = digits(s, from + 9, to);
            for (int k = to - from - 9; k < 9; k++) {
                nanos *= 10;
            }
        }
        if (h > 23 || mi > 59 || sec > 59) {
            throw new RejectedValueException("not a time of day");
        }
        return LocalTime.of(h, mi, sec, nanos);
    }

    private static LocalDateTime valid(int y, int mo, int d, int h, int mi, int sec, int nanos) {
        try {
            return LocalDateTime.of(y, mo, d, h, mi, sec, nanos);
        } catch (java.time.DateTimeException e) {
            return null; // let the full parser say what is wrong
        }
    }

    /** The number in s[from, to), or -1 when a character is not a digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static java.time.temporal.TemporalAccessor parse(String s) throws RejectedValueException {
        try {
            return TIMESTAMP.parse(s.trim());
        } catch (java.time.DateTimeException e) {
            throw new RejectedValueException("not a date or timestamp");
        }
    }
}
