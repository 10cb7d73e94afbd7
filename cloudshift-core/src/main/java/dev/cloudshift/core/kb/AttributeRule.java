package dev.cloudshift.core.kb;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one normalised attribute is read from raw attributes. Written in a type catalog either as a path
 * ({@code engine_version: engine_version}) or as a map:
 * <ul>
 * <li>{@code path}: a path or a list of paths (the first one present wins), see {@link RawPath};
 *     {@code concat}: paths whose values are joined as text ({@code [family, capacity]} -> {@code C1});
 *     {@code value}: a fixed value</li>
 * <li>{@code present: true}: true when the path has a value, false otherwise</li>
 * <li>{@code table}: look the value up in a named table of the same file (a miss keeps the value)</li>
 * <li>{@code sizing: vcpu|memory_gb}: look the value (an instance class) up in the provider's sizing table</li>
 * <li>{@code parse}: read a written quantity: {@code cpu} ("500m", "1"), {@code memory} ("512Mi", "1Gi",
 *     "2G", in GiB), {@code port} ("8080:80/tcp" -> 80), {@code duration} ("300s", "5m" in seconds),
 *     {@code image_version} ("postgres:15.4-alpine" -> "15.4")</li>
 * <li>{@code multiply}, {@code divide}: numbers; {@code negate}: flip a boolean</li>
 * <li>{@code default}: the raw value the provider assumes when the argument is omitted; it goes through the
 *     same table, sizing, parse and arithmetic steps as a written value</li>
 * </ul>
 * The result is coerced to the attribute's kind from the vocabulary. An unknown raw value ({@code ${...}})
 * gives no attribute (and no default), except for text attributes without a lookup, which keep the
 * expression text.
 */
final class AttributeRule {

    private static final Set<String> KEYS = Set.of("path", "concat", "value", "present", "table", "sizing", "parse",
            "multiply", "divide", "negate", "default");
    private static final Set<String> PARSERS = Set.of("cpu", "memory", "port", "duration", "image_version");
    private static final Pattern QUANTITY = Pattern.compile("^\\s*([0-9]*\\.?[0-9]+)\\s*([A-Za-z]*)\\s*$");
    private static final Pattern VERSION = Pattern.compile("^(\\d+(?:\\.\\d+)*)");

    private final String attribute;
    private final Vocabulary.Kind kind;
    private final List<RawPath> paths;
    private final List<RawPath> concat;
    private final Object value;
    private final boolean present;
    private final Map<String, Object> table;
    private final String sizing;
    private final String parse;
    private final BigDecimal multiply;
    private final BigDecimal divide;
    private final boolean negate;
    private final Object defaultValue;

    private AttributeRule(String attribute, Vocabulary.Kind kind, List<RawPath> paths, List<RawPath> concat, Object value,
                          boolean present, Map<String, Object> table, String sizing, String parse, BigDecimal multiply,
                          BigDecimal divide, boolean negate, Object defaultValue) {
        this.attribute = attribute;
        this.kind = kind;
        this.paths = paths;
        this.concat = concat;
        this.value = value;
        this.present = present;
        this.table = table;
        this.sizing = sizing;
        this.parse = parse;
        this.multiply = multiply;
        this.divide = divide;
        this.negate = negate;
        this.defaultValue = defaultValue;
    }

    String attribute() {
        return attribute;
    }

    /** Parses and validates one rule; errors name the data file and line. */
    static AttributeRule read(String attribute, CatalogNode node, Vocabulary vocabulary,
                              Map<String, Map<String, Object>> tables) {
        Vocabulary.Kind kind = vocabulary.attributes().get(attribute);
        if (kind == null) {
            throw CatalogException.at(node, "unknown normalised attribute '" + attribute
                    + "'; use one of catalog/vocabulary.yaml (add it there only when none fits)");
        }
        if (node.isScalar()) {
            return new AttributeRule(attribute, kind, List.of(path(node, node.text("path"))), List.of(), null, false,
                    null, null, null, null, null, false, null);
        }
        node.onlyKeys("rule for " + attribute, KEYS);
        int sources = (node.get("path") != null ? 1 : 0) + (node.get("concat") != null ? 1 : 0)
                + (node.get("value") != null ? 1 : 0);
        if (sources != 1) {
            throw CatalogException.at(node, "rule for " + attribute + " needs exactly one of path, concat or value");
        }
        List<RawPath> paths = new ArrayList<>();
        if (node.get("path") != null) {
            for (String p : node.get("path").texts("path")) {
                paths.add(path(node.get("path"), p));
            }
        }
        List<RawPath> concat = new ArrayList<>();
        if (node.get("concat") != null) {
            for (String p : node.get("concat").texts("concat")) {
                concat.add(path(node.get("concat"), p));
            }
        }
        Object value = node.get("value") == null ? null : node.get("value").plain();
        Map<String, Object> table = null;
        if (node.get("table") != null) {
            String name = node.get("table").text("table name");
            table = tables.get(name);
            if (table == null) {
                throw CatalogException.at(node.get("table"), "unknown table '" + name + "'; define it under 'tables:' of this file");
            }
        }
        String sizing = null;
        if (node.get("sizing") != null) {
            sizing = node.get("sizing").text("sizing");
            if (!sizing.equals("vcpu") && !sizing.equals("memory_gb")) {
                throw CatalogException.at(node.get("sizing"), "sizing must be vcpu or memory_gb, not '" + sizing + "'");
            }
        }
        String parse = null;
        if (node.get("parse") != null) {
            parse = node.get("parse").text("parse");
            if (!PARSERS.contains(parse)) {
                throw CatalogException.at(node.get("parse"), "unknown parse '" + parse + "'; expected one of " + PARSERS);
            }
        }
        BigDecimal multiply = node.get("multiply") == null ? null : node.get("multiply").number("multiply");
        BigDecimal divide = node.get("divide") == null ? null : node.get("divide").number("divide");
        if (divide != null && divide.signum() == 0) {
            throw CatalogException.at(node.get("divide"), "divide by zero");
        }
        if ((multiply != null || divide != null) && kind != Vocabulary.Kind.NUMBER && kind != Vocabulary.Kind.NUMBER_LIST) {
            throw CatalogException.at(node, "multiply/divide on '" + attribute + "', which is not a number");
        }
        boolean negate = node.get("negate") != null && node.get("negate").bool("negate");
        boolean present = node.get("present") != null && node.get("present").bool("present");
        if ((negate || present) && kind != Vocabulary.Kind.BOOLEAN) {
            throw CatalogException.at(node, "negate/present on '" + attribute + "', which is not a boolean");
        }
        Object def = node.get("default") == null ? null : node.get("default").plain();
        return new AttributeRule(attribute, kind, List.copyOf(paths), List.copyOf(concat), value, present,
                table, sizing, parse, multiply, divide, negate, def);
    }

    private static RawPath path(CatalogNode where, String text) {
        RawPath p = RawPath.parse(text);
        if (p == null) {
            throw CatalogException.at(where, "malformed path '" + text
                    + "'; write names separated by dots, indexes as .0 or [0], * for every element");
        }
        return p;
    }

    /** The normalised value, or empty when the raw attributes do not give one. */
    Optional<Object> apply(Map<String, Object> raw, InstanceSizes sizes) {
        Object v = resolve(raw);
        if (present) {
            return Optional.of(negate != (v != null && !JsonValues.isUnknown(v)));
        }
        if (v != null && JsonValues.isUnknown(v)) {
            // written but not statically known: no default (the provider default does not apply), and only
            // plain text attributes keep the expression text
            boolean keepUnknownText = kind == Vocabulary.Kind.STRING && table == null && sizing == null && parse == null;
            return keepUnknownText ? Optional.of(v) : Optional.empty();
        }
        if (v == null) {
            // the default stands for the raw value the provider assumes when the argument is omitted,
            // so it goes through the same lookups and conversions as a written value
            v = defaultValue;
        }
        if (v != null && table != null) {
            String key = JsonValues.toText(v);
            if (key != null && table.containsKey(key)) {
                v = table.get(key);
            }
        }
        if (v != null && sizing != null) {
            Optional<InstanceSize> size = sizes.lookup(JsonValues.toText(v));
            v = size.map(s -> (Object) (sizing.equals("vcpu") ? s.vcpu() : s.memoryGb())).orElse(null);
        }
        if (v != null && parse != null) {
            v = v instanceof List<?> l ? parseAll(l) : parse(v);
        }
        return v == null ? Optional.empty() : Optional.ofNullable(coerce(v));
    }

    private Object resolve(Map<String, Object> raw) {
        if (value != null) {
            return value;
        }
        if (!concat.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (RawPath p : concat) {
                Object part = p.lookup(raw);
                String text = JsonValues.toText(part);
                if (text == null || JsonValues.isUnknown(part)) {
                    return null;
                }
                sb.append(text);
            }
            return sb.toString();
        }
        for (RawPath p : paths) {
            Object v = p.lookup(raw);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private List<Object> parseAll(List<?> l) {
        List<Object> out = new ArrayList<>();
        for (Object x : l) {
            Object p = JsonValues.isUnknown(x) ? null : parse(x);
            if (p != null) {
                out.add(p);
            }
        }
        return out.isEmpty() ? null : out;
    }

    private Object parse(Object v) {
        switch (parse) {
            case "port" -> {
                if (v instanceof Map<?, ?> m) {
                    return m.get("target");
                }
                String s = JsonValues.toText(v);
                if (s == null) {
                    return null;
                }
                String noProto = s.contains("/") ? s.substring(0, s.indexOf('/')) : s;
                String last = noProto.substring(noProto.lastIndexOf(':') + 1);
                if (last.contains("-")) {
                    last = last.substring(0, last.indexOf('-'));
                }
                return JsonValues.toDecimal(last);
            }
            case "image_version" -> {
                String s = JsonValues.toText(v);
                if (s == null) {
                    return null;
                }
                String noDigest = s.contains("@") ? s.substring(0, s.indexOf('@')) : s;
                int slash = noDigest.lastIndexOf('/');
                int colon = noDigest.lastIndexOf(':');
                if (colon <= slash) {
                    return null;
                }
                Matcher m = VERSION.matcher(noDigest.substring(colon + 1));
                return m.find() ? m.group(1) : null;
            }
            default -> {
                BigDecimal plain = JsonValues.toDecimal(v);
                if (plain != null) {
                    return plain;
                }
                String s = JsonValues.toText(v);
                Matcher m = s == null ? null : QUANTITY.matcher(s);
                if (m == null || !m.matches()) {
                    return null;
                }
                BigDecimal n = new BigDecimal(m.group(1));
                String unit = m.group(2).toLowerCase(java.util.Locale.ROOT);
                return switch (parse) {
                    case "cpu" -> unit.equals("m") ? n.divide(BigDecimal.valueOf(1000), MathContext.DECIMAL64)
                            : unit.isEmpty() ? n : null;
                    case "memory" -> switch (unit) {
                        case "gi", "g", "gb", "gib" -> n;
                        case "mi", "m", "mb", "mib" -> n.divide(BigDecimal.valueOf(1024), MathContext.DECIMAL64);
                        case "ki", "k", "kb", "kib" -> n.divide(BigDecimal.valueOf(1024L * 1024), MathContext.DECIMAL64);
                        case "ti", "t", "tb", "tib" -> n.multiply(BigDecimal.valueOf(1024));
                        default -> null;
                    };
                    case "duration" -> switch (unit) {
                        case "s", "" -> n;
                        case "ms" -> n.divide(BigDecimal.valueOf(1000), MathContext.DECIMAL64);
                        case "m", "min" -> n.multiply(BigDecimal.valueOf(60));
                        case "h" -> n.multiply(BigDecimal.valueOf(3600));
                        default -> null;
                    };
                    default -> null;
                };
            }
        }
    }

    private Object coerce(Object v) {
        return switch (kind) {
            case STRING -> JsonValues.toText(v);
            case NUMBER -> {
                if (v instanceof List<?> l && l.size() == 1) {
                    v = l.get(0);
                }
                BigDecimal d = JsonValues.toDecimal(v);
                yield d == null ? null : JsonValues.canonicalNumber(arith(d));
            }
            case BOOLEAN -> {
                Boolean b = JsonValues.toBoolean(v);
                yield b == null ? null : (Object) (negate != b);
            }
            case NUMBER_LIST -> {
                List<?> in = v instanceof List<?> l ? l : List.of(v);
                Set<Number> out = new LinkedHashSet<>();
                for (Object x : in) {
                    BigDecimal d = JsonValues.isUnknown(x) ? null : JsonValues.toDecimal(x);
                    if (d != null) {
                        out.add(JsonValues.canonicalNumber(arith(d)));
                    }
                }
                yield out.isEmpty() ? null : List.copyOf(out);
            }
            case ANY -> JsonValues.plain(v);
        };
    }

    private BigDecimal arith(BigDecimal d) {
        BigDecimal r = d;
        if (multiply != null) {
            r = r.multiply(multiply);
        }
        if (divide != null) {
            r = r.divide(divide, MathContext.DECIMAL64);
        }
        return r;
    }
}
