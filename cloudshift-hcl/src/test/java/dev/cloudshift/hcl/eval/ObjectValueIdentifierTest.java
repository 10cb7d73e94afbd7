package dev.cloudshift.hcl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ObjectValueIdentifierTest {

    @Test
    void agreesWithTheRegularExpressionItReplaces() {
        List<String> keys = new ArrayList<>(List.of("", "a", "_", "-", "9", "a-b", "a b", "ä", "A9_-", "x.y", "\"q\""));
        Random random = new Random(7);
        String alphabet = "aZ_-09 .\"\\é";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(6);
            for (int j = 0; j < len; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            keys.add(sb.toString());
        }
        for (String k : keys) {
            assertThat(ObjectValue.isIdentifier(k)).as(k).isEqualTo(k.matches("[A-Za-z_][A-Za-z0-9_-]*"));
        }
    }
}
