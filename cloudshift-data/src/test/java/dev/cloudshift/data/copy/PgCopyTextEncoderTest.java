package dev.cloudshift.data.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PgCopyTextEncoderTest {

    private static String encode(Object... row) {
        PgCopyTextEncoder e = new PgCopyTextEncoder(8);
        assertThat(e.writeRow(row)).isEqualTo(-1);
        return new String(Arrays.copyOf(e.buffer(), e.length()), StandardCharsets.UTF_8);
    }

    @Test
    void escapesSeparatorsAndMarksNull() {
        assertThat(encode("a\tb", "c\nd\re\\f", null, "")).isEqualTo("a\\tb\tc\\nd\\re\\\\f\t\\N\t\n");
        assertThat(encode(Long.MIN_VALUE, 0L, -42, true)).isEqualTo("-9223372036854775808\t0\t-42\tt\n");
        assertThat(encode(new byte[] {0, (byte) 0xAB})).isEqualTo("\\\\x00ab\n");
        assertThat(encode("😀é")).isEqualTo("😀é\n");
        assertThat(encode(-0.0d, Double.NaN)).isEqualTo("-0.0\tNaN\n");
    }

    @Test
    void datesAndTimestampsMatchTemporalText() {
        for (Object t : new Object[] {java.time.LocalDateTime.of(2024, 2, 29, 1, 2, 3, 450_000_000),
            java.time.LocalDateTime.of(1, 1, 1, 0, 0), java.time.LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999),
            java.time.LocalDateTime.of(2000, 1, 1, 0, 0, 0, 1000), java.time.LocalDate.of(7, 3, 9),
            java.time.OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 6000, java.time.ZoneOffset.ofHours(-3))}) {
            assertThat(encode(t)).isEqualTo(TemporalText.format(t) + "\n");
        }
        assertThat(encode(java.time.LocalDateTime.of(2024, 2, 29, 1, 2, 3, 450_000_000))).isEqualTo("2024-02-29 01:02:03.45\n");
    }

    @Test
    void aRowWithNulIsLeftOutWhole() {
        PgCopyTextEncoder e = new PgCopyTextEncoder(8);
        e.writeRow(new Object[] {1L, "ok"});
        int before = e.length();
        assertThat(e.writeRow(new Object[] {2L, "a\u0000b"})).isEqualTo(1);
        assertThat(e.length()).isEqualTo(before);
    }

    @Test
    void integersAndDecimalsAreWrittenAsJavaWritesThem() {
        java.util.Random random = new java.util.Random(42);
        java.util.List<Long> longs = new java.util.ArrayList<>(java.util.List.of(0L, 9L, 10L, 99L, 100L, -1L, -10L,
                999_999_999_999_999_999L, 1_000_000_000_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE));
        for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10; p *= 10) {
            longs.addAll(java.util.List.of(p - 1, p, p + 1, -p));
        }
        for (int i = 0; i < 20_000; i++) {
            longs.add(random.nextLong() >> random.nextInt(64));
        }
        for (long v : longs) {
            assertThat(encode(v)).isEqualTo(v + "\n");
        }
        java.util.List<java.math.BigDecimal> decimals = new java.util.ArrayList<>();
        for (String s : new String[] {"0", "0.00", "-0.01", "0.000001", "0.0000001", "-0.0000001", "1E+3", "123.45",
            "-999999999999999999", "9999999999999999.99", "99999999999999999999.5", "0.000000000000000001",
            "1.000000000000000000", "12345678901234567890.123", "-0.5", "10.10"}) {
            decimals.add(new java.math.BigDecimal(s));
        }
        for (int i = 0; i < 50_000; i++) {
            long unscaled = random.nextLong() >> random.nextInt(64);
            decimals.add(java.math.BigDecimal.valueOf(unscaled, random.nextInt(24) - 3));
        }
        for (java.math.BigDecimal d : decimals) {
            assertThat(encode(d)).as("%s (scale %d)", d, d.scale()).isEqualTo(d + "\n");
        }
    }
}
