package dev.cloudshift.core.kb;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a YAML data file that remembers where it was written, so that validation errors can name
 * {@code file:line}. A node is a map (keys in file order), a list, or a scalar (String, BigDecimal, Boolean
 * or null). Duplicate keys in a map are an error.
 *
 * <p>Public for the rule files other packages read and validate ({@code catalog/secret-rules.yaml}'s
 * {@code terraform_names}): {@link #readWithJackson} and the accessors that throw a {@link CatalogException} naming
 * {@code file:line} when the file does not have the expected shape.
 */
public final class CatalogNode {

    /** Jackson's YAML parser is only loaded when {@link #readWithJackson} is used (tests compare both readers). */
    private static final class Yaml {
        static final YAMLFactory FACTORY = new YAMLFactory();
    }

    private final String file;
    private final int line;
    private final Object value;

    private CatalogNode(String file, int line, Object value) {
        this.file = file;
        this.line = line;
        this.value = value;
    }

    /** Reads a catalog file with the fast subset reader ({@link CatalogYamlReader}). */
    static CatalogNode read(String file, InputStream in) {
        try {
            return CatalogYamlReader.read(file, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CatalogException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a whole YAML document with Jackson (full YAML); an empty document is an empty map. */
    public static CatalogNode readWithJackson(String file, InputStream in) {
        try (JsonParser p = Yaml.FACTORY.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new CatalogNode(file, 1, Map.of());
            }
            return readValue(file, p);
        } catch (CatalogException e) {
            throw e;
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null
                    ? jpe.getLocation().getLineNr() : 0;
            throw new CatalogException(file + (line > 0 ? ":" + line : "") + ": not valid YAML: " + msg
                    + " (fix the YAML syntax of this data file)", e);
        }
    }

    private static CatalogNode readValue(String file, JsonParser p) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, CatalogNode> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    // a child is located at its key, so messages point at the line a reader looks for
                    CatalogNode child = readValue(file, p).atLine(keyLine);
                    CatalogNode previous = map.put(key, child);
                    if (previous != null) {
                        throw new CatalogException(file + ":" + keyLine + ": duplicate key '" + key
                                + "' (first written at line " + previous.line + "); keep one of them");
                    }
                }
                return new CatalogNode(file, line, Collections.unmodifiableMap(map));
            }
            case START_ARRAY -> {
                List<CatalogNode> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(readValue(file, p));
                }
                return new CatalogNode(file, line, Collections.unmodifiableList(list));
            }
            case VALUE_STRING -> {
                return new CatalogNode(file, line, p.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new CatalogNode(file, line, p.getDecimalValue());
            }
            case VALUE_TRUE -> {
                return new CatalogNode(file, line, Boolean.TRUE);
            }
            case VALUE_FALSE -> {
                return new CatalogNode(file, line, Boolean.FALSE);
            }
            case VALUE_NULL -> {
                return new CatalogNode(file, line, null);
            }
            default -> throw new CatalogException(file + ":" + line + ": unexpected YAML token " + t);
        }
    }

    private CatalogNode atLine(int newLine) {
        return withLine(newLine);
    }

    /** The same value located at another line. */
    CatalogNode withLine(int newLine) {
        return newLine == line ? this : new CatalogNode(file, newLine, value);
    }

    /** A node of an already converted value (Map of CatalogNode, List of CatalogNode, or a scalar). */
    static CatalogNode of(String file, int line, Object value) {
        return new CatalogNode(file, line, value);
    }

    String file() {
        return file;
    }

    int line() {
        return line;
    }

    public String location() {
        return line > 0 ? file + ":" + line : file;
    }

    boolean isMap() {
        return value instanceof Map;
    }

    public boolean isList() {
        return value instanceof List;
    }

    boolean isNull() {
        return value == null;
    }

    boolean isScalar() {
        return !isMap() && !isList();
    }

    /** The entries of a map node; an error naming this place when it is not a map. */
    @SuppressWarnings("unchecked")
    public Map<String, CatalogNode> entries(String what) {
        if (!isMap()) {
            throw CatalogException.at(this, "expected " + what + " (a map of key: value)");
        }
        return (Map<String, CatalogNode>) value;
    }

    @SuppressWarnings("unchecked")
    public List<CatalogNode> items(String what) {
        if (!isList()) {
            throw CatalogException.at(this, "expected " + what + " (a list)");
        }
        return (List<CatalogNode>) value;
    }

    /** A child of a map node, or null. */
    public CatalogNode get(String key) {
        return isMap() ? entries("").get(key) : null;
    }

    /** A string scalar (numbers and booleans are rendered as text); an error when it is a map or list. */
    public String text(String what) {
        if (value == null || !isScalar()) {
            throw CatalogException.at(this, "expected " + what + " (a text value)");
        }
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }

    BigDecimal number(String what) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                // fall through to the error
            }
        }
        throw CatalogException.at(this, "expected " + what + " (a number)");
    }

    boolean bool(String what) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw CatalogException.at(this, "expected " + what + " (true or false)");
    }

    /** A list of strings; a single string counts as a one-element list. */
    List<String> texts(String what) {
        if (isList()) {
            List<String> out = new ArrayList<>();
            for (CatalogNode n : items(what)) {
                out.add(n.text(what));
            }
            return List.copyOf(out);
        }
        return List.of(text(what));
    }

    /** The scalar converted to a plain JSON-like Java value (String, Long/Double, Boolean, null). */
    Object scalarValue() {
        return JsonValues.plain(value);
    }

    /** The whole subtree as plain JSON-like Java values. */
    Object plain() {
        if (isMap()) {
            Map<String, Object> out = new LinkedHashMap<>();
            entries("").forEach((k, v) -> out.put(k, v.plain()));
            return out;
        }
        if (isList()) {
            List<Object> out = new ArrayList<>();
            items("").forEach(n -> out.add(n.plain()));
            return out;
        }
        return scalarValue();
    }

    /** Rejects keys that are not in the allowed set, naming the place and the allowed keys. */
    public void onlyKeys(String what, java.util.Set<String> allowed) {
        for (Map.Entry<String, CatalogNode> e : entries(what).entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw CatalogException.at(e.getValue(), "unknown key '" + e.getKey() + "' in " + what
                        + "; expected one of " + new java.util.TreeSet<>(allowed));
            }
        }
    }
}
