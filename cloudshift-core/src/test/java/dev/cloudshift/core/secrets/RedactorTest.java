package dev.cloudshift.core.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {

    private final SecretDetector detector = SecretDetector.defaults();
    private final Redactor redactor = Redactor.defaults();

    @ParameterizedTest
    @ValueSource(strings = {"PASSWORD", "DB_PASSWORD", "POSTGRES_PASSWORD", "db.password", "masterPassword", "MYSQL_ROOT_PASSWD",
            "JWT_SECRET", "CLIENT_SECRET", "GITHUB_TOKEN", "auth_token", "API_KEY", "apiKey", "STRIPE_API_KEY", "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY", "PRIVATE_KEY", "GOOGLE_APPLICATION_CREDENTIALS_JSON", "CREDENTIALS", "BASIC_AUTH", "SECRET_KEY_BASE",
            "ENCRYPTION_KEY", "STORAGE_CONNECTION_STRING", "SENDGRID_KEY", "requirepass", "SESSION_SECRET"})
    void secretKeys(String key) {
        assertThat(detector.isSecretKey(key)).as(key).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DB_HOST", "POSTGRES_USER", "LOG_LEVEL", "PORT", "DB_PASSWORD_FILE", "SECRET_ARN", "TOKEN_TTL", "AUTH_URL",
            "API_KEY_HEADER", "PARTITION_KEY", "ROUTING_KEY", "KEY", "KMS_KEY_ID", "key_name", "SECRETS_MANAGER_ENDPOINT", "AUTH_ENABLED",
            "NODE_ENV", "PASS_THROUGH", "identifier", "password_policy_name"})
    void notSecretKeys(String key) {
        assertThat(detector.isSecretKey(key)).as(key).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://app:pw@db:5432/app", "AKIAIOSFODNN7EXAMPLE",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
            "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----", "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "Server=db;Database=app;User Id=sa;Password=Str0ng!;",
            "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=abc123==;EndpointSuffix=core.windows.net",
            "https://bucket.s3.amazonaws.com/x?X-Amz-Signature=abcdef123456", "sk_live_abcdefghijklmnop1234"})
    void credentialValues(String value) {
        assertThat(detector.looksLikeCredential(value)).as(value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres://db:5432/app", "info", "true", "8080", "sg-0a1b2c3d4e5f67890", "arn:aws:iam::123456789012:role/app",
            "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "eu-west-1", "db.t3.medium", "redis://cache:6379/0", "shop-prod-uploads-bucket"})
    void ordinaryValues(String value) {
        assertThat(detector.looksLikeCredential(value)).as(value).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DATABASE_URL|postgresql://app:s3cret@db:5432/app|postgresql://<user>:<redacted>@db:5432/app",
            "REDIS_URL|redis://:s3cret@cache:6379/0|redis://:<redacted>@cache:6379/0",
            "REDIS_URL|redis://cache:6379/0|redis://cache:6379/0",
            "MONGO_URL|mongodb://u:p%40ss@m1:27017,m2:27017/app?replicaSet=rs0&authSource=admin|mongodb://<user>:<redacted>@m1:27017,m2:27017/app?replicaSet=rs0&authSource=admin",
            "URL|https://api.example.com/v1?token=abcdef&page=2|https://api.example.com/v1?token=<redacted>&page=2",
            "SQL|Server=db;Database=app;User Id=sa;Password=Str0ng!;|Server=db;Database=app;User Id=<user>;Password=<redacted>;",
            "DB_PASSWORD|anything|<redacted>",
            "TAG|AKIAIOSFODNN7EXAMPLE|<redacted>",
            "URL|postgres://u:pa/ss@word@db:5432/x|postgres://<user>:<redacted>@db:5432/x",
            "LOG_LEVEL|debug|debug"})
    void shapes(String key, String value, String shape) {
        assertThat(redactor.shape(key, value)).isEqualTo(shape);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "postgresql://app:s3cret@db.internal:5432/app?sslmode=disable|postgresql://<redacted>@<redacted>:5432/<redacted>?<redacted>",
            "postgresql://db.internal/app|postgresql://<redacted>/<redacted>",
            "redis://cache:6379|redis://<redacted>:6379",
            "b-1.kafka.local:9092,b-2.kafka.local:9092|<redacted>:9092,<redacted>:9092",
            "db.internal|<redacted>",
            "s3cret|<redacted>",
            "5432|<redacted>"})
    void opaqueShapes(String value, String shape) {
        assertThat(redactor.opaqueShape(value)).isEqualTo(shape);
    }

    @Test
    void emptyAndNull() {
        assertThat(redactor.opaqueShape("")).isEqualTo("<empty>");
        assertThat(redactor.opaqueShape(null)).isNull();
        assertThat(redactor.shape("K", null)).isNull();
        assertThat(redactor.shape("K", "")).isEmpty();
    }

    @Test
    void scrubRemovesKnownSecretsFromMessages() {
        assertThat(Redactor.scrub("bad value s3cr3t-value near x", List.of("s3cr3t-value", "ab"))).isEqualTo("bad value <redacted> near x");
    }

    @Test
    void urlPartsNeverPrintCredentials() {
        UrlParts u = UrlParts.parse("postgresql://app:s3cret@db:5432/app").orElseThrow();
        assertThat(u.user()).isEqualTo("app");
        assertThat(u.password()).isEqualTo("s3cret");
        assertThat(u.firstHost()).isEqualTo(new UrlParts.HostPort("db", 5432));
        assertThat(u.toString()).doesNotContain("s3cret").doesNotContain("app:");
        assertThat(UrlParts.parse("jdbc:sqlserver://db:1433;databaseName=x").orElseThrow().firstHost()).isEqualTo(new UrlParts.HostPort("db", 1433));
        assertThat(UrlParts.parse("not a url")).isEmpty();
    }
}
