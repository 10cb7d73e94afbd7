package dev.cloudshift.core.kb;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudshift.core.model.Resource;
import dev.cloudshift.core.model.SourcePosition;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case per folder under src/test/resources/kb-cases: {@code resource.json} ({@code type}, {@code raw}
 * attributes as ingest would produce them) and {@code expected.json} ({@code category}, {@code service},
 * the exact normalised {@code attributes}, and for each of aws, azure and gcp either the mapped
 * {@code service}, {@code resource_types}, optional {@code absorbed_by}, {@code notes_contain},
 * {@code alternatives_contain} (text fragments), or {@code unmapped_reason_contains}). Adding a mapping is a data-file change
 * plus one folder here; no Java.
 */
class KnowledgeBaseCaseTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static Stream<Named<Path>> cases() throws IOException, URISyntaxException {
        URL url = KnowledgeBaseCaseTest.class.getClassLoader().getResource("kb-cases");
        assertThat(url).as("kb-cases folder on the test classpath").isNotNull();
        try (Stream<Path> s = Files.list(Path.of(url.toURI()))) {
            List<Path> dirs = s.filter(Files::isDirectory).sorted().toList();
            return dirs.stream().map(p -> Named.of(p.getFileName().toString(), p));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void normalisesAndMapsAsExpected(Path dir) throws IOException {
        JsonNode input = JSON.readTree(dir.resolve("resource.json").toFile());
        JsonNode expected = JSON.readTree(dir.resolve("expected.json").toFile());
        String type = input.get("type").asText();
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = JSON.convertValue(input.get("raw"), Map.class);
        String provider = KnowledgeBase.providerOf(type);
        Resource resource = new Resource(type + ".case", type, provider, null, "default", null, raw, null,
                new SourcePosition("main.tf", 1, 1));

        KnowledgeBase kb = KnowledgeBase.load();
        Normalised normalised = kb.normaliseChecked(resource);
        Resource n = normalised.resource();

        boolean known = !expected.has("known") || expected.get("known").asBoolean();
        assertThat(normalised.knownType()).as("known type").isEqualTo(known);
        if (!known) {
            assertThat(normalised.problems()).singleElement().asString().contains(type);
        }
        assertThat(n.category()).as("category").isEqualTo(expected.get("category").asText());
        assertThat(n.raw()).as("raw is kept").isEqualTo(resource.raw());
        assertThat(kb.serviceName(n)).as("service name").isEqualTo(expected.get("service").asText());
        JsonNode actualAttributes = JSON.readTree(JSON.writeValueAsString(n.attributes()));
        JsonNode expectedAttributes = JSON.readTree(JSON.writeValueAsString(expected.get("attributes")));
        assertThat(actualAttributes).as("normalised attributes").isEqualTo(expectedAttributes);

        JsonNode mapping = expected.get("mapping");
        assertThat(mapping.size()).as("a case states the mapping for aws, azure and gcp").isEqualTo(3);
        for (Iterator<Map.Entry<String, JsonNode>> it = mapping.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            checkMapping(kb.map(n, e.getKey()), e.getKey(), e.getValue());
        }
    }

    private static void checkMapping(MappingResult actual, String target, JsonNode want) {
        String what = "mapping to " + target;
        if (want.has("unmapped_reason_contains")) {
            assertThat(actual).as(what).isInstanceOf(MappingResult.Unmapped.class);
            assertThat(((MappingResult.Unmapped) actual).reason()).as(what + " reason")
                    .contains(want.get("unmapped_reason_contains").asText());
            return;
        }
        assertThat(actual).as(what).isInstanceOf(MappingResult.Mapped.class);
        MappingResult.Mapped m = (MappingResult.Mapped) actual;
        assertThat(m.service()).as(what + " service").isEqualTo(want.get("service").asText());
        assertThat(m.resourceTypes()).as(what + " resource types").containsExactlyElementsOf(texts(want.get("resource_types")));
        assertThat(m.absorbedBy()).as(what + " absorbed_by")
                .isEqualTo(want.has("absorbed_by") ? want.get("absorbed_by").asText() : null);
        String notes = String.join("\n", m.notes());
        for (String fragment : texts(want.get("notes_contain"))) {
            assertThat(notes).as(what + " notes").contains(fragment);
        }
        String alternatives = String.join("\n", m.alternatives());
        for (String fragment : texts(want.get("alternatives_contain"))) {
            assertThat(alternatives).as(what + " alternatives").contains(fragment);
        }
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null) {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
