package dev.cloudshift.hcl.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written checks agree with the regular expressions and the escaping they replaced. */
class HclWriterNamesTest {

    @Test
    void namesAndEscapingAgreeWithTheReference() {
        List<String> inputs = new ArrayList<>(List.of("", "a", "_", "-", "9a", "a-b", "a_b9", "${x}", "%{if}", "$", "%",
                "a$b", "\"q\"", "back\\slash", "tab\there", "nl\n", "del\u007f", "é"));
        Random random = new Random(11);
        String alphabet = "aZ_-09 $%{}\"\\\n\t\u0001\u007fé.";
        for (int i = 0; i < 30_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(7);
            for (int j = 0; j < len; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            inputs.add(sb.toString());
        }
        for (String s : inputs) {
            assertThat(HclWriter.isName(s, true)).as(s).isEqualTo(s.matches("[A-Za-z_][A-Za-z0-9_-]*"));
            assertThat(HclWriter.isName(s, false)).as(s).isEqualTo(s.matches("[A-Za-z_][A-Za-z0-9_]*"));
            assertThat(HclWriter.escapeTemplate(s)).as(s).isEqualTo(reference(s));
        }
    }

    /** escapeTemplate as it was written before it returned unchanged text as it is. */
    private static String reference(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '$', '%' -> {
                    sb.append(c);
                    if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
                        sb.append(c);
                    }
                }
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
