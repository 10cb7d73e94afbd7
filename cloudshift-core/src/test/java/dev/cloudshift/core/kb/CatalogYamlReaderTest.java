package dev.cloudshift.core.kb;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fast catalog reader against Jackson's full YAML parser, and its errors for what it does not read. */
class CatalogYamlReaderTest {

    @Test
    void everyShippedCatalogFileReadsTheSameAsWithJackson() throws IOException, URISyntaxException {
        Path catalog = Path.of(getClass().getClassLoader().getResource("catalog/vocabulary.yaml").toURI()).getParent();
        List<Path> files;
        try (Stream<Path> s = Files.walk(catalog)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(15);
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            String name = catalog.relativize(f).toString();
            CatalogNode fast = CatalogNode.read(name, new ByteArrayInputStream(bytes));
            CatalogNode jackson = CatalogNode.readWithJackson(name, new ByteArrayInputStream(bytes));
            assertSameTree(name, fast, jackson);
        }
    }

    @Test
    void readsTheConstructsCatalogsUse() {
        String yaml = """
                # comment
                a: plain text with: colon-free words   # trailing comment
                b: "double \\"quoted\\" # not a comment"
                c: 'single ''quoted'''
                d: [x, "y, z", 1, 2.5, true, null, {k: v, n: [1, 2]}]
                e:
                  - one
                  - k1: v1
                    k2: [3]
                  -
                    nested: yes
                f:
                - same-indent list item
                "true": quoted key
                g: https://example.com/page#anchor
                h: ~
                i:
                """;
        CatalogNode root = read(yaml);
        Map<String, Object> plain = asMap(root.plain());
        assertThat(plain.get("a")).isEqualTo("plain text with: colon-free words");
        assertThat(plain.get("b")).isEqualTo("double \"quoted\" # not a comment");
        assertThat(plain.get("c")).isEqualTo("single 'quoted'");
        List<Object> d = asList(plain.get("d"));
        assertThat(d).hasSize(7);
        assertThat(d.subList(0, 5)).containsExactly("x", "y, z", 1L, 2.5, true);
        assertThat(d.get(5)).isNull();
        assertThat(d.get(6)).isEqualTo(Map.of("k", "v", "n", List.of(1L, 2L)));
        assertThat(plain.get("e")).isEqualTo(List.of("one", Map.of("k1", "v1", "k2", List.of(3L)), Map.of("nested", true)));
        assertThat(plain.get("f")).isEqualTo(List.of("same-indent list item"));
        assertThat(plain.get("true")).isEqualTo("quoted key");
        assertThat(plain.get("g")).isEqualTo("https://example.com/page#anchor");
        assertThat(plain).containsEntry("h", null).containsEntry("i", null);
        assertThat(root.get("e").line()).isEqualTo(6);
        assertThat(root.get("e").items("e").get(1).get("k2").line()).isEqualTo(9);
    }

    @Test
    void rejectsWhatItDoesNotReadWithFileAndLine() {
        assertError("a: 1\nb: \"unclosed\n", "t.yaml:2:", "unclosed double-quoted value");
        assertError("a:\n\tb: 1\n", "t.yaml:2:", "tab in indentation");
        assertError("a: &anchor 1\n", "t.yaml:1:", "unsupported YAML construct");
        assertError("a: |\n  text\n", "t.yaml:1:", "unsupported YAML construct");
        assertError("a: one\n  continued\n", "t.yaml:2:", "unexpected indentation");
        assertError("a: [1, 2\n", "t.yaml:1:", "must close on the same line");
        assertError("a: 1\na: 2\n", "t.yaml:2:", "duplicate key 'a' (first written at line 1)");
        assertError("a: 0755\n", "t.yaml:1:", "number form '0755' is not supported");
        assertError("a: 1\n---\nb: 2\n", "t.yaml:2:", "only one YAML document");
        assertError("just text\n", "t.yaml:1:", "expected 'key: value'");
    }

    private static void assertError(String yaml, String where, String what) {
        assertThatThrownBy(() -> read(yaml)).isInstanceOf(CatalogException.class)
                .hasMessageContaining(where).hasMessageContaining(what);
    }

    private static CatalogNode read(String yaml) {
        InputStream in = new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
        return CatalogNode.read("t.yaml", in);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object o) {
        return (List<Object>) o;
    }

    private static void assertSameTree(String where, CatalogNode fast, CatalogNode jackson) {
        if (jackson.isMap()) {
            assertThat(fast.isMap()).as(where + " is a map").isTrue();
            Map<String, CatalogNode> a = fast.entries(where);
            Map<String, CatalogNode> b = jackson.entries(where);
            assertThat(List.copyOf(a.keySet())).as(where + " keys").isEqualTo(List.copyOf(b.keySet()));
            for (String k : b.keySet()) {
                assertThat(a.get(k).line()).as(where + "." + k + " line").isEqualTo(b.get(k).line());
                assertSameTree(where + "." + k, a.get(k), b.get(k));
            }
        } else if (jackson.isList()) {
            assertThat(fast.isList()).as(where + " is a list").isTrue();
            List<CatalogNode> a = fast.items(where);
            List<CatalogNode> b = jackson.items(where);
            assertThat(a).as(where + " size").hasSameSizeAs(b);
            for (int i = 0; i < b.size(); i++) {
                assertSameTree(where + "[" + i + "]", a.get(i), b.get(i));
            }
        } else {
            assertThat(fast.plain()).as(where).isEqualTo(jackson.plain());
        }
    }
}
