package dev.cloudshift.data.cast;

import dev.cloudshift.data.dialect.Dialect;
import dev.cloudshift.data.dialect.SqliteDialect;
import dev.cloudshift.data.rulefile.RuleFileException;
import dev.cloudshift.data.rulefile.RuleFileReader;
import dev.cloudshift.data.rulefile.RuleNode;
import dev.cloudshift.data.schema.Column;
import dev.cloudshift.data.schema.ForeignKey;
import dev.cloudshift.data.schema.Index;
import dev.cloudshift.data.schema.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Type casts from one database to another, read from {@code typemaps/<source>-to-<target>.yaml} and the shared
 * files it includes (in the spirit of pgloader's cast rules). The first rule whose {@code match} fits a column
 * wins; pair-specific rules come before included ones.
 *
 * <p>A rule: {@code match} (all optional: {@code type} a name or list of names, {@code *} as wildcard;
 * {@code params} exact parameters, {@code has_params}, {@code unsigned}, {@code auto_increment}, {@code default}
 * a glob over the default expression, {@code affinity} for SQLite, {@code length_min}/{@code length_max} on the
 * first parameter, {@code indexed} for a column in a key or index), {@code to} the target type with placeholders {@code {length}}, {@code {precision}},
 * {@code {scale}} (each with an optional {@code :fallback}), {@code {params}}, {@code {declared}}, {@code {unsigned}},
 * {@code {element}}; and optionally {@code transform} (see {@link ValueTransforms#NAMES}),
 * {@code zero_dates: null|reject}, {@code drop_default}, {@code drop_not_null}, {@code check: enum}, {@code note},
 * {@code holds} (the type whose values the column takes, when it differs from the declared one: MySQL's
 * {@code tinyint(1)} copied to MySQL holds any tinyint, not only booleans).
 */
public final class CastRules {

    private static final Set<String> FILE_KEYS = Set.of("source", "target", "include", "rules", "description");
    private static final Set<String> RULE_KEYS = Set.of("match", "to", "transform", "zero_dates", "drop_default",
            "drop_not_null", "check", "note", "holds");
    private static final Set<String> MATCH_KEYS = Set.of("type", "params", "has_params", "unsigned",
            "auto_increment", "default", "affinity", "length_min", "length_max", "indexed");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(length|precision|scale|params|declared|element|unsigned)(?::(\\d+))?}");

    private final String source;
    private final String target;
    private final List<CastRule> rules;
    private final TargetTypes targetTypes;
    private final DefaultTranslator defaults;

    private CastRules(String source, String target, List<CastRule> rules) {
        this.source = source;
        this.target = target;
        this.rules = List.copyOf(rules);
        this.targetTypes = TargetTypes.load(target);
        this.defaults = new DefaultTranslator(target);
    }

    /** The built-in rules for a source and target database. */
    public static CastRules load(Dialect source, Dialect target) {
        return load(source.name(), target.name());
    }

    public static CastRules load(String source, String target) {
        return load(source, target, null);
    }

    /**
     * The built-in rules with a user's rule file in front (same format: {@code rules:} and optional {@code include:}
     * of built-in shared files), so a project can override a cast without forking the tool.
     */
    public static CastRules load(String source, String target, Path overrides) {
        List<CastRule> rules = new ArrayList<>();
        if (overrides != null) {
            readFile(RuleFileReader.read(overrides), rules, new LinkedHashSet<>());
        }
        String resource = "/typemaps/" + source + "-to-" + target + ".yaml";
        if (CastRules.class.getResource(resource) == null) {
            throw new IllegalArgumentException("no cast rules from " + source + " to " + target
                    + " (expected resource " + resource + ")");
        }
        RuleNode root = RuleFileReader.readResource(resource);
        checkHeader(root, source, target);
        readFile(root, rules, new LinkedHashSet<>());
        return new CastRules(source, target, rules);
    }

    private static void checkHeader(RuleNode root, String source, String target) {
        root.asMap("a cast rule file");
        RuleNode s = root.require("source", "a cast rule file");
        if (!source.equals(s.asText("source"))) {
            throw s.error("expected source: " + source);
        }
        RuleNode t = root.require("target", "a cast rule file");
        if (!target.equals(t.asText("target"))) {
            throw t.error("expected target: " + target);
        }
    }

    private static void readFile(RuleNode root, List<CastRule> out, Set<String> seen) {
        root.asMap("a cast rule file");
        root.requireOnlyKeys(FILE_KEYS, "a cast rule file");
        RuleNode rules = root.get("rules");
        if (rules != null) {
            for (RuleNode r : rules.asList("rules")) {
                out.add(parseRule(r));
            }
        }
        RuleNode include = root.get("include");
        if (include != null) {
            for (RuleNode inc : include.asList("include")) {
                String name = inc.asNonEmptyText("an included file name");
                String resource = "/typemaps/" + name;
                if (CastRules.class.getResource(resource) == null) {
                    throw inc.error("expected the name of a file under typemaps/, such as shared/any-to-postgresql.yaml");
                }
                if (seen.add(name)) {
                    readFile(RuleFileReader.readResource(resource), out, seen);
                }
            }
        }
    }

    private static CastRule parseRule(RuleNode r) {
        r.asMap("a cast rule");
        r.requireOnlyKeys(RULE_KEYS, "a cast rule");
        RuleNode m = r.require("match", "a cast rule");
        m.asMap("match");
        m.requireOnlyKeys(MATCH_KEYS, "match");
        List<String> types = null;
        if (m.get("type") != null) {
            types = new ArrayList<>();
            for (RuleNode t : m.get("type").asList("type")) {
                types.add(t.asText("type").toLowerCase(Locale.ROOT).trim());
            }
        }
        List<String> params = null;
        if (m.get("params") != null) {
            params = new ArrayList<>();
            for (RuleNode p : m.get("params").asList("params")) {
                params.add(p.asText("params"));
            }
        }
        String transform = r.get("transform") == null ? "none" : r.get("transform").asNonEmptyText("transform");
        if (!ValueTransforms.NAMES.contains(transform)) {
            throw r.get("transform").error("expected a transform (" + String.join(", ",
                    ValueTransforms.NAMES.stream().sorted().toList()) + "), found '" + transform + "'");
        }
        String zero = r.get("zero_dates") == null ? "reject" : r.get("zero_dates").asText("zero_dates");
        if (zero == null) {
            zero = "null";
        }
        if (!zero.equals("reject") && !zero.equals("null")) {
            throw r.get("zero_dates").error("expected zero_dates: null or zero_dates: reject");
        }
        String check = r.get("check") == null ? null : r.get("check").asText("check");
        if (check != null && !check.equals("enum")) {
            throw r.get("check").error("expected check: enum");
        }
        return new CastRule(r.file() + ":" + r.line(),
                types, params, bool(m, "has_params"), bool(m, "unsigned"), bool(m, "auto_increment"),
                m.get("default") == null ? null : m.get("default").asText("default"),
                m.get("affinity") == null ? null : m.get("affinity").asNonEmptyText("affinity").toLowerCase(Locale.ROOT),
                m.get("length_min") == null ? null : (int) m.get("length_min").asLong("length_min"),
                m.get("length_max") == null ? null : (int) m.get("length_max").asLong("length_max"),
                bool(m, "indexed"),
                r.require("to", "a cast rule").asNonEmptyText("to"), transform, zero.equals("null"),
                r.get("drop_default") != null && r.get("drop_default").asBoolean("drop_default"),
                r.get("drop_not_null") != null && r.get("drop_not_null").asBoolean("drop_not_null"),
                "enum".equals(check), r.get("note") == null ? null : r.get("note").asText("note"),
                r.get("holds") == null ? null : r.get("holds").asNonEmptyText("holds"));
    }

    private static Boolean bool(RuleNode m, String key) {
        return m.get(key) == null ? null : m.get(key).asBoolean(key);
    }

    public String source() {
        return source;
    }

    public String target() {
        return target;
    }

    public List<CastRule> rules() {
        return rules;
    }

    /** The cast for one source column, as a column in no key or index. */
    public ColumnCast castFor(Column column) {
        return castFor(column, false);
    }

    /**
     * The cast for a column of a table: a column in the primary key, a unique key, an index or a foreign key
     * may need a different type ({@code indexed} in a rule's match), MySQL indexing no unbounded text.
     */
    public ColumnCast castFor(Table table, Column column) {
        return castFor(column, isIndexed(table, column.name()));
    }

    /** Whether the column is part of the table's primary key, an index or a foreign key (either side is the table's). */
    public static boolean isIndexed(Table table, String column) {
        if (table.primaryKey().stream().anyMatch(column::equalsIgnoreCase)) {
            return true;
        }
        for (Index i : table.indexes()) {
            if (i.columns().stream().anyMatch(column::equalsIgnoreCase)) {
                return true;
            }
        }
        for (ForeignKey fk : table.foreignKeys()) {
            if (fk.columns().stream().anyMatch(column::equalsIgnoreCase)) {
                return true;
            }
        }
        return false;
    }

    private ColumnCast castFor(Column column, boolean indexed) {
        TypeName type = TypeName.parse(column.declaredType());
        String affinity = source.equals("sqlite") ? SqliteDialect.affinity(column.declaredType()) : null;
        CastRule rule = null;
        for (CastRule r : rules) {
            if (r.matches(type, column, affinity, indexed)) {
                rule = r;
                break;
            }
        }
        if (rule == null) {
            throw new IllegalStateException("no cast rule from " + source + " to " + target + " matches column "
                    + column.name() + " of type " + column.declaredType()
                    + "; add a rule to typemaps/" + source + "-to-" + target + ".yaml");
        }
        String targetType = expand(rule, type, column);
        TargetType t = rule.holds() == null ? targetTypes.resolve(targetType)
                : targetTypes.resolve(expand(rule.holds(), rule, type, column));
        List<String> notes = new ArrayList<>();
        if (rule.note() != null) {
            notes.add(rule.note());
        }
        boolean nullable = column.nullable() || rule.dropNotNull() || rule.zeroDatesToNull();
        String dflt = column.autoIncrement() || rule.dropDefault() ? null
                : defaults.translate(column.defaultValue(), t, notes);
        List<String> allowed = rule.enumCheck() ? type.params() : List.of();
        ValueConverter converter = converter(rule, t, allowed);
        return new ColumnCast(column, targetType, t, nullable, dflt, column.autoIncrement(), allowed, converter,
                rule.where(), notes);
    }

    private static ValueConverter converter(CastRule rule, TargetType t, List<String> allowed) {
        ValueConverter c = ValueTransforms.named(rule.transform());
        if (rule.zeroDatesToNull()) {
            c = ValueTransforms.named("zero-date-to-null").andThen(c);
        }
        ValueConverter fit = Coercions.forTarget(t);
        ValueConverter out = c == ValueConverter.IDENTITY ? fit : c.andThen(fit);
        if (!allowed.isEmpty()) {
            Set<String> values = Set.copyOf(allowed);
            ValueConverter inner = out;
            out = v -> {
                Object r = inner.convert(v);
                if (r != null && !values.contains(r.toString())) {
                    throw new RejectedValueException("not one of the enum's values");
                }
                return r;
            };
        }
        return out;
    }

    private String expand(CastRule rule, TypeName type, Column column) {
        return expand(rule.to(), rule, type, column);
    }

    private String expand(String template, CastRule rule, TypeName type, Column column) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String fallback = m.group(2);
            String value = switch (m.group(1)) {
                case "length", "precision" -> number(type, 0, fallback, rule);
                case "scale" -> number(type, 1, fallback == null ? "0" : fallback, rule);
                case "params" -> type.params().isEmpty() ? "" : "(" + String.join(",", type.params()) + ")";
                case "declared" -> column.declaredType();
                case "unsigned" -> type.unsigned() ? " unsigned" : "";
                case "element" -> castFor(new Column(column.name(), elementDeclared(type), column.jdbcType(), 0, 0,
                        true, null, false)).targetType();
                default -> throw new IllegalStateException(m.group(1));
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String elementDeclared(TypeName type) {
        TypeName e = type.element();
        return e.base() + (e.params().isEmpty() ? "" : "(" + String.join(",", e.params()) + ")");
    }

    private static String number(TypeName type, int index, String fallback, CastRule rule) {
        if (index < type.params().size() && type.params().get(index).trim().matches("\\d+")) {
            return type.params().get(index).trim();
        }
        if (fallback == null) {
            throw new RuleFileException(rule.where().substring(0, rule.where().lastIndexOf(':')),
                    Integer.parseInt(rule.where().substring(rule.where().lastIndexOf(':') + 1)), 1,
                    "expected a fallback such as {length:255} for types declared without parameters ("
                            + type.declared() + ")");
        }
        return fallback;
    }

    /** One rule as written; see the class comment for the fields. */
    public record CastRule(String where, List<String> types, List<String> params, Boolean hasParams,
                           Boolean unsigned, Boolean autoIncrement, String defaultGlob, String affinity,
                           Integer lengthMin, Integer lengthMax, Boolean indexed, String to, String transform,
                           boolean zeroDatesToNull, boolean dropDefault, boolean dropNotNull, boolean enumCheck,
                           String note, String holds) {

        boolean matches(TypeName type, Column c, String columnAffinity, boolean columnIndexed) {
            if (indexed != null && indexed != columnIndexed) {
                return false;
            }
            if (types != null && types.stream().noneMatch(t -> glob(t, type.base()))) {
                return false;
            }
            if (params != null && !params.equals(type.params())) {
                return false;
            }
            if (hasParams != null && hasParams == type.params().isEmpty()) {
                return false;
            }
            if (unsigned != null && unsigned != type.unsigned()) {
                return false;
            }
            if (autoIncrement != null && autoIncrement != c.autoIncrement()) {
                return false;
            }
            if (defaultGlob != null && (c.defaultValue() == null || !glob(defaultGlob.toLowerCase(Locale.ROOT),
                    stripQuotes(c.defaultValue()).toLowerCase(Locale.ROOT)))) {
                return false;
            }
            if (affinity != null && !affinity.equals(columnAffinity)) {
                return false;
            }
            int first = type.param(0, -1);
            if (lengthMin != null && (first < 0 || first < lengthMin)) {
                return false;
            }
            return lengthMax == null || (first >= 0 && first <= lengthMax);
        }

        private static String stripQuotes(String d) {
            String s = d.trim();
            return s.length() >= 2 && s.startsWith("'") && s.endsWith("'") ? s.substring(1, s.length() - 1) : s;
        }

        static boolean glob(String pattern, String value) {
            if (!pattern.contains("*")) {
                return pattern.equals(value);
            }
            return value.matches(Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
        }
    }

    /** Exposed for tests and the DDL translator: the target type table. */
    public TargetTypes targetTypes() {
        return targetTypes;
    }

    @Override
    public String toString() {
        return source + "-to-" + target + " (" + rules.size() + " rules)";
    }
}
