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
}
