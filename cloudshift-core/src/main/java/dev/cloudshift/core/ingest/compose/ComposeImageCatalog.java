package dev.cloudshift.core.ingest.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The image-name patterns of {@code catalog/compose-images.yaml}: which compose service type
 * ({@code compose_postgres}, {@code compose_redis}, ...) an image is, and which engine it runs.
 */
public final class ComposeImageCatalog {

    public static final String RESOURCE = "catalog/compose-images.yaml";
    public static final String APP_TYPE = "compose_app";

    /** One catalog entry. */
    public record ImageType(String type, String engine, List<Pattern> patterns) {
    }

    private final List<ImageType> types;
    private final Pattern hostKeys;

    private ComposeImageCatalog(List<ImageType> types, Pattern hostKeys) {
        this.types = List.copyOf(types);
        this.hostKeys = hostKeys;
    }

    private static volatile ComposeImageCatalog defaults;

    /** The shipped catalog, loaded once. */
    public static ComposeImageCatalog defaults() {
        ComposeImageCatalog c = defaults;
        if (c == null) {
            try (InputStream in = ComposeImageCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing classpath resource " + RESOURCE);
                }
                c = load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            defaults = c;
        }
        return c;
    }

    public static ComposeImageCatalog load(InputStream yaml) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        List<ImageType> types = new ArrayList<>();
        for (JsonNode e : root.path("images")) {
            List<Pattern> patterns = new ArrayList<>();
            for (JsonNode m : e.path("match")) {
                patterns.add(glob(m.asText()));
            }
            types.add(new ImageType(e.path("type").asText(), e.path("engine").asText(null), patterns));
        }
        return new ComposeImageCatalog(types, Pattern.compile(root.path("host_keys").asText("(^|_)HOST$")));
    }

    private static Pattern glob(String g) {
        List<String> parts = new ArrayList<>();
        for (String part : g.toLowerCase(java.util.Locale.ROOT).split("\\*", -1)) {
            parts.add(Pattern.quote(part));
        }
        return Pattern.compile(String.join(".*", parts));
    }

    /** The catalog entry for an image reference, if any pattern matches. */
    public Optional<ImageType> match(String image) {
        if (image == null || image.isBlank()) {
            return Optional.empty();
        }
        String repo = ImageReference.parse(image).repository();
        for (ImageType t : types) {
            for (Pattern p : t.patterns()) {
                if (p.matcher(repo).matches()) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    /** The compose type for an image; {@value #APP_TYPE} when none matches. */
    public String typeOf(String image) {
        return match(image).map(ImageType::type).orElse(APP_TYPE);
    }

    /** True when a variable of this name holds a bare host name ({@code DB_HOST}, {@code REDIS_SERVER}). */
    public boolean isHostKey(String key) {
        return hostKeys.matcher(key.toUpperCase(java.util.Locale.ROOT)).find();
    }

    public List<ImageType> types() {
        return types;
    }
}
