package dev.cloudshift.data.cast;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cloudshift.data.dialect.MalformedText;
import dev.cloudshift.data.dialect.ZeroDate;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Puts a normalised source value into the Java class a target kind needs (see {@link TargetType}), checking
 * that the target can hold it: range, length, precision, NUL bytes, valid JSON/UUID. A value that does not fit
 * is rejected with a reason, never silently changed (except fractional seconds beyond the target's precision,
 * which are truncated, and decimals rounded half-up to the target's scale, as the databases themselves do).
 */
final class Coercions {

    private static final JsonFactory JSON = new JsonFactory();
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private Coercions() {
    }

    static ValueConverter forTarget(TargetType t) {
        return switch (t.kind()) {
            case BOOLEAN -> Coercions::toBoolean;
            case INTEGER -> integer(t);
            case DECIMAL -> v -> toDecimal(v, t);
            case FLOAT64 -> v -> toDouble(v, t);
            case FLOAT32 -> v -> toFloat(v, t);
            case TEXT -> v -> toText(v, t);
            case BYTES -> v -> toBytes(v, t);
            case DATE -> v -> toDate(v, t);
            case TIME -> v -> toTime(v, t);
            case TIMESTAMP -> v -> toTimestamp(v, t);
            case TIMESTAMPTZ -> v -> toTimestampTz(v, t);
            case JSON -> v -> toJson(v, t);
            case UUID -> v -> toUuid(v);
            case ARRAY -> v -> toArray(v, t);
            case TEXTLIKE -> v -> toTextLike(v, t);
            case OTHER -> v -> v instanceof ZeroDate || v instanceof MalformedText ? common(v) : v;
        };
    }

    /** ZeroDate and MalformedText reach here only when no transform dealt with them: reject. */
    private static Object common(Object v) throws RejectedValueException {
        if (v instanceof ZeroDate) {
            throw new RejectedValueException("zero date");
        }
        if (v instanceof MalformedText) {
            throw new RejectedValueException("invalid UTF-8");
        }
        return v;
    }

    // ----------------------------------------------------------------------------------------------- boolean

    static Object toBoolean(Object v) throws RejectedValueException {
        if (v == null || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Long l) {
            if (l == 0) {
                return Boolean.FALSE;
            }
            if (l == 1) {
                return Boolean.TRUE;
            }
            throw new RejectedValueException("not a boolean (only 0 and 1 are)");
        }
        if (v instanceof Number n) {
            return toBoolean(integral(n, "boolean"));
        }
        if (v instanceof String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "t", "true", "1", "y", "yes", "on":
                    return Boolean.TRUE;
                case "f", "false", "0", "n", "no", "off":
                    return Boolean.FALSE;
                default:
                    throw new RejectedValueException("not a boolean");
            }
        }
        common(v);
        throw new RejectedValueException("not a boolean");
    }

    // ----------------------------------------------------------------------------------------------- numbers

    private static ValueConverter integer(TargetType t) {
        long min = t.min() == null || t.min().compareTo(LONG_MIN) < 0 ? Long.MIN_VALUE : t.min().longValueExact();
        boolean unboundedAbove = t.max() == null || t.max().compareTo(LONG_MAX) >= 0;
        long max = unboundedAbove ? Long.MAX_VALUE : t.max().longValueExact();
        BigDecimal bigMax = t.max();
        String type = t.name().base() + (t.name().unsigned() ? " unsigned" : "");
        return v -> {
            if (v == null) {
                return null;
            }
            if (v instanceof Long l) {
                if (l < min || l > max) {
                    throw new RejectedValueException("out of range for " + type);
                }
                return l;
            }
            if (v instanceof Boolean b) {
                return b ? 1L : 0L;
            }
            BigDecimal d;
            if (v instanceof BigDecimal bd) {
                d = bd;
            } else if (v instanceof Number n) {
                d = decimalOf(n);
            } else if (v instanceof String s) {
                d = parseNumber(s);
            } else {
                common(v);
                throw new RejectedValueException("not an integer");
            }
            if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
                throw new RejectedValueException("not an integer (has a fraction)");
            }
            if (unboundedAbove && bigMax != null && d.compareTo(LONG_MAX) > 0) {
                if (d.compareTo(bigMax) > 0) {
                    throw new RejectedValueException("out of range for " + type);
                }
                return d.setScale(0, RoundingMode.UNNECESSARY); // bigint unsigned beyond 2^63-1
            }
            if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw new RejectedValueException("out of range for " + type);
            }
            return d.longValue();
        };
    }

    private static BigDecimal decimalOf(Number n) throws RejectedValueException {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new RejectedValueException("NaN or infinity where a finite number is needed");
            }
            if (n instanceof Float f) {
                return new BigDecimal(Float.toString(f));
            }
            BigDecimal few = fewDecimals(d);
            return few != null ? few : new BigDecimal(Double.toString(d));
        }
        if (n instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (n instanceof BigDecimal b) {
            return b;
        }
        return BigDecimal.valueOf(n.longValue());
    }

    private static final double[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000};

    /**
     * A double in [0.001, 10^7) with 1 to 4 decimals (a price, an amount stored as REAL) as the BigDecimal that
     * {@code new BigDecimal(Double.toString(d))} gives, without formatting the double to text (a copy converts
     * millions); null for any other double. {@code c / 10^k == d} means the k-decimal number c/10^k reads back as d,
     * and in this range no other k-decimal number does, so it is the shortest form Double.toString prints.
     */
    static BigDecimal fewDecimals(double d) {
        double a = Math.abs(d);
        if (!(a >= 0.001 && a < 10_000_000)) {
            return null;
        }
        for (int k = 1; k < POWERS_OF_TEN.length; k++) {
            double m = Math.rint(d * POWERS_OF_TEN[k]);
            if (m / POWERS_OF_TEN[k] == d) {
                return BigDecimal.valueOf((long) m, k);
            }
        }
        return null;
    }

    private static BigDecimal parseNumber(String s) throws RejectedValueException {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw new RejectedValueException("not a number");
        }
    }

    private static Object integral(Number n, String what) throws RejectedValueException {
        BigDecimal d = decimalOf(n);
        if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
            throw new RejectedValueException("not a " + what);
        }
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            throw new RejectedValueException("not a " + what);
        }
    }

    private static Object toDecimal(Object v, TargetType t) throws RejectedValueException {
        if (v == null) {
            return null;
        }
        BigDecimal d;
        if (v instanceof BigDecimal bd) {
            d = bd;
        } else if (v instanceof Number n) {
            d = decimalOf(n);
        } else if (v instanceof Boolean b) {
            d = b ? BigDecimal.ONE : BigDecimal.ZERO;
        } else if (v instanceof String s) {
            d = parseNumber(s);
        } else {
            common(v);
            throw new RejectedValueException("not a number");
        }
        if (t.precision() > 0) {
            if (d.scale() > t.scale()) {
                d = d.setScale(t.scale(), RoundingMode.HALF_UP);
            }
            int integerDigits = d.precision() - d.scale();
            if (integerDigits > t.precision() - t.scale()) {
                throw new RejectedValueException("out of range for " + t.name().base() + "(" + t.precision() + ","
                        + t.scale() + ")");
            }
        }
        return d;
    }

    private static double doubleOf(Object v, TargetType t, String type) throws RejectedValueException {
        double d;
        if (v instanceof Double x) {
            d = x;
        } else if (v instanceof Float f) {
            d = Float.isFinite(f) ? Double.parseDouble(Float.toString(f)) : f; // 0.1f stays 0.1, not 0.10000000149
        } else if (v instanceof Long l) {
            d = l;
            if ((long) d != l || l == Long.MAX_VALUE) {
                throw new RejectedValueException("integer too large to be exact in " + type);
            }
        } else if (v instanceof BigDecimal b) {
            d = b.doubleValue();
            if (Double.isInfinite(d)) {
                throw new RejectedValueException("out of range for " + type);
            }
        } else if (v instanceof Number n) {
            d = n.doubleValue();
        } else if (v instanceof Boolean b) {
            d = b ? 1 : 0;
        } else if (v instanceof String s) {
            try {
                d = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new RejectedValueException("not a number");
            }
        } else {
            common(v);
            throw new RejectedValueException("not a number");
        }
        if (!t.options().nonFiniteFloats() && (Double.isNaN(d) || Double.isInfinite(d))) {
            throw new RejectedValueException("NaN or infinity, which the target cannot store");
        }
        return d;
    }

    private static Object toDouble(Object v, TargetType t) throws RejectedValueException {
        if (v == null || v instanceof Double) {
            return v instanceof Double d && !t.options().nonFiniteFloats() && !Double.isFinite(d)
                    ? doubleOf(v, t, "double") : v;
        }
        return doubleOf(v, t, "double");
    }

    private static Object toFloat(Object v, TargetType t) throws RejectedValueException {
        if (v == null) {
            return null;
        }
        if (v instanceof Float f && (t.options().nonFiniteFloats() || Float.isFinite(f))) {
            return f;
        }
        double d = doubleOf(v, t, "real");
        if (Double.isFinite(d)) {
            double a = Math.abs(d);
            if (a > Float.MAX_VALUE) {
                throw new RejectedValueException("out of range for real (single precision)");
            }
            if (a != 0 && a < Float.MIN_NORMAL) {
                throw new RejectedValueException("too small for real (single precision underflow)");
            }
        }
        return (float) d;
    }

    // ----------------------------------------------------------------------------------------------- text

    private static Object toText(Object v, TargetType t) throws RejectedValueException {
        if (v == null) {
            return null;
        }
        String s = v instanceof String str ? str : asText(v);
        checkText(s, t);
        return s;
    }

    private static Object toTextLike(Object v, TargetType t) throws RejectedValueException {
        if (v == null) {
            return null;
        }
        String s = v instanceof String str ? str : asText(v);
        if (t.options().rejectNulInText() && s.indexOf('\0') >= 0) {
            throw new RejectedValueException("NUL byte in text");
        }
        return s;
    }

    static void checkText(String s, TargetType t) throws RejectedValueException {
        if (t.options().rejectNulInText() && s.indexOf('\0') >= 0) {
            throw new RejectedValueException("NUL byte in text");
        }
        if (t.options().enforcesLength()) {
            if (t.maxChars() >= 0 && s.length() > t.maxChars() && s.codePointCount(0, s.length()) > t.maxChars()) {
                throw new RejectedValueException("longer than " + t.maxChars() + " characters");
            }
            if (t.maxBytes() >= 0 && s.length() > t.maxBytes() / 4 && utf8Length(s) > t.maxBytes()) {
                throw new RejectedValueException("longer than " + t.maxBytes() + " bytes");
            }
        }
    }

    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** Text for a non-text value: numbers plainly, temporals in ISO form with a space, bytes as UTF-8, lists as JSON. */
    static String asText(Object v) throws RejectedValueException {
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof byte[] b) {
            return strictUtf8(b, "binary value is not valid UTF-8 text");
        }
        if (v instanceof List<?> list) {
            return JsonText.write(list);
        }
        if (v instanceof ZeroDate z) {
            return z.text();
        }
        if (v instanceof MalformedText) {
            throw new RejectedValueException("invalid UTF-8");
        }
        String temporal = TemporalFormat.format(v);
        return temporal != null ? temporal : v.toString();
    }

    static String strictUtf8(byte[] b, String reason) throws RejectedValueException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new RejectedValueException(reason);
        }
    }

    private static Object toBytes(Object v, TargetType t) throws RejectedValueException {
        if (v == null) {
            return null;
        }
        byte[] b;
        if (v instanceof byte[] x) {
            b = x;
        } else if (v instanceof MalformedText m) {
            b = m.bytes();
        } else {
            b = asText(v).getBytes(StandardCharsets.UTF_8);
        }
        if (t.options().enforcesLength() && t.maxBytes() >= 0 && b.length > t.maxBytes()) {
            throw new RejectedValueException("longer than " + t.maxBytes() + " bytes");
        }
        return b;
    }

    // ----------------------------------------------------------------------------------------------- time

    /**
     * PostgreSQL's infinity and -infinity (pgjdbc reads them as the MAX and MIN of java.time): kept as the words
     * for a target that has them, rejected elsewhere; null for any other value.
     */
    private static Object infinity(Object v, TargetType t) throws RejectedValueException {
        int sign = v.equals(LocalDateTime.MAX) || v.equals(LocalDate.MAX) || v.equals(OffsetDateTime.MAX)
                || "infinity".equals(v) ? 1
                : v.equals(LocalDateTime.MIN) || v.equals(LocalDate.MIN) || v.equals(OffsetDateTime.MIN)
                || "-infinity".equals(v) ? -1 : 0;
        if (sign == 0) {
            return null;
        }
        if (!t.options().infiniteTimes()) {
            throw new RejectedValueException("infinite date or time, which the target cannot store");
        }
        return sign > 0 ? "infinity" : "-infinity";
    }

    private static Object toDate(Object v, TargetType t) throws RejectedValueException {
        if (v == null) {
            return null;
        }
        Object inf = infinity(v, t);
        if (inf != null) {
            return inf;
        }
        LocalDate d;
        if (v instanceof LocalDate x) {
            d = x;
        } else {
            LocalDateTime ts = timestampOf(v);
            if (!ts.toLocalTime().equals(LocalTime.MIDNIGHT)) {
                throw new RejectedValueException("has a time of day where the target holds a date");
            }
            d = ts.toLocalDate();
        }
        checkRange(d.atStartOfDay(), t);
        return d;
    }

    private static Object toTime(Object v, TargetType t) throws RejectedValueException {
        if (v == null) {
            return null;
        }
        LocalTime time;
        if (v instanceof LocalTime x) {
            time = x;
        } else if (v instanceof String s) {
            time = TemporalParsing.time(s);
        } else if (v instanceof LocalDateTime x) {
            time = x.toLocalTime();
        } else if (v instanceof OffsetDateTime x) {
            time = x.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime();
        } else {
            common(v);
            throw new RejectedValueException("not a time of day");
        }
        return TemporalFormat.truncate(time, t.fraction());
    }

    private static LocalDateTime timestampOf(Object v) throws RejectedValueException {
        if (v instanceof LocalDateTime x) {
            return x;
        }
        if (v instanceof LocalDate x) {
            return x.atStartOfDay();
        }
        if (v instanceof OffsetDateTime x) {
            return x.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (v instanceof String s) {
            return TemporalParsing.timestamp(s);
        }
        common(v);
        if (v instanceof Number) {
            throw new RejectedValueException("a number where a date or time is needed (no epoch rule applies)");
        }
        throw new RejectedValueException("not a date or time");
    }

    private static void checkRange(LocalDateTime ts, TargetType t) throws RejectedValueException {
        if (t.earliest() != null && ts.isBefore(t.earliest())) {
            throw new RejectedValueException("before the earliest " + t.name().base() + " the target can hold");
        }
        if (t.latest() != null && ts.isAfter(t.latest())) {
            throw new RejectedValueException("after the latest " + t.name().base() + " the target can hold");
        }
    }

    private static Object toTimestamp(Object v, TargetType t) throws RejectedValueException {
        if (v == null) {
            return null;
        }
        Object inf = infinity(v, t);
        if (inf != null) {
            return inf;
        }
        LocalDateTime ts = TemporalFormat.truncate(timestampOf(v), t.fraction());
        checkRange(ts, t);
        return ts;
    }

    private static Object toTimestampTz(Object v, TargetType t) throws RejectedValueException {
        if (v == null) {
            return null;
        }
        Object inf = infinity(v, t);
        if (inf != null) {
            return inf;
        }
        OffsetDateTime ts;
        if (v instanceof OffsetDateTime x) {
            ts = x.withOffsetSameInstant(ZoneOffset.UTC);
        } else if (v instanceof String s) {
            ts = TemporalParsing.timestampTz(s);
        } else {
            ts = timestampOf(v).atOffset(ZoneOffset.UTC); // a timestamp without zone is taken as UTC
        }
        LocalDateTime local = TemporalFormat.truncate(ts.toLocalDateTime(), t.fraction());
        checkRange(local, t);
        return local.atOffset(ts.getOffset());
    }

    // ----------------------------------------------------------------------------------------------- json, uuid

    private static Object toJson(Object v, TargetType t) throws RejectedValueException {
        if (v == null) {
            return null;
        }
        String s;
        if (v instanceof String str) {
            s = str;
            validateJson(s);
        } else if (v instanceof byte[] b) {
            s = strictUtf8(b, "JSON is not valid UTF-8");
            validateJson(s);
        } else if (v instanceof MalformedText || v instanceof ZeroDate) {
            common(v);
            return null;
        } else {
            s = JsonText.write(v);
        }
        if (t.options().rejectNulInText() && (s.indexOf('\0') >= 0 || s.contains("\\u0000"))) {
            throw new RejectedValueException("NUL character in JSON, which PostgreSQL cannot store");
        }
        return t.options().jsonAsBytes() ? s.getBytes(StandardCharsets.UTF_8) : s;
    }

    static void validateJson(String s) throws RejectedValueException {
        try (JsonParser p = JSON.createParser(s)) {
            if (p.nextToken() == null) {
                throw new RejectedValueException("invalid JSON (empty)");
            }
            p.skipChildren();
            if (p.nextToken() != null) {
                throw new RejectedValueException("invalid JSON (text after the value)");
            }
        } catch (IOException e) {
            throw new RejectedValueException("invalid JSON");
        }
    }

    private static Object toUuid(Object v) throws RejectedValueException {
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] b && b.length == 16) {
            ByteBuffer bb = ByteBuffer.wrap(b);
            return new UUID(bb.getLong(), bb.getLong()).toString();
        }
        String s = v instanceof String str ? str.trim() : v.toString();
        if (s.length() == 32 && s.indexOf('-') < 0) {
            s = s.substring(0, 8) + "-" + s.substring(8, 12) + "-" + s.substring(12, 16) + "-"
                    + s.substring(16, 20) + "-" + s.substring(20);
        }
        if (s.length() != 36 || !s.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            common(v);
            throw new RejectedValueException("not a UUID");
        }
        return s.toLowerCase(Locale.ROOT);
    }

    // ----------------------------------------------------------------------------------------------- arrays

    private static Object toArray(Object v, TargetType t) throws RejectedValueException {
        if (v == null) {
            return null;
        }
        List<?> list;
        if (v instanceof List<?> l) {
            list = l;
        } else if (v instanceof Object[] a) {
            list = List.of(a);
        } else if (v instanceof String s && s.trim().startsWith("[")) {
            Object parsed = JsonText.read(s);
            if (!(parsed instanceof List<?> l)) {
                throw new RejectedValueException("not an array");
            }
            list = l;
        } else {
            common(v);
            throw new RejectedValueException("not an array");
        }
        ValueConverter element = t.element() == null ? ValueConverter.IDENTITY : forTarget(t.element());
        List<Object> converted = convertElements(list, element);
        return switch (t.options().arrays()) {
            case "pg-literal" -> PgArrayLiteral.write(converted);
            case "object-array" -> converted.toArray();
            default -> JsonText.write(converted);
        };
    }

    private static List<Object> convertElements(List<?> list, ValueConverter element) throws RejectedValueException {
        List<Object> out = new ArrayList<>(list.size());
        for (Object e : list) {
            out.add(e instanceof List<?> nested ? convertElements(nested, element) : element.convert(e));
        }
        return out;
    }
}
