package dev.cloudshift.data.copy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;

/**
 * Writes rows in PostgreSQL's {@code COPY ... FROM STDIN} text format straight into a reusable byte buffer:
 * tab between columns, newline after a row, {@code \N} for NULL, and backslash escapes for backslash, tab,
 * newline and carriage return inside values. Strings are encoded to UTF-8 by hand, without an intermediate
 * {@code byte[]} per value; {@code byte[]} values are written as bytea hex ({@code \\x00ff}).
 *
 * <p>Text containing U+0000 cannot be stored in PostgreSQL; {@link #hasNul(CharSequence)} lets the caller reject
 * it before it reaches the server.
 */
public final class PgCopyTextEncoder {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] buf;
    private int len;
    private boolean nul;

    public PgCopyTextEncoder(int initialCapacity) {
        buf = new byte[Math.max(64, initialCapacity)];
    }

    public byte[] buffer() {
        return buf;
    }

    public int length() {
        return len;
    }

    public void reset() {
        len = 0;
    }

    /**
     * Appends one row. Returns -1, or the index of a text column holding U+0000 (which PostgreSQL cannot store):
     * the row is then left out of the buffer entirely and the caller rejects it.
     */
    public int writeRow(Object[] values) {
        int rowStart = len;
        nul = false;
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                put((byte) '\t');
            }
            writeValue(values[i]);
            if (nul) {
                len = rowStart;
                nul = false;
                return i;
            }
        }
        put((byte) '\n');
        return -1;
    }

    void writeValue(Object v) {
        if (v == null) {
            ensure(2);
            buf[len++] = '\\';
            buf[len++] = 'N';
        } else if (v instanceof String s) {
            writeText(s);
        } else if (v instanceof byte[] b) {
            writeBytea(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            writeLong(((Number) v).longValue());
        } else if (v instanceof Boolean b) {
            put(b ? (byte) 't' : (byte) 'f');
        } else if (v instanceof Double d) {
            writeAscii(doubleText(d));
        } else if (v instanceof Float f) {
            writeAscii(floatText(f));
        } else if (v instanceof BigDecimal d) {
            writeDecimal(d);
        } else if (v instanceof java.time.LocalDateTime t && t.getYear() >= 0 && t.getYear() <= 9999) {
            writeDate(t.getYear(), t.getMonthValue(), t.getDayOfMonth());
            put((byte) ' ');
            writeTime(t.getHour(), t.getMinute(), t.getSecond(), t.getNano());
        } else if (v instanceof java.time.LocalDate d && d.getYear() >= 0 && d.getYear() <= 9999) {
            writeDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        } else if (v instanceof TemporalAccessor) {
            String t = TemporalText.format(v);
            writeText(t != null ? t : v.toString());
        } else {
            writeText(v.toString());
        }
    }

    static String doubleText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return Double.toString(d);
    }

    static String floatText(float f) {
        if (Float.isNaN(f)) {
            return "NaN";
        }
        if (Float.isInfinite(f)) {
            return f > 0 ? "Infinity" : "-Infinity";
        }
        return Float.toString(f);
    }

    /** True when the text holds U+0000, which PostgreSQL text types cannot store. */
    public static boolean hasNul(CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) == 0) {
                return true;
            }
        }
        return false;
    }

    private void writeLong(long v) {
        if (v == Long.MIN_VALUE) {
            writeAscii("-9223372036854775808");
            return;
        }
        ensure(20);
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        int n = digitCount(v);
        int p = len + n;
        while (v >= 10) {
            buf[--p] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
        buf[--p] = (byte) ('0' + (int) v);
        len += n;
    }

    /** Decimal digits of a non-negative long. */
    private static int digitCount(long v) {
        int n = 1;
        long limit = 10;
        while (n < 19 && v >= limit) {
            n++;
            limit *= 10;
        }
        return n;
    }

    /**
     * The same text as {@link BigDecimal#toString()}, without building a String for the common plain case: an
     * unscaled value of at most 18 digits and a scale between 0 and 18 whose toString has no exponent.
     */
    private void writeDecimal(BigDecimal d) {
        int scale = d.scale();
        int precision = d.precision();
        if (scale < 0 || scale > 18 || precision > 18 || precision - scale - 1 < -6) {
            writeAscii(d.toString());
            return;
        }
        long unscaled = d.unscaledValue().longValue();
        ensure(precision + 22);
        if (unscaled < 0) {
            buf[len++] = '-';
            unscaled = -unscaled;
        }
        if (scale == 0) {
            writeLong(unscaled);
            return;
        }
        int digits = digitCount(unscaled);
        int intDigits = digits - scale;
        if (intDigits <= 0) {
            buf[len++] = '0';
            buf[len++] = '.';
            for (int i = intDigits; i < 0; i++) {
                buf[len++] = '0';
            }
            int p = len + digits;
            for (int i = 0; i < digits; i++) {
                buf[--p] = (byte) ('0' + (int) (unscaled % 10));
                unscaled /= 10;
            }
            len += digits;
            return;
        }
        int p = len + digits + 1;
        for (int i = 0; i < scale; i++) {
            buf[--p] = (byte) ('0' + (int) (unscaled % 10));
            unscaled /= 10;
        }
        buf[--p] = '.';
        for (int i = 0; i < intDigits; i++) {
            buf[--p] = (byte) ('0' + (int) (unscaled % 10));
            unscaled /= 10;
        }
        len += digits + 1;
    }

    /** yyyy-mm-dd straight into the buffer (the same text {@link TemporalText} gives, without allocating). */
    private void writeDate(int year, int month, int day) {
        ensure(10);
        digits(year, 4);
        buf[len++] = '-';
        digits(month, 2);
        buf[len++] = '-';
        digits(day, 2);
    }

    /** hh:mm:ss[.fraction without trailing zeros], as {@link TemporalText}. */
    private void writeTime(int hour, int minute, int second, int nanos) {
        ensure(18);
        digits(hour, 2);
        buf[len++] = ':';
        digits(minute, 2);
        buf[len++] = ':';
        digits(second, 2);
        if (nanos != 0) {
            int width = 9;
            while (nanos % 10 == 0) {
                nanos /= 10;
                width--;
            }
            buf[len++] = '.';
            digits(nanos, width);
        }
    }

    private void digits(int v, int width) {
        for (int i = width - 1; i >= 0; i--) {
            buf[len + i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        len += width;
    }

    private void writeAscii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void writeBytea(byte[] b) {
        ensure(3 + 2 * b.length);
        buf[len++] = '\\';
        buf[len++] = '\\';
        buf[len++] = 'x';
        for (byte x : b) {
            buf[len++] = HEX[(x >> 4) & 0xF];
            buf[len++] = HEX[x & 0xF];
        }
    }

    private void writeText(String s) {
        int n = s.length();
        ensure(n * 3 + 8);
        byte[] b = buf;
        int p = len;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> { b[p++] = '\\'; b[p++] = '\\'; }
                    case '\t' -> { b[p++] = '\\'; b[p++] = 't'; }
                    case '\n' -> { b[p++] = '\\'; b[p++] = 'n'; }
                    case '\r' -> { b[p++] = '\\'; b[p++] = 'r'; }
                    case 0 -> nul = true;
                    default -> b[p++] = (byte) c;
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xF0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                b[p++] = (byte) 0xEF; // unpaired surrogate: U+FFFD, as String.getBytes would
                b[p++] = (byte) 0xBF;
                b[p++] = (byte) 0xBD;
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        len = p;
    }

    private void put(byte x) {
        ensure(1);
        buf[len++] = x;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }
}
