package dev.cloudshift.core.ingest;

import dev.cloudshift.core.ingest.compose.ComposeReader;
import dev.cloudshift.core.ingest.compose.ComposeResult;
import dev.cloudshift.core.ingest.dotenv.DotenvReader;
import dev.cloudshift.core.ingest.dotenv.DotenvResult;
import dev.cloudshift.core.ingest.tfjson.TerraformJsonReader;
import dev.cloudshift.core.ingest.tfjson.TerraformJsonResult;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Arbitrary input never escapes a reader as an unhandled exception; problems come back as diagnostics. */
class ArbitraryInputTest {

    private static Path dir;

    @BeforeContainer
    static void createDir() throws IOException {
        dir = Files.createTempDirectory("cloudshift-fuzz");
    }

    @AfterContainer
    static void deleteDir() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<String> yamlish() {
        return Arbitraries.oneOf(
                Arbitraries.of("services:\n", "  api:\n", "    image: ", "postgres:16", "    ports:\n", "      - ", "\"8080:80\"",
                        "    environment:\n", "      A: ${X:-y}\n", "<<: *a\n", "&a ", "*a", "[", "]", "{", "}", ": ", "- ", "\n", "  ",
                        "\t", "'", "\"", "#", "!reset ", "!!binary ", "${", "$$", "deploy:\n", "  resources:\n", "    limits:\n",
                        "memory: 1g\n", "depends_on: [db]\n", "build: .\n", "volumes:\n", "x-y: &b\n", "? ", "%YAML 1.2\n", "---\n", "...\n"),
                Arbitraries.strings().ofMaxLength(8))
                .list().ofMaxSize(60).map(l -> String.join("", l));
    }

    private static ComposeResult compose(byte[] bytes) throws IOException {
        Path d = Files.createTempDirectory(dir, "c");
        Files.write(d.resolve("docker-compose.yml"), bytes);
        Files.write(d.resolve(".env"), bytes);
        return new ComposeReader().read(d);
    }

    @Property(tries = 100)
    void arbitraryBytesAsComposeFile(@ForAll byte[] bytes) throws IOException {
        ComposeResult r = compose(bytes);
        assertThat(r.environments()).contains("default");
    }

    @Property(tries = 100)
    void yamlLikeTextAsComposeFile(@ForAll("yamlish") String text) throws IOException {
        ComposeResult r = compose(text.getBytes(StandardCharsets.UTF_8));
        r.warnings().forEach(w -> assertThat(w.message()).isNotBlank());
    }

    @Provide
    Arbitrary<String> dotenvish() {
        return Arbitraries.oneOf(
                Arbitraries.of("KEY=", "export ", "A", "=", "\"", "'", "\\", "\\n", "$", "${", "}", ":-", ":?", "#", " ", "\n", "\r\n", "\t", "${A:-${B}}"),
                Arbitraries.strings().ofMaxLength(6))
                .list().ofMaxSize(50).map(l -> String.join("", l));
    }

    @Property(tries = 100)
    void arbitraryBytesAsDotenvFile(@ForAll byte[] bytes) throws IOException {
        Path f = Files.createTempFile(dir, "", ".env");
        Files.write(f, bytes);
        DotenvResult r = new DotenvReader().read(f);
        r.entries().forEach(e -> assertThat(e.value()).isNull());
    }

    @Property(tries = 100)
    void dotenvLikeText(@ForAll("dotenvish") String text) throws IOException {
        Path f = Files.createTempFile(dir, "", ".env");
        Files.writeString(f, text);
        DotenvResult r = new DotenvReader().read(f);
        r.entries().forEach(e -> assertThat(e.secret()).isTrue());
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.oneOf(
                Arbitraries.of("{", "}", "[", "]", ",", ":", "\"format_version\"", "\"1.2\"", "\"planned_values\"", "\"values\"",
                        "\"root_module\"", "\"resources\"", "\"child_modules\"", "\"address\"", "\"type\"", "\"name\"", "\"index\"",
                        "\"resource_changes\"", "\"change\"", "\"after\"", "\"after_unknown\"", "\"after_sensitive\"", "true", "null",
                        "0", "\"configuration\"", "\"expressions\"", "\"references\"", "\"module_calls\""),
                Arbitraries.strings().ofMaxLength(5))
                .list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Property(tries = 100)
    void arbitraryBytesAsTerraformJson(@ForAll byte[] bytes) throws IOException {
        Path f = Files.createTempFile(dir, "", ".json");
        Files.write(f, bytes);
        TerraformJsonResult r = new TerraformJsonReader().read(f);
        assertThat(r.resources()).isNotNull();
    }

    @Property(tries = 100)
    void jsonLikeTextAsTerraformJson(@ForAll("jsonish") String text) throws IOException {
        Path f = Files.createTempFile(dir, "", ".json");
        Files.writeString(f, text);
        TerraformJsonResult r = new TerraformJsonReader().read(f);
        assertThat(r.diagnostics()).isNotNull();
    }
}
