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
}
