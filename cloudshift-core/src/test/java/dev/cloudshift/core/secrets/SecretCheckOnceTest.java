package dev.cloudshift.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The one-scan key normalisation and the combined secret/shape check answer as the regex and two-call forms do. */
class SecretCheckOnceTest {

    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern NON_ALNUM = Pattern.compile("[^A-Za-z0-9]+");

    /** The normalisation as it was written with regular expressions. */
    private static String normaliseByRegex(String key) {
        String s = CAMEL.matcher(key).replaceAll("$1_$2");
        s = NON_ALNUM.matcher(s).replaceAll("_");
        s = s.toUpperCase(java.util.Locale.ROOT);
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '_') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '_') {
            end--;
        }
        return s.substring(start, end);
    }

    @Test
    void normaliseKeyMatchesTheRegexForm() {
        String alphabet = "aZbY09_.-: é\u00dfKkxQ\uD83D\uDE00";
        Random random = new Random(7);
        List<String> keys = new ArrayList<>(List.of("", "_", "masterPassword", "db.password", "aBcD", "a1B", "ABC", "__x__",
                "already_UPPER", "camelCaseURLValue", "x..y", "-._-"));
        for (int i = 0; i < 30_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(12);
            for (int j = 0; j < n; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            keys.add(sb.toString());
        }
        for (String key : keys) {
            assertThat(SecretDetector.normaliseKey(key)).as(key).isEqualTo(normaliseByRegex(key));
        }
        assertThat(SecretDetector.normaliseKey("masterPassword")).isEqualTo("MASTER_PASSWORD");
    }

    @Test
    void secretAndShapeAnswersAsIsSecretAndShape() {
        Redactor redactor = Redactor.defaults();
        List<String> keys = List.of("DB_HOST", "DB_PASSWORD", "apiKey", "URL", "CONNECTION", "LOG_LEVEL", "KEY");
        List<String> values = new ArrayList<>(List.of("", "db.internal", "postgresql://app:pw@db:5432/app",
                "postgresql://db:5432/app", "https://h/x?token=abc&page=2", "https://h/path/AKIAIOSFODNN7EXAMPLE",
                "Server=db;Database=app;User Id=sa;Password=Str0ng!;", "a=b;c=d", "x=1;Password=", "AKIAIOSFODNN7EXAMPLE",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "Bearer abcdefgh12345678", "info", "${aws_db_instance.main.address}",
                "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=abc123==;EndpointSuffix=core.windows.net"));
        for (String key : keys) {
            for (String value : values) {
                Redactor.Shaped s = redactor.secretAndShape(key, value);
                assertThat(s.secret()).as(key + "=" + value).isEqualTo(redactor.detector().isSecret(key, value));
                assertThat(s.shape()).as(key + "=" + value).isEqualTo(redactor.shape(key, value));
            }
            assertThat(redactor.secretAndShape(key, null)).isEqualTo(
                    new Redactor.Shaped(redactor.detector().isSecret(key, null), redactor.shape(key, null)));
        }
    }
}
