package dev.cloudshift.core.ingest.dotenv;

import dev.cloudshift.core.model.ConfigEntry;
import dev.cloudshift.core.model.Diagnostic;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DotenvReaderTest {

    static Path resource(String name) {
        try {
            return Path.of(DotenvReaderTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> values(String name) {
        List<Diagnostic> d = new ArrayList<>();
        DotenvDocument doc = DotenvReader.parseFile(resource(name), name, Map.of(), d);
        assertThat(d).isEmpty();
        return doc.values();
    }

    @Test
    void parsesEverySyntaxForm() {
        Map<String, String> v = values("dotenv/full.env");
        assertThat(v).containsEntry("DB_HOST", "db.internal")
                .containsEntry("DB_PORT", "5432")
                .containsEntry("SINGLE", "literal $DB_HOST \\n stays # not a comment")
                .containsEntry("DOUBLE", "line1\nline2\ttab \"quoted\" $DB_HOST escaped")
                .containsEntry("EXPANDED", "db.internal:5432")
                .containsEntry("WITH_DEFAULT", "fallback-value")
                .containsEntry("BARE_DOLLAR", "db.internal/path")
                .containsEntry("INLINE", "value-before-comment")
                .containsEntry("HASH_IN_VALUE", "abc#def")
                .containsEntry("EMPTY", "")
                .containsEntry("EMPTY_QUOTED", "")
                .containsEntry("MULTI", "first line\nsecond line\nthird line")
                .containsEntry("PEM", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----")
                .containsEntry("INDENTED", "ok")
                .containsEntry("dotted.key-name", "allowed")
                .doesNotContainKey("DECLARED_ONLY");
    }

    @Test
    void entriesAreSecretWithSafeShapes() {
        DotenvResult r = new DotenvReader().read(resource("dotenv/full.env"));
        assertThat(r.environment()).isEqualTo("default");
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.entries()).allSatisfy(e -> {
            assertThat(e.secret()).isTrue();
            assertThat(e.value()).isNull();
            assertThat(e.owner()).isNull();
        });
        Map<String, String> shapes = new java.util.LinkedHashMap<>();
        for (ConfigEntry e : r.entries()) {
            shapes.put(e.key(), e.shape());
        }
        assertThat(shapes).containsEntry("DATABASE_URL", "postgresql://<redacted>@<redacted>:5432/<redacted>?<redacted>")
                .containsEntry("KAFKA_BROKERS", "<redacted>:9092,<redacted>:9092")
                .containsEntry("EMPTY", "<empty>")
                .containsEntry("DECLARED_ONLY", "<unset>")
                .containsEntry("DB_HOST", "<redacted>")
                .containsEntry("PEM", "<redacted>");
        ConfigEntry host = r.entries().get(0);
        assertThat(host.key()).isEqualTo("DB_HOST");
        assertThat(host.position().toString()).isEqualTo("full.env:3:8");
        String all = r.toString();
        for (String secret : List.of("db.internal", "Planted-Dotenv-Pass", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", "fallback-value", "b-1.kafka.local")) {
            assertThat(all).doesNotContain(secret);
        }
    }

    @Test
    void badLinesAreReportedAndTheRestIsKept() {
        DotenvResult r = new DotenvReader().read(resource("dotenv/bad.env"));
        assertThat(r.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "bad.env:2:1: expected KEY=VALUE with a name of letters, digits, '_', '.' or '-' (not starting with a digit)",
                "bad.env:3:1: expected a variable name before '='",
                "bad.env:5:8: expected a closing \" for the value of BROKEN opened here; the lines after it are read as new entries");
        assertThat(r.entries()).extracting(ConfigEntry::key).containsExactly("GOOD", "ALSO_GOOD", "AFTER");
        assertThat(r.diagnostics().toString()).doesNotContain("never closed").doesNotContain("starts with digit");
    }

    @Test
    void textAfterAClosingQuoteAndUnterminatedSingleQuote() {
        DotenvResult r = new DotenvReader().read(resource("dotenv/bad2.env"));
        assertThat(r.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "bad2.env:2:10: expected end of line or a # comment after the quoted value of JUNK",
                "bad2.env:4:6: expected a closing ' for the value of OPEN opened here; the lines after it are read as new entries");
        assertThat(r.entries()).extracting(ConfigEntry::key).containsExactly("OK", "JUNK", "TAIL");
        assertThat(r.diagnostics().toString()).doesNotContain("unterminated").doesNotContain("trailing");
    }

    @Test
    void environmentFromFileName() {
        assertThat(DotenvReader.environmentOf(".env")).contains("default");
        assertThat(DotenvReader.environmentOf(".env.prod")).contains("prod");
        assertThat(DotenvReader.environmentOf(".env.staging")).contains("staging");
        assertThat(DotenvReader.environmentOf("app.env")).isEmpty();
        assertThat(DotenvReader.environmentOf(".env.example")).isEmpty();
        assertThat(DotenvReader.environmentOf(".env.local")).isEmpty();
        assertThat(DotenvReader.environmentOf("README.md")).isEmpty();
    }

    @Test
    void interpolatorOperators() {
        VariableInterpolator in = new VariableInterpolator(true);
        Map<String, VariableInterpolator.Value> vars = Map.of(
                "SET", new VariableInterpolator.Value("v", "<m>"),
                "EMPTY", new VariableInterpolator.Value("", "<empty>"));
        java.util.function.Function<String, VariableInterpolator.Value> f = vars::get;
        assertThat(in.interpolate("${SET:-d}|${EMPTY:-d}|${EMPTY-d}|${UNSET-d}", f).value()).isEqualTo("v|d||d");
        assertThat(in.interpolate("${SET:+alt}|${EMPTY:+alt}|${EMPTY+alt}|${UNSET+alt}", f).value()).isEqualTo("alt||alt|");
        assertThat(in.interpolate("${UNSET:-${SET}}", f).value()).isEqualTo("v");
        assertThat(in.interpolate("${UNSET:-${SET}}", f).masked()).isEqualTo("<m>");
        assertThat(in.interpolate("$$SET $SET", f).value()).isEqualTo("$SET v");
        VariableInterpolator.Result err = in.interpolate("${UNSET:?must be set}", f);
        assertThat(err.problems()).containsExactly("required variable UNSET is missing a value: must be set");
        assertThat(in.interpolate("${UNSET}", f).problems()).containsExactly("variable UNSET is not set; using an empty string");
        assertThat(in.interpolate("${SET", f).problems()).containsExactly("expected '}' to close '${SET'");
        assertThat(in.interpolate("${SET:-x", f).problems()).containsExactly("expected '}' to close '${SET'");
        assertThat(in.interpolate("${SET%x}", f).problems()).hasSize(1);
    }
}
