package dev.cloudshift.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void writesPlainNumbersWithoutTrailingZeros() {
        assertThat(JsonText.number(new BigDecimal("0.250"))).isEqualTo("0.25");
        assertThat(JsonText.number(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(JsonText.number(1024)).isEqualTo("1024");
        assertThat(JsonText.number(0.5d)).isEqualTo("0.5");
        assertThat(JsonText.number(new BigDecimal("0.000"))).isEqualTo("0");
        assertThat(JsonText.number(Double.NaN)).isEqualTo("null");
    }

    @Test
    void outputIsValidJsonThatRoundTrips() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "quote \" backslash \\ newline \n tab \t control \u0001 line-sep \u2028");
        m.put("list", Arrays.asList(1, null, true, List.of()));
        m.put("empty", Map.of());
        String json = JsonText.write(m);
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readValue(json, Object.class)).isEqualTo(mapper.readValue(mapper.writeValueAsString(m), Object.class));
        assertThat(json).startsWith("{\n  \"s\": ").endsWith("}\n").contains("\"list\": [\n    1,\n    null,");
    }

    @Test
    void aValueRenderedAheadForItsDepthIsWrittenAsTheWholeWouldWriteIt() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("names", List.of("a", "b"));
        inner.put("nested", Map.of("n", 1));
        Map<String, Object> whole = new LinkedHashMap<>();
        whole.put("first", 1);
        whole.put("part", inner);
        Map<String, Object> spliced = new LinkedHashMap<>(whole);
        spliced.put("part", JsonText.rendered(inner, 1));

        assertThat(JsonText.write(spliced)).isEqualTo(JsonText.write(whole));
        assertThat(JsonText.rendered(inner, 1).text()).startsWith("{\n    \"names\": [\n      \"a\",").endsWith("\n  }");
    }

    @Test
    void streamingWritesTheSameBytesAsTheWholeText() throws Exception {
        StringBuilder longText = new StringBuilder();
        while (longText.length() < 3_000_000) {
            longText.append("résumé 😀 line ").append(longText.length()).append('\n');
        }
        List<Object> many = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            many.add(Map.of("i", i, "s", "x\"y"));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("text", longText.toString());
        doc.put("many", many);
        doc.put("empty", Map.of());
        Map<String, Object> withRendered = new LinkedHashMap<>(doc);
        withRendered.put("text", JsonText.rendered(longText.toString(), 1));

        java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
        JsonText.write(doc, plain);
        java.io.ByteArrayOutputStream rendered = new java.io.ByteArrayOutputStream();
        JsonText.write(withRendered, rendered);
        java.io.ByteArrayOutputStream empty = new java.io.ByteArrayOutputStream();
        JsonText.write(Map.of(), empty);

        byte[] expected = JsonText.write(doc).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(plain.toByteArray()).isEqualTo(expected);
        assertThat(rendered.toByteArray()).isEqualTo(expected);
        assertThat(empty.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(JsonText.write(Map.of()));
    }

    @Test
    void stringsOfAnyCharactersAreEncodedAsUtf8AndReadBackUnchanged() throws Exception {
        java.util.Random random = new java.util.Random(42);
        char[] alphabet = {'a', 'Z', '0', ' ', '"', '\\', '\n', '\t', '\u0001', '\u007f', '\u0080', '\u00e9', '\u07ff', '\u0800',
                '\u2028', '\u2029', '\u20ac', '\uffff', '\ud83d', '\ude00'};
        ObjectMapper mapper = new ObjectMapper();
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(round < 1000 ? 12 : 70_000); // long ones cross the 64 KB chunks of the buffer
            for (int i = 0; i < n; i++) {
                sb.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String s = sb.toString();
            String json = JsonText.write(Map.of("s", s));
            // what String.getBytes(UTF_8) makes of the text, lone surrogates included (they become '?')
            String expected = new String(s.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(mapper.readTree(json).get("s").asText()).isEqualTo(expected);
            assertThat(json).doesNotContain("\u2028").doesNotContain("\u2029");
        }
    }

    @Test
    void aSortedRenderingIsTheRenderingOfTheCanonicalCopy() {
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 300; round++) {
            Object value = randomValue(random, 0);
            assertThat(JsonText.renderedSorted(value, 1).text()).isEqualTo(JsonText.rendered(JsonValues.canonical(value), 1).text());
        }
        Map<Object, Object> mixedKeys = new LinkedHashMap<>();
        mixedKeys.put("1", "string key");
        mixedKeys.put(1, "number key"); // same text as the key before: the canonical copy keeps one entry, the last value
        mixedKeys.put("0", null);
        assertThat(JsonText.renderedSorted(mixedKeys, 0).text()).isEqualTo("{\n  \"0\": null,\n  \"1\": \"number key\"\n}");
    }

    private static Object randomValue(java.util.Random random, int depth) {
        int kind = depth > 3 ? random.nextInt(4) : random.nextInt(7);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextInt(2000) - 1000;
            case 2 -> new BigDecimal(random.nextInt(100000)).movePointLeft(random.nextInt(5));
            case 3 -> "k" + random.nextInt(50);
            case 4 -> {
                List<Object> list = new java.util.ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = random.nextBoolean() ? new LinkedHashMap<>() : new java.util.TreeMap<>();
                for (int i = random.nextInt(6); i > 0; i--) {
                    map.put("k" + random.nextInt(20), randomValue(random, depth + 1));
                }
                yield map;
            }
        };
    }

    @Test
    void wholeDoublesAndLongsAreWrittenLikeTheirPlainNumber() {
        for (Number n : List.<Number>of(0, -0.0d, 1.0d, -7.0d, 1e14, 123456789012345L, Long.MIN_VALUE, Long.MAX_VALUE, 2.5d, 1e15, 1e20,
                (short) 3, (byte) -4, 0.1f, new java.math.BigInteger("123456789012345678901234567890"))) {
            assertThat(JsonText.write(n)).isEqualTo(JsonText.number(n) + "\n");
        }
    }
}
