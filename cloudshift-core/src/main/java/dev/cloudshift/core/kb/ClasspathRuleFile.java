package dev.cloudshift.core.kb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads one rule file shipped on the classpath (like {@code catalog/secret-rules.yaml}) with a given parser. */
public final class ClasspathRuleFile {

    /** Parses an open rule file. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(InputStream in) throws IOException;
    }

    private ClasspathRuleFile() {
    }

    /**
     * Parses the classpath resource; a missing resource is an {@link IllegalStateException}, an unreadable one
     * an {@link UncheckedIOException}, both naming the resource.
     */
    public static <T> T load(String resource, Parser<T> parser) {
        try (InputStream in = ClasspathRuleFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return parser.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
