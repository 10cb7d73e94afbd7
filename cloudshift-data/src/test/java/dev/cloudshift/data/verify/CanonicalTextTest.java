package dev.cloudshift.data.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CanonicalTextTest {

    @Test
    void doublesPrintLikePostgresFloat8Out() {
        // expected texts are what PostgreSQL 15 prints for these float8 values (extra_float_digits = 1)
        assertThat(CanonicalText.floatText(0.1)).isEqualTo("0.1");
        assertThat(CanonicalText.floatText(-0.0)).isEqualTo("0");
        assertThat(CanonicalText.floatText(1e-300)).isEqualTo("1e-300");
        assertThat(CanonicalText.floatText(1.7976931348623157e308)).isEqualTo("1.7976931348623157e+308");
        assertThat(CanonicalText.floatText(1e15)).isEqualTo("1e+15");
        assertThat(CanonicalText.floatText(1e14)).isEqualTo("100000000000000");
        assertThat(CanonicalText.floatText(123456789012345.6)).isEqualTo("123456789012345.6");
        assertThat(CanonicalText.floatText(0.0001)).isEqualTo("0.0001");
        assertThat(CanonicalText.floatText(0.00001)).isEqualTo("1e-05");
        assertThat(CanonicalText.floatText(4611686018427387904.0)).isEqualTo("4.611686018427388e+18");
        assertThat(CanonicalText.floatText(5e-324)).isEqualTo("5e-324");
        assertThat(CanonicalText.floatText(-1.5e-7)).isEqualTo("-1.5e-07");
        assertThat(CanonicalText.floatText(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(CanonicalText.floatText(Double.NaN)).isEqualTo("NaN");
        assertThat(CanonicalText.floatText(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(CanonicalText.of(ValueKind.FLOAT, 0.1f)).isEqualTo("0.10000000149011612");
    }

    @Test
    void shortestDigitsMatchAnExhaustiveSearchOnRandomDoubles() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 5_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            String expected = null;
            java.math.BigDecimal exact = new java.math.BigDecimal(d);
            for (int p = 1; p <= 17 && expected == null; p++) {
                java.math.BigDecimal r = exact.round(new java.math.MathContext(p, java.math.RoundingMode.HALF_EVEN));
                if (r.doubleValue() == d) {
                    expected = r.stripTrailingZeros().toString();
                }
            }
            assertThat(new BigDecimal(CanonicalText.shortestDigits(d)).stripTrailingZeros().precision())
                    .as("digits of %s", d).isEqualTo(new BigDecimal(expected).precision());
            assertThat(Double.parseDouble(CanonicalText.shortestDigits(d))).isEqualTo(d);
        }
    }

    @Test
    void decimalsTrimTrailingZerosAndNeverUseExponents() {
        assertThat(CanonicalText.of(ValueKind.DECIMAL, new BigDecimal("12345.670000"))).isEqualTo("12345.67");
        assertThat(CanonicalText.of(ValueKind.DECIMAL, new BigDecimal("100.00"))).isEqualTo("100");
        assertThat(CanonicalText.of(ValueKind.DECIMAL, new BigDecimal("0.000"))).isEqualTo("0");
        assertThat(CanonicalText.of(ValueKind.DECIMAL, new BigDecimal("1E+5"))).isEqualTo("100000");
        assertThat(CanonicalText.of(ValueKind.DECIMAL, "99999999999999.999999")).isEqualTo("99999999999999.999999");
        assertThat(CanonicalText.of(ValueKind.INTEGER, 1L << 62)).isEqualTo("4611686018427387904");
    }

    @Test
    void temporalValuesUseMicrosecondsUtcAndTrimmedFractions() {
        assertThat(CanonicalText.of(ValueKind.TIMESTAMP, LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_789)))
                .isEqualTo("2024-02-29 23:59:59.123456");
        assertThat(CanonicalText.of(ValueKind.TIMESTAMP, "2000-01-01T12:00:00.500")).isEqualTo("2000-01-01 12:00:00.5");
        assertThat(CanonicalText.of(ValueKind.TIMESTAMP, "1970-01-01 00:00:00")).isEqualTo("1970-01-01 00:00:00");
        assertThat(CanonicalText.of(ValueKind.TIMESTAMPTZ, OffsetDateTime.of(2024, 1, 1, 2, 0, 0, 0, ZoneOffset.ofHours(2))))
                .isEqualTo("2024-01-01 00:00:00");
        assertThat(CanonicalText.of(ValueKind.TIMESTAMPTZ, "2024-01-01 02:00:00.25+02:00")).isEqualTo("2024-01-01 00:00:00.25");
        assertThat(CanonicalText.of(ValueKind.DATE, "2024-02-29")).isEqualTo("2024-02-29");
    }

    @Test
    void booleansBytesCharsAndNull() {
        assertThat(CanonicalText.of(ValueKind.BOOLEAN, true)).isEqualTo("1");
        assertThat(CanonicalText.of(ValueKind.BOOLEAN, 0)).isEqualTo("0");
        assertThat(CanonicalText.of(ValueKind.BYTES, new byte[] {0, (byte) 0xff, 0x10})).isEqualTo("00ff10");
        assertThat(CanonicalText.of(ValueKind.CHAR, "ab   ")).isEqualTo("ab");
        assertThat(CanonicalText.of(ValueKind.TEXT, "ab   ")).isEqualTo("ab   ");
        assertThat(CanonicalText.of(ValueKind.TEXT, null)).isNull();
    }

    @Test
    void rowTextKeepsNullApartFromEmptyText() {
        RowHash h = new RowHash();
        assertThat(RowHash.rowText(java.util.Arrays.asList("a", null))).isEqualTo("Va\u001fN");
        assertThat(h.hash(java.util.Arrays.asList("a", null))).isNotEqualTo(h.hash(java.util.Arrays.asList("a", "")));
        // md5("Va") = 4c4f2d1b... the last 15 hex digits as a number below 2^60
        assertThat(h.hashText("Va")).isBetween(0L, (1L << 60) - 1);
    }
    @Test
    void rowHashEncodesUtf8ItselfExactlyAsTheRowTextsMd5() throws Exception {
        RowHash h = new RowHash();
        String longText = "é😀x".repeat(400); // beyond the initial buffer, mixed 2- and 4-byte sequences
        java.util.List<java.util.List<String>> rows = java.util.List.of(
                java.util.Arrays.asList("1", null, ""),
                java.util.Arrays.asList("name 42 é", "tab\tnl\n", "\u0000nul", "€ three bytes", "😀 emoji"),
                java.util.Arrays.asList("lone \ud800 high", "lone \udc00 low", "end \ud83d"),
                java.util.Arrays.asList(longText, "a"),
                java.util.Arrays.asList("a"));
        java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
        for (java.util.List<String> row : rows) {
            byte[] d = md5.digest(RowHash.rowText(row).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            long expected = new java.math.BigInteger(1, java.util.Arrays.copyOfRange(d, 8, 16)).longValue()
                    & ((1L << 60) - 1);
            assertThat(h.hash(row)).as(RowHash.rowText(row)).isEqualTo(expected)
                    .isEqualTo(h.hashText(RowHash.rowText(row)));
        }
    }
    @Test
    void shortestDigitsFastPathAgreesWithTheFullSearch() {
        java.util.Random random = new java.util.Random(20261122);
        java.util.List<Double> values = new java.util.ArrayList<>(java.util.List.of(
                0.1, 1.5, 123.45, 1e-5, 1.5e15, 1e23, 2e-3, 100.0, 4.35, 0.3, 1e15 - 1, 123456789012345.0,
                1234567890123456.0, Double.MIN_NORMAL, Double.MAX_VALUE, 5e-324, 1e-310, 2.0 / 3, -0.07));
        for (int i = 0; i < 20000; i++) {
            values.add((random.nextInt(10_000_000) - 5_000_000) / 100.0);   // decimal(12,2) held as REAL
            values.add(random.nextInt(5_000_000) / 7e0);                       // 16-17 digits: the search
            values.add(Double.longBitsToDouble(random.nextLong()));            // anywhere, subnormals included
            values.add(random.nextInt(1000) * Math.pow(10, random.nextInt(40) - 20));
        }
        for (double d : values) {
            if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
                continue;
            }
            assertThat(new java.math.BigDecimal(CanonicalText.shortestDigits(d)))
                    .as("%s", d)
                    .isEqualByComparingTo(new java.math.BigDecimal(CanonicalText.searchShortestDigits(d)));
        }
    }

    @Test
    void floatTextFastPathAgreesWithTheExactSearchInEveryLayout() {
        java.util.Random random = new java.util.Random(7);
        java.util.List<Double> values = new java.util.ArrayList<>(java.util.List.of(
                0.1, 1.5, 123.45, 1e-5, 1e-4, 9.999e-5, 1.5e15, 1e15, 999999999999999.9, 1e14, 1e23, 2e23, 100.0,
                1e22, 1e21, 9007199254740993.0, 0.30000000000000004, Double.MIN_NORMAL, Double.MAX_VALUE,
                -Double.MAX_VALUE, 1e-300, 1e300, 2.0 / 3, -0.07, 1234567890123456.0, 0.001, 12345.0, 5e-5));
        for (int i = 0; i < 20000; i++) {
            values.add((random.nextInt(10_000_000) - 5_000_000) / 100.0);
            values.add(random.nextInt(5_000_000) / 7e0);
            values.add(Double.longBitsToDouble(random.nextLong()));
            values.add((random.nextInt(2000) - 1000) * Math.pow(10, random.nextInt(60) - 30));
            values.add(Math.scalb(1.0, random.nextInt(2000) - 1000)); // powers of two: asymmetric rounding intervals
        }
        for (double d : values) {
            if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
                continue;
            }
            assertThat(Double.parseDouble(CanonicalText.floatText(d))).as("%s", d).isEqualTo(d);
            assertThat(CanonicalText.decimalText(d)).as("%s", d).isEqualTo(CanonicalText.decimalTextByBigDecimal(d));
            if ((Double.doubleToRawLongBits(d) & 0x000F_FFFF_FFFF_FFFFL) == 0 && Math.abs(d) > Double.MIN_NORMAL) {
                // a power of two: its rounding interval is narrower below, where the search (rounding the exact
                // value) can miss a shorter decimal above it; the fast path is never longer
                assertThat(CanonicalText.floatText(d).length()).as("%s", d)
                        .isLessThanOrEqualTo(CanonicalText.floatTextBySearch(d).length());
            } else {
                assertThat(CanonicalText.floatText(d)).as("%s", d).isEqualTo(CanonicalText.floatTextBySearch(d));
            }
        }
        // 2^896: PostgreSQL 15 (extra_float_digits = 1) and MariaDB 11.4 both print 16 digits, the search 17
        assertThat(CanonicalText.floatText(Math.scalb(1.0, 896))).isEqualTo("5.282945311356653e+269");
    }
}
