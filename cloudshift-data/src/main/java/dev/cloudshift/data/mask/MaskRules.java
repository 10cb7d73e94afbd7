package dev.cloudshift.data.mask;

import dev.cloudshift.data.cast.ValueConverter;
import dev.cloudshift.data.rulefile.RuleFileException;
import dev.cloudshift.data.rulefile.RuleFileReader;
import dev.cloudshift.data.rulefile.RuleNode;
import dev.cloudshift.data.schema.Column;
import dev.cloudshift.data.schema.Table;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Masking rules for non-production copies, from a YAML file:
 *
 * <pre>
 * rules:
 *   - match: users.email          # table.column, * as wildcard, case-insensitive
 *     strategy: fake_email
 *   - match: "*.phone*"
 *     strategy: fake_phone
 *   - match: users.birth_date
 *     strategy: shift_date
 *     days: 30
 *   - match: "*.notes"
 *     strategy: "null"
 *   - match: customers.country
 *     strategy: constant
 *     value: XX
 * </pre>
 *
 * The first rule matching a column wins; columns no rule matches are copied unchanged. Strategies: keep, null,
 * constant (value), hash (length), fake_name (part: full|first|last), fake_email, fake_phone, shift_date (days).
 * Every strategy that computes a value is keyed with HMAC-SHA256 under the mask key ({@code --mask-key} or the
 * environment variable {@value #KEY_VARIABLE}): deterministic, so joins and unique keys survive.
 */
public final class MaskRules {

    /** Environment variable holding the mask key when {@code --mask-key} is not given. */
    public static final String KEY_VARIABLE = "CLOUDSHIFT_MASK_KEY";

    static final Set<String> STRATEGIES = Set.of("keep", "null", "constant", "hash", "fake_name", "fake_email",
            "fake_phone", "shift_date");
    private static final Set<String> KEYED = Set.of("hash", "fake_name", "fake_email", "fake_phone", "shift_date");
    private static final Set<String> RULE_KEYS = Set.of("match", "strategy", "value", "length", "part", "days");

    /** One rule as written. */
    record MaskRule(String pattern, Pattern table, Pattern column, String strategy, String value, int length,
                    String part, int days, RuleNode node) {
    }

    private final List<MaskRule> rules;
    private final MaskStrategies strategies;

    private MaskRules(List<MaskRule> rules, byte[] key) {
        this.rules = List.copyOf(rules);
        this.strategies = key == null ? null : new MaskStrategies(key);
    }

    /** Rules from a file, the key from {@value #KEY_VARIABLE} (needed only by keyed strategies). */
    public static MaskRules load(Path file) {
        return load(file, System.getenv(KEY_VARIABLE));
    }

    /**
     * Rules from a file with the given key (null or blank: none).
     *
     * @throws RuleFileException {@code file:line:column: expected ...} for a file that does not say what it must,
     *                           or when a keyed strategy is used without a key
     */
    public static MaskRules load(Path file, String key) {
        RuleNode root = RuleFileReader.read(file);
        root.asMap("a masking rules file");
        root.requireOnlyKeys(Set.of("rules", "description"), "a masking rules file");
        List<MaskRule> rules = new ArrayList<>();
        boolean keyed = false;
        for (RuleNode r : root.require("rules", "a masking rules file").asList("rules")) {
            MaskRule rule = parse(r);
            rules.add(rule);
            keyed |= KEYED.contains(rule.strategy());
            if (keyed && (key == null || key.isBlank())) {
                throw r.get("strategy").error("expected a mask key for strategy " + rule.strategy()
                        + ": pass --mask-key or set " + KEY_VARIABLE + " (the same key gives the same masked values)");
            }
        }
        return new MaskRules(rules, key == null || key.isBlank() ? null : key.getBytes(StandardCharsets.UTF_8));
    }

    private static MaskRule parse(RuleNode r) {
        r.asMap("a masking rule");
        r.requireOnlyKeys(RULE_KEYS, "a masking rule");
        RuleNode m = r.require("match", "a masking rule");
        String pattern = m.asNonEmptyText("match (table.column)").trim();
        int dot = pattern.indexOf('.');
        if (dot <= 0 || dot == pattern.length() - 1 || pattern.indexOf('.', dot + 1) >= 0) {
            throw m.error("expected match as table.column (* matches any text), such as users.email or *.phone");
        }
        RuleNode s = r.require("strategy", "a masking rule");
        String strategy = s.asText("strategy");
        if (strategy == null) {
            strategy = "null"; // YAML reads a bare null as nothing
        }
        if (!STRATEGIES.contains(strategy)) {
            throw s.error("expected a strategy (" + String.join(", ", STRATEGIES.stream().sorted().toList())
                    + "), found '" + strategy + "'");
        }
        String value = null;
        if (strategy.equals("constant")) {
            value = r.require("value", "a constant rule").asText("value");
        }
        int length = r.get("length") == null ? 0 : (int) positive(r.get("length"), "length");
        String part = "full";
        if (r.get("part") != null) {
            part = r.get("part").asNonEmptyText("part");
            if (!Set.of("full", "first", "last").contains(part)) {
                throw r.get("part").error("expected part: full, first or last");
            }
        }
        int days = 0;
        if (strategy.equals("shift_date")) {
            days = (int) positive(r.require("days", "a shift_date rule (how many days at most)"), "days");
        }
        return new MaskRule(pattern, glob(pattern.substring(0, dot)), glob(pattern.substring(dot + 1)), strategy,
                value, length, part, days, r);
    }

    private static long positive(RuleNode n, String what) {
        long v = n.asLong(what);
        if (v <= 0) {
            throw n.error("expected " + what + " to be a positive whole number");
        }
        return v;
    }

    private static Pattern glob(String g) {
        return Pattern.compile(Pattern.quote(g).replace("*", "\\E.*\\Q"), Pattern.CASE_INSENSITIVE);
    }

    /** The rule for a column, or null when none matches (the column is copied unchanged). */
    MaskRule ruleFor(String table, String column) {
        for (MaskRule r : rules) {
            if (r.table().matcher(table).matches() && r.column().matcher(column).matches()) {
                return r;
            }
        }
        return null;
    }

    /** The masker for one table: knows its columns' lengths and nullability. */
    public Masker masker(Table table) {
        Map<String, ValueConverter> byColumn = new java.util.LinkedHashMap<>();
        for (Column c : table.columns()) {
            ValueConverter f = converter(table.name(), c);
            if (f != null) {
                byColumn.put(c.name().toLowerCase(Locale.ROOT), f);
            }
        }
        return new Masker(table.name(), byColumn);
    }

    /**
     * The masking for a column known only by name (no length limit, no nullability check), or null to copy it
     * unchanged. Fits {@code ColumnMasks}: {@code ColumnMasks masks = rules::forColumn}.
     */
    public ValueConverter forColumn(String table, String column) {
        return converter(table, new Column(column, "", Types.OTHER, 0, 0, true, null, false));
    }

    /** The masking for a column of a table, or null to copy it unchanged. */
    public ValueConverter forColumn(Table table, Column column) {
        return converter(table.name(), column);
    }

    private ValueConverter converter(String table, Column c) {
        MaskRule r = ruleFor(table, c.name());
        if (r == null || r.strategy().equals("keep")) {
            return null;
        }
        int maxLength = r.length() > 0 ? r.length() : textLength(c);
        return switch (r.strategy()) {
            case "null" -> {
                if (!c.nullable()) {
                    int[] p = r.node().keyPosition("strategy");
                    throw new RuleFileException(r.node().file(), p[0], p[1], "expected a strategy that keeps a value for "
                            + table + "." + c.name() + ", which is NOT NULL (use constant, hash or a fake_ strategy)");
                }
                yield MaskStrategies.nulling();
            }
            case "constant" -> MaskStrategies.constant(r.value());
            case "hash" -> strategies.hash(maxLength, integerBound(c));
            case "fake_name" -> strategies.fakeName(r.part(), maxLength);
            case "fake_email" -> strategies.fakeEmail(maxLength);
            case "fake_phone" -> strategies.fakePhone();
            case "shift_date" -> strategies.shiftDate(r.days());
            default -> throw new IllegalStateException(r.strategy());
        };
    }

    /** Character length of a text column ({@code varchar(40)} -> 40), or 0 when unbounded or not text. */
    private static int textLength(Column c) {
        switch (c.jdbcType()) {
            case Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR:
                return c.length() > 0 && c.length() < 1_000_000 ? c.length() : 0;
            default:
                return 0;
        }
    }

    /** Hashed integers stay inside the column's type: below 2^15, 2^31 or 2^63. */
    private static long integerBound(Column c) {
        return switch (c.jdbcType()) {
            case Types.TINYINT -> 1L << 7;
            case Types.SMALLINT -> 1L << 15;
            case Types.INTEGER -> 1L << 31;
            default -> Long.MAX_VALUE;
        };
    }
}
