package dev.cloudshift.core.kb;

import dev.cloudshift.core.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog loads from a jar, as in the shaded CLI jar, even when the jar has no directory entries. */
class KnowledgeBaseJarTest {

    @TempDir
    Path tmp;

    @Test
    void loadsTheCatalogFromAJarWithoutDirectoryEntries() throws IOException, URISyntaxException {
        Path catalog = Path.of(getClass().getClassLoader().getResource("catalog/vocabulary.yaml").toURI()).getParent();
        Path jar = tmp.resolve("catalog.jar");
        List<Path> files;
        try (Stream<Path> s = Files.walk(catalog)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            for (Path f : files) {
                j.putNextEntry(new JarEntry("catalog/" + catalog.relativize(f).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(f));
                j.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, null)) {
            KnowledgeBase fromJar = KnowledgeBase.loadFrom(loader);
            KnowledgeBase fromClasspath = KnowledgeBase.load();
            for (String provider : KnowledgeBase.PROVIDERS) {
                assertThat(fromJar.types(provider)).extracting(TypeInfo::type)
                        .containsExactlyElementsOf(fromClasspath.types(provider).stream().map(TypeInfo::type).toList());
            }
            Resource msk = new Resource("aws_msk_cluster.events", "aws_msk_cluster", "aws", null, "prod", null,
                    Map.of("kafka_version", "3.5.1"), null, null);
            assertThat(fromJar.map(msk, "azure")).isEqualTo(fromClasspath.map(msk, "azure"));
        }
    }
}
