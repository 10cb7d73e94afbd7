package dev.cloudshift.data.cast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudshift.data.dialect.MalformedText;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fitting awkward values to target types, one rule at a time. */
class CoercionsTest {

    private static final TargetTypes PG = TargetTypes.load("postgresql");
    private static final TargetTypes MY = TargetTypes.load("mysql");
    private static final TargetTypes H2 = TargetTypes.load("h2");

    private static Object fit(TargetTypes types, String type, Object value) throws RejectedValueException {
        return Coercions.forTarget(types.resolve(type)).convert(value);
    }

    private static void rejects(TargetTypes types, String type, Object value, String reason) {
        assertThatThrownBy(() -> fit(types, type, value)).isInstanceOf(RejectedValueException.class)
                .hasMessage(reason);
    }

    @Test
    void floats() throws Exception {
        assertThat((Double) fit(PG, "double precision", -0.0)).isEqualTo(-0.0).matches(d -> 1 / d < 0);
        assertThat(fit(PG, "double precision", 1e-300)).isEqualTo(1e-300);
        assertThat(fit(MY, "double", 1.7976931348623157e308)).isEqualTo(1.7976931348623157e308);
        assertThat(fit(PG, "double precision", 1L << 62)).isEqualTo(Math.pow(2, 62));
        rejects(PG, "double precision", Long.MAX_VALUE - 1, "integer too large to be exact in double");
        rejects(PG, "real", 1e-300, "too small for real (single precision underflow)");
        rejects(PG, "real", 1e39, "out of range for real (single precision)");
        assertThat(fit(PG, "real", 3.4e38)).isEqualTo(3.4e38f);
        assertThat(fit(PG, "double precision", Double.NaN)).isEqualTo(Double.NaN);
        rejects(MY, "double", Double.NaN, "NaN or infinity, which the target cannot store");
        assertThat(fit(MY, "double", 0.1f)).isEqualTo(0.1);
    }

    @Test
    void integersAndDecimals() throws Exception {
        assertThat(fit(PG, "bigint", 1L << 62)).isEqualTo(1L << 62);
        rejects(PG, "smallint", 32768L, "out of range for smallint");
        rejects(MY, "int unsigned", -1L, "out of range for int unsigned");
        assertThat(fit(MY, "int unsigned", 4294967295L)).isEqualTo(4294967295L);
        assertThat(fit(MY, "bigint unsigned", new BigDecimal("18446744073709551615")))
                .isEqualTo(new BigDecimal("18446744073709551615"));
        rejects(MY, "bigint unsigned", new BigDecimal("18446744073709551616"), "out of range for bigint unsigned");
        rejects(PG, "integer", 1.5, "not an integer (has a fraction)");
        assertThat(fit(PG, "integer", "42")).isEqualTo(42L);
        rejects(PG, "integer", "forty-two", "not a number");
        assertThat(fit(PG, "numeric(12,2)", new BigDecimal("1234.565"))).isEqualTo(new BigDecimal("1234.57"));
        rejects(PG, "numeric(5,2)", new BigDecimal("1234.5"), "out of range for numeric(5,2)");
        assertThat(fit(PG, "numeric", 1e-300)).isEqualTo(new BigDecimal("1.0E-300"));
        rejects(MY, "decimal(65,30)", Double.POSITIVE_INFINITY, "NaN or infinity where a finite number is needed");
        assertThat(fit(PG, "boolean", 1L)).isEqualTo(true);
        rejects(PG, "boolean", 2L, "not a boolean (only 0 and 1 are)");
    }

    @Test
    void text() throws Exception {
        String awkward = "żółw 🐢\ttab\nnewline";
        assertThat(fit(PG, "text", awkward)).isEqualTo(awkward);
        assertThat(fit(PG, "text", "")).isEqualTo("");
        assertThat(fit(PG, "text", null)).isNull();
        rejects(PG, "text", "a\0b", "NUL byte in text");
        assertThat(fit(MY, "longtext", "a\0b")).isEqualTo("a\0b");
        // 🐢 is two UTF-16 chars but one character: varchar(1) holds it
        assertThat(fit(PG, "varchar(1)", "🐢")).isEqualTo("🐢");
        rejects(PG, "varchar(3)", "abcd", "longer than 3 characters");
        rejects(MY, "tinytext", "🐢".repeat(64), "longer than 255 bytes");
        rejects(PG, "text", new MalformedText(new byte[] {(byte) 0xc3, 0x28}), "invalid UTF-8");
        assertThat(fit(PG, "text", new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(fit(PG, "text", LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_000_000))).isEqualTo("2024-02-29 13:14:15.123");
    }

    @Test
    void bytes() throws Exception {
        byte[] withNul = {0, 1, (byte) 0xff, 0};
        assertThat((byte[]) fit(PG, "bytea", withNul)).isEqualTo(withNul);
        rejects(MY, "varbinary(3)", withNul, "longer than 3 bytes");
        assertThat((byte[]) fit(PG, "bytea", new MalformedText(new byte[] {(byte) 0xc3}))).isEqualTo(new byte[] {(byte) 0xc3});
    }

    @Test
    void temporals() throws Exception {
        LocalDateTime nanos = LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_456_789);
        assertThat(fit(PG, "timestamp(6)", nanos)).isEqualTo(nanos.withNano(123_456_000));
        assertThat(fit(PG, "timestamp(3)", nanos)).isEqualTo(nanos.withNano(123_000_000));
        assertThat(fit(H2, "TIMESTAMP(9)", nanos)).isEqualTo(nanos);
        assertThat(fit(MY, "datetime", nanos)).isEqualTo(nanos.withNano(0));
        rejects(MY, "timestamp(6)", LocalDateTime.of(2040, 1, 1, 0, 0), "after the latest timestamp the target can hold");
        OffsetDateTime plus2 = OffsetDateTime.of(2024, 2, 29, 13, 0, 0, 0, ZoneOffset.ofHours(2));
        assertThat(fit(PG, "timestamp with time zone", plus2)).isEqualTo(plus2.withOffsetSameInstant(ZoneOffset.UTC));
        assertThat(fit(MY, "datetime(6)", plus2)).isEqualTo(LocalDateTime.of(2024, 2, 29, 11, 0));
        rejects(PG, "date", LocalDateTime.of(2024, 2, 29, 13, 0), "has a time of day where the target holds a date");
        rejects(PG, "timestamp", 1709212455L, "a number where a date or time is needed (no epoch rule applies)");
        rejects(PG, "time", "838:59:59", "not a time of day");
        assertThat(fit(PG, "timestamp", LocalDateTime.MAX)).isEqualTo("infinity");
        assertThat(fit(PG, "date", java.time.LocalDate.MIN)).isEqualTo("-infinity");
        assertThat(fit(PG, "timestamp with time zone", OffsetDateTime.MAX)).isEqualTo("infinity");
        rejects(MY, "datetime(6)", LocalDateTime.MAX, "infinite date or time, which the target cannot store");
    }

    @Test
    void textTimestampsParseTheSameOnTheFastAndTheFullPath() throws Exception {
        for (String s : new String[] {"2024-02-29", "2024-02-29 13:14:15", "2024-02-29T13:14:15.5",
            "2024-02-29 13:14:15.123456789", "0001-01-01 00:00:00"}) {
            LocalDateTime fast = TemporalParsing.plain(s);
            assertThat(fast).as(s).isNotNull();
            assertThat(fast).as(s).isEqualTo(LocalDateTime.parse(s.length() == 10 ? s + "T00:00" : s.replace(' ', 'T')));
        }
        for (String s : new String[] {"2024-02-30 00:00:00", "2024-02-29 13:14", "2024-02-29 13:14:15Z", "20240229",
            "2024-02-29 13:14:15.", "2024-0a-29"}) {
            assertThat(TemporalParsing.plain(s)).as(s).isNull();
        }
        assertThat(TemporalParsing.timestamp("2024-02-29 13:14")).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14));
        assertThat(TemporalParsing.timestamp("2024-02-29 13:14:15+02:00")).isEqualTo(LocalDateTime.of(2024, 2, 29, 11, 14, 15));
        assertThatThrownBy(() -> TemporalParsing.timestamp("2024-02-30 00:00:00")).isInstanceOf(RejectedValueException.class);
    }

    @Test
    void doublesWithFewDecimalsBecomeTheSameDecimalsWithoutFormatting() {
        java.util.Random random = new java.util.Random(42);
        int fast = 0;
        for (int i = 0; i < 200_000; i++) {
            double d = switch (i % 4) {
                case 0 -> (random.nextInt(2_000_000_000) - 1_000_000_000) / 100.0; // amounts in cents
                case 1 -> random.nextInt(100_000) / 1000.0;
                case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(12) - 4); // full precision
                default -> (random.nextInt(20_000) - 10_000) / 10_000.0 + random.nextInt(3);
            };
            java.math.BigDecimal expected = new java.math.BigDecimal(Double.toString(d));
            java.math.BigDecimal got = Coercions.fewDecimals(d);
            if (got != null) {
                fast++;
                assertThat(got).as("%s", d).isEqualTo(expected); // equals: same value and same scale
            }
        }
        assertThat(fast).as("values taking the fast path").isGreaterThan(100_000);
        for (double d : new double[] {0.0, -0.0, 1e7, 0.0009, 1e-300, 0.1 + 0.2, Double.MIN_VALUE, 123456.78901}) {
            assertThat(Coercions.fewDecimals(d)).as("%s", d).isNull();
        }
        assertThat(Coercions.fewDecimals(9999999.99)).isEqualTo(new java.math.BigDecimal("9999999.99"));
        assertThat(Coercions.fewDecimals(-0.001)).isEqualTo(new java.math.BigDecimal("-0.001"));
    }

    @Test
    void jsonUuidAndArrays() throws Exception {
        assertThat(fit(PG, "jsonb", "{\"a\": [1, 2]}")).isEqualTo("{\"a\": [1, 2]}");
        rejects(PG, "jsonb", "{\"a\": ", "invalid JSON");
        rejects(PG, "jsonb", "{\"a\": \"\\u0000\"}", "NUL character in JSON, which PostgreSQL cannot store");
        assertThat((byte[]) fit(H2, "JSON", "[1]")).isEqualTo("[1]".getBytes(StandardCharsets.UTF_8));
        assertThat(fit(PG, "uuid", "A0EEBC999C0B4EF8BB6D6BB9BD380A11")).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        rejects(PG, "uuid", "not-a-uuid", "not a UUID");
        assertThat(fit(PG, "text[]", Arrays.asList("a", "b c", "q\"uote", "back\\slash", null)))
                .isEqualTo("{\"a\",\"b c\",\"q\\\"uote\",\"back\\\\slash\",NULL}");
        assertThat(fit(PG, "integer[]", List.of(List.of(1L, 2L), List.of(3L, 4L)))).isEqualTo("{{\"1\",\"2\"},{\"3\",\"4\"}}");
        rejects(PG, "smallint[]", List.of(1L, 70000L), "out of range for smallint");
        assertThat(fit(MY, "json", List.of("a", 1L))).isEqualTo("[\"a\",1]");
        assertThat((Object[]) fit(H2, "INTEGER ARRAY", List.of(1L, 2L))).containsExactly(1L, 2L);
        assertThat(fit(PG, "text[]", "[\"x\",\"y\"]")).isEqualTo("{\"x\",\"y\"}");
    }
}
