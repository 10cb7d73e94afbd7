package dev.cloudshift.core.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SourceGroupTest {

    /** The regular expression split used to be: the reference for the hand-written scan. */
    private static final Pattern REFERENCE = Pattern.compile("^(.*?)(?:\\[(\"?)([^\\]]*?)\\2\\])?$");

    @Test
    void splitsTheTrailingIndex() {
        assertThat(SourceGroup.split("module.network.aws_subnet.private[0]")).containsExactly("module.network.aws_subnet.private", "0");
        assertThat(SourceGroup.split("aws_ecs_service.service[\"backend\"]")).containsExactly("aws_ecs_service.service", "backend");
        assertThat(SourceGroup.split("module.svc[\"a\"].aws_sqs_queue.q")).containsExactly("module.svc[\"a\"].aws_sqs_queue.q", null);
        assertThat(SourceGroup.split("module.svc[1].aws_sqs_queue.q[\"x y\"]")).containsExactly("module.svc[1].aws_sqs_queue.q", "x y");
        assertThat(SourceGroup.split("a[0][1]")).containsExactly("a[0]", "1");
        assertThat(SourceGroup.split("aws_vpc.main")).containsExactly("aws_vpc.main", null);
    }

    @Test
    void agreesWithTheRegularExpressionOnArbitraryAddresses() {
        Random random = new Random(42);
        String alphabet = "ab.[]\"0_";
        List<String> inputs = new ArrayList<>(List.of("", "[", "]", "[]", "[\"]", "[\"\"]", "x[\"]", "x[\"a]", "x[a\"]",
                "x[[0]", "x[0]]", "x]0[", "[[]]", "x[\"a\"b\"]"));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(9);
            for (int j = 0; j < len; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            inputs.add(sb.toString());
        }
        for (String s : inputs) {
            Matcher m = REFERENCE.matcher(s);
            assertThat(m.matches()).isTrue();
            assertThat(SourceGroup.split(s)).as(s).containsExactly(m.group(1), m.group(3));
        }
    }
}
