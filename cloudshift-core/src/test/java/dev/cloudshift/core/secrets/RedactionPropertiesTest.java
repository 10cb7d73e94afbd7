package dev.cloudshift.core.secrets;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever the secret, its redacted shapes never contain it. */
class RedactionPropertiesTest {

    private final Redactor redactor = Redactor.defaults();

    @Property(tries = 100)
    void opaqueShapeNeverContainsTheValue(@ForAll @StringLength(min = 6, max = 60)
                                          @AlphaChars @NumericChars @Chars({'-', '_', '.', ':', '/', '@', '?', '=', '&', '%', '+', ',', ' '}) String value) {
        String shape = redactor.opaqueShape(value);
        Assume.that(!"<redacted>".contains(value.strip()));
        assertThat(shape).doesNotContain(value.strip());
    }

    @Property(tries = 100)
    void urlPasswordsNeverSurviveTheShape(@ForAll @StringLength(min = 6, max = 30) @AlphaChars @NumericChars @Chars({'!', '#', '$', '%', '*', '/', '@', ':'}) String password,
                                          @ForAll("scheme") String scheme) {
        Assume.that(password.chars().anyMatch(Character::isDigit) || password.length() > 7);
        String url = scheme + "://app:" + password + "@db.internal:5432/app";
        String shape = redactor.shape("DATABASE_URL", url);
        assertThat(shape).doesNotContain(password);
        assertThat(redactor.opaqueShape(url)).doesNotContain(password).doesNotContain("db.internal");
        assertThat(redactor.detector().looksLikeCredential(url)).isTrue();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> scheme() {
        return net.jqwik.api.Arbitraries.of("postgresql", "mysql", "redis", "rediss", "amqp", "mongodb", "smtp", "jdbc:postgresql", "https");
    }

    @Property(tries = 100)
    void secretKeysAlwaysRedactTheWholeValue(@ForAll("secretKey") String key, @ForAll @StringLength(min = 1, max = 40) @CharRange(from = '!', to = '~') String value) {
        assertThat(redactor.shape(key, value)).isEqualTo(Redactor.REDACTED);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> secretKey() {
        return net.jqwik.api.Arbitraries.of("PASSWORD", "DB_PASSWORD", "API_KEY", "JWT_SECRET", "GITHUB_TOKEN", "AWS_SECRET_ACCESS_KEY",
                "PRIVATE_KEY", "CLIENT_SECRET", "REDIS_AUTH", "STORAGE_CONNECTION_STRING", "masterPassword");
    }
}
