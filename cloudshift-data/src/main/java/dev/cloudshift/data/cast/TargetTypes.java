package dev.cloudshift.data.cast;

import dev.cloudshift.data.cast.TargetType.Kind;
import dev.cloudshift.data.cast.TargetType.TargetOptions;
import dev.cloudshift.data.rulefile.RuleFileReader;
import dev.cloudshift.data.rulefile.RuleNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The types one target database has and what each can hold, from {@code typemaps/target-types/<target>.yaml}. */
public final class TargetTypes {

    private static final Set<String> TYPE_KEYS = Set.of("kind", "min", "max", "length", "max_bytes",
            "default_fraction", "max_fraction", "earliest", "latest");
    private static final Set<String> OPTION_KEYS = Set.of("reject_nul_in_text", "non_finite_floats",
            "enforces_length", "json_as_bytes", "arrays", "infinite_times");

    private final String target;
    private final TargetOptions options;
    private final Map<String, RuleNode> types;

    private TargetTypes(String target, TargetOptions options, Map<String, RuleNode> types) {
        this.target = target;
        this.options = options;
        this.types = types;
    }

    public static TargetTypes load(String target) {
        RuleNode root = RuleFileReader.readResource("/typemaps/target-types/" + target + ".yaml");
        Map<String, RuleNode> top = root.asMap("a target type file");
        root.requireOnlyKeys(Set.of("options", "types"), "a target type file");
        RuleNode opts = root.require("options", "a target type file");
        opts.requireOnlyKeys(OPTION_KEYS, "options");
        TargetOptions options = new TargetOptions(
                flag(opts, "reject_nul_in_text", false), flag(opts, "non_finite_floats", true),
                flag(opts, "enforces_length", true), flag(opts, "json_as_bytes", false),
                opts.get("arrays") == null ? "json" : opts.get("arrays").asNonEmptyText("arrays"),
                flag(opts, "infinite_times", false));
        Map<String, RuleNode> types = new LinkedHashMap<>();
        for (Map.Entry<String, RuleNode> e : top.get("types").asMap("types").entrySet()) {
            RuleNode def = e.getValue();
            def.asMap("a type definition");
            def.requireOnlyKeys(TYPE_KEYS, "a type definition");
            String kind = def.require("kind", "a type definition").asNonEmptyText("kind");
            try {
                Kind.valueOf(kind.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw def.get("kind").error("expected a kind (boolean, integer, decimal, float32, float64, text, bytes,"
                        + " date, time, timestamp, timestamptz, json, uuid, array, textlike, other), found '" + kind + "'");
            }
            types.put(e.getKey().toLowerCase(Locale.ROOT), def);
        }
        return new TargetTypes(target, options, types);
    }

    private static boolean flag(RuleNode opts, String key, boolean dflt) {
        RuleNode n = opts.get(key);
        return n == null ? dflt : n.asBoolean(key);
    }

    public String target() {
        return target;
    }

    /** What a column of this declared target type can hold. Unknown types are {@link Kind#OTHER}. */
    public TargetType resolve(String declared) {
        TypeName name = TypeName.parse(declared);
        RuleNode def = name.params().isEmpty() ? null : types.get(name.base() + paramsText(name));
        if (def == null) {
            def = types.get(name.base());
        }
        TargetType element = null;
        if (def == null && name.isArray()) {
            def = types.get(name.base().endsWith("[]") ? "*[]" : "* array");
            element = resolve(name.element().base() + paramsText(name));
        }
        if (def == null) {
            return new TargetType(name, Kind.OTHER, -1, -1, -1, 0, null, null, 9, null, null, null, options);
        }
        Kind kind = Kind.valueOf(def.get("kind").asText("kind").toUpperCase(Locale.ROOT));
        int maxChars = -1;
        RuleNode length = def.get("length");
        if (length != null && "param".equals(length.asText("length"))) {
            maxChars = name.param(0, -1);
        } else if (length != null) {
            maxChars = (int) length.asLong("length");
        }
        long maxBytes = def.get("max_bytes") == null ? -1 : def.get("max_bytes").asLong("max_bytes");
        if (kind == Kind.BYTES && maxBytes < 0 && length != null) {
            maxBytes = maxChars;
            maxChars = -1;
        }
        int precision = kind == Kind.DECIMAL ? name.param(0, -1) : -1;
        int scale = kind == Kind.DECIMAL ? name.param(1, 0) : 0;
        BigDecimal min = decimal(def, "min");
        BigDecimal max = decimal(def, "max");
        if (kind == Kind.INTEGER && name.unsigned() && min != null && max != null) {
            max = max.subtract(min);
            min = BigDecimal.ZERO;
        }
        int fraction = 9;
        if (kind == Kind.TIME || kind == Kind.TIMESTAMP || kind == Kind.TIMESTAMPTZ) {
            int dflt = def.get("default_fraction") == null ? 6 : (int) def.get("default_fraction").asLong("default_fraction");
            int most = def.get("max_fraction") == null ? 9 : (int) def.get("max_fraction").asLong("max_fraction");
            fraction = Math.min(most, name.param(0, dflt));
        }
        return new TargetType(name, kind, maxChars, maxBytes, precision, scale, min, max, fraction,
                timestamp(def, "earliest"), timestamp(def, "latest"), element, options);
    }

    private static String paramsText(TypeName name) {
        return name.params().isEmpty() ? "" : "(" + String.join(",", name.params()) + ")";
    }

    private static BigDecimal decimal(RuleNode def, String key) {
        RuleNode n = def.get(key);
        if (n == null) {
            return null;
        }
        try {
            return new BigDecimal(n.asNonEmptyText(key).trim());
        } catch (NumberFormatException e) {
            throw n.error("expected " + key + " to be a number");
        }
    }

    private static LocalDateTime timestamp(RuleNode def, String key) {
        RuleNode n = def.get(key);
        if (n == null) {
            return null;
        }
        String s = n.asNonEmptyText(key).trim();
        try {
            return s.length() == 10 ? LocalDate.parse(s).atStartOfDay() : LocalDateTime.parse(s);
        } catch (DateTimeParseException e) {
            throw n.error("expected " + key + " as 2038-01-19T03:14:07 or 1000-01-01");
        }
    }
}
