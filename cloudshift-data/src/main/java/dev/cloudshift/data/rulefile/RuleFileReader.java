package dev.cloudshift.data.rulefile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a YAML rule file into {@link RuleNode}s that remember their line and column. */
public final class RuleFileReader {

    private static final YAMLFactory YAML = new YAMLFactory();

    private RuleFileReader() {
    }

    /** Reads a file; {@code file} in messages is the path as given. */
    public static RuleNode read(Path path) {
        try {
            return read(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
        } catch (java.nio.charset.MalformedInputException e) {
            throw new RuleFileException(path.toString(), 1, 1, "expected a UTF-8 text file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads a classpath resource such as {@code /typemaps/mysql-to-postgresql.yaml}. */
    public static RuleNode readResource(String resource) {
        try (InputStream in = RuleFileReader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return read(resource.startsWith("/") ? resource.substring(1) : resource,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RuleNode read(String file, String text) {
        try (Reader reader = new StringReader(text); JsonParser p = YAML.createParser(reader)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new RuleFileException(file, 1, 1, "expected a mapping at the top of the file, found an empty file");
            }
            RuleNode root = node(file, p);
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new RuleFileException(file, l.getLineNr(), l.getColumnNr(), "expected one YAML document");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage();
            int nl = msg.indexOf('\n');
            throw new RuleFileException(file, l == null ? 1 : Math.max(1, l.getLineNr()),
                    l == null ? 1 : Math.max(1, l.getColumnNr()),
                    "expected valid YAML (" + (nl > 0 ? msg.substring(0, nl) : msg).trim() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RuleNode node(String file, JsonParser p) throws IOException {
        JsonLocation l = p.currentTokenLocation();
        int line = l.getLineNr();
        int col = l.getColumnNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                RuleNode map = new RuleNode(RuleNode.Kind.MAP, file, line, col, null);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    JsonLocation kl = p.currentTokenLocation();
                    String key = p.currentName();
                    p.nextToken();
                    map.put(key, kl.getLineNr(), kl.getColumnNr(), node(file, p));
                }
                return map;
            }
            case START_ARRAY: {
                RuleNode list = new RuleNode(RuleNode.Kind.LIST, file, line, col, null);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(node(file, p));
                }
                return list;
            }
            case VALUE_NULL:
                return new RuleNode(RuleNode.Kind.SCALAR, file, line, col, null);
            default:
                return new RuleNode(RuleNode.Kind.SCALAR, file, line, col, p.getText());
        }
    }
}
