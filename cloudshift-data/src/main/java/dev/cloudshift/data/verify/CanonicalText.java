package dev.cloudshift.data.verify;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The canonical text of a value, computed on the client: exactly what the {@code normalize} expressions of
 * {@code verify/postgresql.yaml} and {@code verify/mysql.yaml} compute inside the database (their header lists the
 * forms). Used for SQLite and H2 (which hash on the client), for query results and for rows fetched row by row.
 */
public final class CanonicalText {

    private static final HexFormat HEX = HexFormat.of();
    private static final DateTimeFormatter DATE_TIME_IN = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private CanonicalText() {
    }

    /** Reads column {@code index} of the current row and returns its canonical text, or null for NULL. */
    public static String read(ResultSet rs, int index, ValueKind kind) throws SQLException {
        Object v;
        switch (kind) {
            case BYTES -> v = rs.getBytes(index);
            case TIMESTAMPTZ -> {
                Object raw = rs.getObject(index);
                // bytes (a SQLite BLOB) compare as their text; the driver cannot convert them to a date-time
                v = raw instanceof java.sql.Timestamp || raw instanceof String || raw instanceof Number
                        || raw instanceof byte[] ? raw
                        : raw == null ? null : rs.getObject(index, OffsetDateTime.class);
            }
            case TIMESTAMP -> {
                Object raw = rs.getObject(index);
                v = raw instanceof java.sql.Timestamp ? ((java.sql.Timestamp) raw).toLocalDateTime() : raw;
            }
            case DATE -> {
                Object raw = rs.getObject(index);
                v = raw instanceof java.sql.Date ? ((java.sql.Date) raw).toLocalDate() : raw;
            }
            case TIME -> {
                Object raw = rs.getObject(index);
                v = raw instanceof java.sql.Time ? ((java.sql.Time) raw).toLocalTime() : raw;
            }
            default -> v = rs.getObject(index);
        }
        // getObject/getBytes return null exactly for SQL NULL; skipping wasNull() saves a driver call per value
        // (a JNI round trip on SQLite)
        return v == null ? null : of(kind, v);
    }

    /** The canonical text of a Java value read from a database, for the given kind; null for null. */
    public static String of(ValueKind kind, Object v) {
        if (v == null) {
            return null;
        }
        try {
            return switch (kind) {
                case INTEGER -> integerText(v);
                case DECIMAL -> decimalText(v);
                case FLOAT -> floatOf(v);
                case BOOLEAN -> booleanText(v);
                case TEXT, OTHER -> text(v);
                case CHAR -> stripTrailingSpaces(text(v));
                case DATE -> dateText(v);
                case TIME -> timeText(v);
                case TIMESTAMP -> timestampText(v, false);
                case TIMESTAMPTZ -> timestampText(v, true);
                case BYTES -> bytesText(v);
            };
        } catch (RuntimeException e) {
            // a value that does not parse as its declared kind (SQLite keeps anything anywhere): compare its text
            return text(v);
        }
    }

    static String text(Object v) {
        if (v instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        if (v instanceof Clob c) {
            try {
                return c.getSubString(1, (int) c.length());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        if (v instanceof Double d) {
            return floatText(d);
        }
        if (v instanceof Float f) {
            return floatText(f.doubleValue());
        }
        if (v instanceof BigDecimal d) {
            return plain(d);
        }
        return v.toString();
    }

    private static String integerText(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (v instanceof Number n) {
            return decimalText(n);
        }
        return new BigDecimal(v.toString().trim()).toBigIntegerExact().toString();
    }

    private static String decimalText(Object v) {
        BigDecimal d;
        if (v instanceof BigDecimal b) {
            d = b;
        } else if (v instanceof Double x) {
            return decimalText(x.doubleValue());
        } else if (v instanceof Float x) {
            d = new BigDecimal(Float.toString(x));
        } else if (v instanceof Number n) {
            d = new BigDecimal(n.toString());
        } else {
            String s = v.toString().trim();
            if (s.equals("NaN")) {
                return s;
            }
            d = new BigDecimal(s);
        }
        return plain(d);
    }

    /** A double read as a decimal column: its shortest digits in plain notation, trailing zeros trimmed. */
    static String decimalText(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return floatText(x);
        }
        if (x == 0) {
            return "0";
        }
        if (Math.abs(x) < Double.MIN_NORMAL) {
            return plain(new BigDecimal(searchShortestDigits(x)));
        }
        return layout(NumberOutput.toString(x, true), x < 0, true);
    }

    /** {@link #decimalText(double)} through BigDecimal: the reference the fast path is tested against. */
    static String decimalTextByBigDecimal(double x) {
        return plain(new BigDecimal(shortestDigits(x)));
    }

    private static String plain(BigDecimal d) {
        if (d.signum() == 0) {
            return "0";
        }
        return d.stripTrailingZeros().toPlainString();
    }

    private static String floatOf(Object v) {
        double d;
        if (v instanceof Float f) {
            d = f.doubleValue();
        } else if (v instanceof Number n) {
            d = n.doubleValue();
        } else {
            d = Double.parseDouble(v.toString().trim());
        }
        return floatText(d);
    }

    /**
     * A double as PostgreSQL 12+ prints float8 with {@code extra_float_digits = 1}: the shortest digits that read
     * back as the same double, in exponent form ({@code 1e-05}, {@code 1.5e+15}) when the decimal exponent is
     * below -4 or at least 15; zero (also -0) as {@code 0}.
     */
    public static String floatText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return "0";
        }
        if (Math.abs(d) < Double.MIN_NORMAL) {
            return floatTextBySearch(d);
        }
        return layout(NumberOutput.toString(d, true), d < 0, false);
    }

    /** {@link #floatText} through the exact BigDecimal search: the reference the fast path is tested against. */
    static String floatTextBySearch(double d) {
        BigDecimal stripped = new BigDecimal(searchShortestDigits(d)).stripTrailingZeros();
        int exponent = stripped.precision() - stripped.scale() - 1;
        if (exponent < -4 || exponent >= 15) {
            return exponentForm(stripped.unscaledValue().abs().toString(), exponent, d < 0);
        }
        return stripped.toPlainString();
    }

    /**
     * PostgreSQL's float8 layout of a Double.toString-style text ({@code -1.2345E-7}, {@code 123.45},
     * {@code 1.0E22}) that already holds the shortest digits: the significant digits and the decimal exponent are
     * read off the text, no arithmetic. {@code plain}: never the exponent form (decimal columns).
     */
    private static String layout(String s, boolean negative, boolean plain) {
        int end = s.indexOf('E');
        int exp10 = 0;
        if (end < 0) {
            end = s.length();
        } else {
            exp10 = Integer.parseInt(s, end + 1, s.length(), 10);
        }
        char[] digits = new char[end];
        int n = 0;
        int beforePoint = -1;
        for (int i = negative ? 1 : 0; i < end; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                beforePoint = n;
            } else {
                digits[n++] = c;
            }
        }
        if (beforePoint < 0) {
            beforePoint = n;
        }
        int first = 0;
        while (first < n && digits[first] == '0') {
            first++;
        }
        int last = n;
        while (last > first && digits[last - 1] == '0') {
            last--;
        }
        // the value is 0.<digits> * 10^(beforePoint + exp10), so its first significant digit has this exponent
        int exponent = beforePoint - first - 1 + exp10;
        String sig = new String(digits, first, last - first);
        if (!plain && (exponent < -4 || exponent >= 15)) {
            return exponentForm(sig, exponent, negative);
        }
        StringBuilder out = new StringBuilder(24);
        if (negative) {
            out.append('-');
        }
        if (exponent < 0) {
            out.append("0.");
            for (int i = -1; i > exponent; i--) {
                out.append('0');
            }
            return out.append(sig).toString();
        }
        int intDigits = exponent + 1;
        if (sig.length() <= intDigits) {
            out.append(sig);
            for (int i = sig.length(); i < intDigits; i++) {
                out.append('0');
            }
            return out.toString();
        }
        return out.append(sig, 0, intDigits).append('.').append(sig, intDigits, sig.length()).toString();
    }

    private static String exponentForm(String digits, int exponent, boolean negative) {
        StringBuilder out = new StringBuilder(24);
        if (negative) {
            out.append('-');
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            out.append('0');
        }
        return out.append(abs).toString();
    }

    /**
     * The shortest decimal (as text) that parses back to exactly {@code d}, the closest such decimal to the exact
     * binary value (what PostgreSQL's Ryu output and MariaDB's shortest-digit conversion give). Java 17's
     * {@link Double#toString} always round-trips but is sometimes a digit longer than the shortest (fixed in Java
     * 19), so normal doubles go through jackson-core's Schubfach writer (Java 19's algorithm: shortest, then
     * closest) and subnormals through the exact search below. Schubfach may prefer a closer 2-digit decimal where a
     * 1-digit one also reads back; for a normal double that cannot happen, as two distinct decimals of at most 15
     * digits (DBL_DIG) never read back as the same double.
     */
    static String shortestDigits(double d) {
        if (Math.abs(d) >= Double.MIN_NORMAL && !Double.isInfinite(d)) {
            return NumberOutput.toString(d, true);
        }
        return searchShortestDigits(d);
    }

    static String searchShortestDigits(double d) {
        BigDecimal exact = new BigDecimal(d);
        int p = new BigDecimal(Double.toString(d)).stripTrailingZeros().precision();
        BigDecimal best = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
        if (best.doubleValue() != d) {
            return Double.toString(d);
        }
        while (p > 1) {
            BigDecimal shorter = exact.round(new MathContext(p - 1, RoundingMode.HALF_EVEN));
            if (shorter.doubleValue() != d) {
                break;
            }
            best = shorter;
            p--;
        }
        return best.toString();
    }

    private static String booleanText(Object v) {
        if (v instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (v instanceof Number n) {
            return integerText(n);
        }
        String s = v.toString().trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "t", "yes", "y", "on" -> "1";
            case "false", "f", "no", "n", "off" -> "0";
            default -> integerText(s);
        };
    }

    private static String stripTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    private static String dateText(Object v) {
        LocalDate d;
        if (v instanceof LocalDate x) {
            d = x;
        } else if (v instanceof LocalDateTime x) {
            d = x.toLocalDate();
        } else if (v instanceof java.util.Date x) {
            d = Instant.ofEpochMilli(x.getTime()).atOffset(ZoneOffset.UTC).toLocalDate();
        } else if (v instanceof Number n) {
            d = Instant.ofEpochMilli(n.longValue()).atOffset(ZoneOffset.UTC).toLocalDate();
        } else {
            String s = v.toString().trim();
            d = LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        }
        return d.toString();
    }

    private static String timeText(Object v) {
        LocalTime t;
        if (v instanceof LocalTime x) {
            t = x;
        } else if (v instanceof Number n) {
            t = LocalTime.ofNanoOfDay(Math.floorMod(n.longValue(), 86_400_000L) * 1_000_000L);
        } else {
            t = LocalTime.parse(v.toString().trim());
        }
        t = t.truncatedTo(ChronoUnit.MICROS);
        return String.format(Locale.ROOT, "%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond())
                + fraction(t.getNano());
    }

    private static String timestampText(Object v, boolean withZone) {
        LocalDateTime t;
        if (v instanceof LocalDateTime x) {
            t = x;
        } else if (v instanceof OffsetDateTime x) {
            t = x.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } else if (v instanceof ZonedDateTime x) {
            t = x.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } else if (v instanceof java.sql.Timestamp x) {
            t = withZone ? x.toInstant().atOffset(ZoneOffset.UTC).toLocalDateTime() : x.toLocalDateTime();
        } else if (v instanceof Instant x) {
            t = x.atOffset(ZoneOffset.UTC).toLocalDateTime();
        } else if (v instanceof Number n) {
            // SQLite drivers store java.sql.Timestamp as milliseconds since the epoch
            t = Instant.ofEpochMilli(n.longValue()).atOffset(ZoneOffset.UTC).toLocalDateTime();
        } else {
            String fast = isoTimestamp(v.toString());
            if (fast != null) {
                return fast;
            }
            var parsed = DATE_TIME_IN.parse(v.toString().trim());
            LocalDate date = LocalDate.from(parsed);
            LocalTime time = parsed.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(parsed) : LocalTime.MIDNIGHT;
            t = LocalDateTime.of(date, time);
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                t = t.atOffset(ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
                        .withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
        }
        t = t.truncatedTo(ChronoUnit.MICROS);
        return String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond()) + fraction(t.getNano());
    }

    /** {@code yyyy-MM-dd[ T]HH:mm:ss[.f...]} without zone, straight to canonical text; null for anything else. */
    private static String isoTimestamp(String s) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != ' ' && s.charAt(10) != 'T')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        int end = 19;
        if (n > 19) {
            if (s.charAt(19) != '.') {
                return null;
            }
            for (int i = 20; i < n; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
            }
            end = Math.min(n, 26); // microseconds
            while (end > 20 && s.charAt(end - 1) == '0') {
                end--;
            }
            if (end == 20) {
                end = 19;
            }
        }
        StringBuilder b = new StringBuilder(end).append(s, 0, end);
        b.setCharAt(10, ' ');
        return b.toString();
    }

    private static String fraction(int nanos) {
        int micros = nanos / 1000;
        if (micros == 0) {
            return "";
        }
        String f = String.format(Locale.ROOT, "%06d", micros);
        int end = f.length();
        while (f.charAt(end - 1) == '0') {
            end--;
        }
        return "." + f.substring(0, end);
    }

    private static String bytesText(Object v) {
        if (v instanceof byte[] b) {
            return HEX.formatHex(b);
        }
        if (v instanceof Blob b) {
            try {
                return HEX.formatHex(b.getBytes(1, (int) b.length()));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return HEX.formatHex(v.toString().getBytes(StandardCharsets.UTF_8));
    }
}
