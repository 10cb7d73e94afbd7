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
    void aRowWithNulIsLeftOutWhole() {
        PgCopyTextEncoder e = new PgCopyTextEncoder(8);
        e.writeRow(new Object[] {1L, "ok"});
        int before = e.length();
        assertThat(e.writeRow(new Object[] {2L, "a\u0000b"})).isEqualTo(1);
        assertThat(e.length()).isEqualTo(before);
    }
}
