package dev.cloudshift.core.ingest.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudshift.core.kb.CatalogException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The words that make a Terraform name a secret are data (the terraform_names section of catalog/secret-rules.yaml):
 * the shipped rules give the documented answers, a copy of the file with one more word changes the answer, and a
 * malformed section fails with file:line.
 */
class SecretNameRulesTest {

    private static final String FILE = SecretNameRules.RESOURCE;

    private static String shipped() throws IOException {
        try (InputStream in = SecretNameRulesTest.class.getClassLoader().getResourceAsStream(FILE)) {
            assertThat(in).as(FILE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SecretNameRules read(String text) {
        return SecretNameRules.read(FILE, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The shipped text with one line replaced (the line must occur once). */
    private static String replaced(String text, String line, String with) {
        assertThat(text.split(java.util.regex.Pattern.quote(line), -1)).as(line).hasSize(2);
        return text.replace(line, with);
    }

    private static int lineOf(String text, String fragment) {
        return text.substring(0, text.indexOf(fragment)).split("\n", -1).length;
    }

    @Test
    void theShippedRulesGiveTheDocumentedAnswers() {
        assertThat(List.of("db_password", "masterPassword", "github_token", "client_secret", "api_key", "apiKey",
                "storage_account_key", "primary_access_key", "webhook_keys", "private_key", "connection_string",
                "primaryConnectionString", "DB_PASS", "credentials", "admin-passphrase", "tls.privatekey"))
                .allMatch(SecretNames::isSecretName);
        assertThat(List.of("key_name", "kms_key_id", "secret_arn", "password_length", "token_ttl", "secret_manager",
                "ssh_public_key", "public_key", "ssh_key", "key", "keys", "api_key_id", "connection", "string_connection",
                "bypass", "instance_type", "name", ""))
                .noneMatch(SecretNames::isSecretName);
    }

    @Test
    void aCopyOfTheRulesWithOneMoreWordChangesTheAnswer() throws IOException {
        String text = shipped();
        SecretNameRules bundled = read(text);
        assertThat(SecretNames.isSecretName("vpn_psk", bundled)).isFalse();
        assertThat(SecretNames.isSecretName("deploy_key", bundled)).isFalse();
        assertThat(SecretNames.isSecretName("shared_access_signature", bundled)).isFalse();
        assertThat(SecretNames.isSecretName("db_password", bundled)).isTrue();

        SecretNameRules more = read(replaced(replaced(replaced(text,
                "  secret_words: [password,", "  secret_words: [psk, password,"),
                "    qualifiers: [api,", "    qualifiers: [deploy, api,"),
                "  phrases: [connection string]", "  phrases: [connection string, access signature]"));
        assertThat(SecretNames.isSecretName("vpn_psk", more)).isTrue();
        assertThat(SecretNames.isSecretName("deploy_key", more)).isTrue();
        assertThat(SecretNames.isSecretName("shared_access_signature", more)).isTrue();
        // metadata still wins over the new word
        assertThat(SecretNames.isSecretName("vpn_psk_length", more)).isFalse();

        // and one word fewer: a metadata word removed makes its names secrets again
        SecretNameRules fewer = read(replaced(text, "  metadata_words: [arn, arns,", "  metadata_words: [arns,"));
        assertThat(SecretNames.isSecretName("secret_arn", bundled)).isFalse();
        assertThat(SecretNames.isSecretName("secret_arn", fewer)).isTrue();
    }

    @Test
    void aMalformedSectionIsAnErrorNamingFileAndLine() throws IOException {
        String text = shipped();
        assertRejected(text, "  secret_words: [password,", "  secret_words: [Password,", "'Password' can never match");
        assertRejected(text, "    words: [key, keys]", "    words: [key, keys, key]", "'key' is listed twice");
        assertRejected(text, "  phrases: [connection string]", "  phrase: [connection string]",
                "unknown key 'phrase' in terraform_names");
        assertRejected(text, "    words: [key, keys]", "    words: {key: keys}", "expected words (a list)");
        assertRejected(text, "  phrases: [connection string]", "  phrases: [connection]", "a phrase needs two words");

        String noSection = text.substring(0, text.indexOf("terraform_names:"));
        assertThatThrownBy(() -> read(noSection)).isInstanceOf(CatalogException.class)
                .hasMessageStartingWith(FILE + ":").hasMessageContaining("missing 'terraform_names:'");

        String badYaml = replaced(text, "    words: [key, keys]", "    words: [key, keys");
        assertThatThrownBy(() -> read(badYaml)).isInstanceOf(CatalogException.class)
                .hasMessageMatching(java.util.regex.Pattern.quote(FILE) + ":[0-9]+: not valid YAML: (?s).*");
    }

    /** The shipped text with {@code line} replaced by {@code with} fails at the line of {@code with}. */
    private static void assertRejected(String text, String line, String with, String message) {
        String bad = replaced(text, line, with);
        assertThatThrownBy(() -> read(bad)).isInstanceOf(CatalogException.class)
                .hasMessageStartingWith(FILE + ":" + lineOf(bad, with) + ": " + message);
    }
}
