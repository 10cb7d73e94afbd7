package dev.cloudshift.core.translate;

import dev.cloudshift.core.model.AttributeValues;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.hcl.emit.HclExpr;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one target argument gets its value (see docs/translate-rules.md): a constant, a source attribute
 * ({@code from}), the sizing decision ({@code sizing}), a related source resource's attribute ({@code related} +
 * {@code from}), a reference to another translated resource ({@code ref}, {@code ref_to}), the environment name,
 * the instance key, a sensitive variable ({@code secret_var}), or in a repeated block the current item's field
 * ({@code item}) or position ({@code item_index}); then transforms from a fixed set, applied in this order:
 * major_version, pattern, lookup (keep_unmatched), multiply, divide, add, round_up_to, min, max, format, slug, alnum,
 * max_length, to_string, to_number, as_list (wraps a single value in a list); a value that comes out missing takes
 * its {@code fallback} spec. {@code per_env: true} always makes the value a variable set per environment in
 * the tfvars; {@code var} names that variable.
 */
record ValueSpec(
        Object constant,
        String from,
        String sizing,
        String related,
        String ref,
        RefTo refTo,
        boolean envName,
        boolean instanceKey,
        boolean sourceName,
        boolean project,
        String expr,
        String secretVar,
        Map<String, Object> lookup,
        Object lookupDefault,
        BigDecimal multiply,
        BigDecimal divide,
        List<BigDecimal> roundUpTo,
        BigDecimal min,
        BigDecimal max,
        boolean majorVersion,
        Pattern pattern,
        int group,
        String format,
        boolean slug,
        boolean alnum,
        int maxLength,
        boolean toStringValue,
        boolean toNumber,
        boolean asList,
        boolean perEnv,
        String var,
        String description,
        List<String> item,
        boolean itemIndex,
        BigDecimal add,
        ValueSpec fallback,
        Pattern keepUnmatched) {

    /** A value that is absent: the argument is not written for that instance. */
    static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<missing>";
        }
    };

    /** {@code ref_to}: the translated resource of a source dependency of this type (or of the given address). */
    record RefTo(String source, String target, String attr, String name) {
    }

    /** What a value may look at while it is evaluated for one source instance in one environment. */
    interface Context {
        PlannedResource resource();

        String environment();

        /** The instance key ({@code backend}, {@code 0}) or null for a single resource. */
        String key();

        String targetSku();

        /** The SKU the sizing stage chose for another source resource (a cluster's instance). */
        String targetSkuOf(PlannedResource r);

        Map<String, Object> sizingAttributes();

        /** The source resource of this type linked to this one (either direction), preferring the same key. */
        PlannedResource related(String type);

        /** An expression for an attribute of the translated dependency, or null when there is none. */
        HclExpr reference(RefTo to);

        /** The project name (compose {@code name:}, the input folder), letters, digits and '-' only. */
        String project();

        /** {@link HclExpr#ref} of a dotted name (a translation hands out one immutable reference per name). */
        default HclExpr.Reference ref(String dotted) {
            return HclExpr.ref(dotted);
        }

        /** The item of a repeated block ({@code for_each} of a block rule) being filled, or null. */
        default Map<?, ?> item() {
            return null;
        }

        /** The position of that item (0, 1, ...). */
        default int itemIndex() {
            return 0;
        }
    }

    static ValueSpec parse(JsonNode n, String where) {
        if (!n.isObject()) {
            return constant(TranslationRules.data(n));
        }
        Map<String, Object> lookup = null;
        if (n.has("lookup")) {
            lookup = new LinkedHashMap<>();
            Map<String, Object> l = lookup;
            n.get("lookup").fields().forEachRemaining(e -> l.put(e.getKey().toLowerCase(Locale.ROOT), TranslationRules.data(e.getValue())));
        }
        List<BigDecimal> round = null;
        if (n.has("round_up_to")) {
            round = new ArrayList<>();
            for (JsonNode x : n.get("round_up_to")) {
                round.add(x.decimalValue());
            }
        }
        RefTo refTo = null;
        if (n.has("ref_to")) {
            JsonNode r = n.get("ref_to");
            refTo = new RefTo(r.path("source").asText(null), r.path("target").asText(null), r.path("attr").asText("id"),
                    r.path("name").asText(null));
        }
        int sources = (n.has("value") ? 1 : 0) + (n.has("from") && !n.has("related") ? 1 : 0)
                + (n.has("sizing") && !n.has("related") ? 1 : 0)
                + (n.has("related") ? 1 : 0) + (n.has("ref") ? 1 : 0) + (refTo != null ? 1 : 0)
                + (n.path("env_name").asBoolean(false) ? 1 : 0) + (n.path("instance_key").asBoolean(false) ? 1 : 0)
                + (n.path("source_name").asBoolean(false) ? 1 : 0)
                + (n.path("project").asBoolean(false) ? 1 : 0) + (n.has("expr") ? 1 : 0)
                + (n.has("secret_var") ? 1 : 0) + (n.has("item") ? 1 : 0) + (n.path("item_index").asBoolean(false) ? 1 : 0);
        if (sources != 1) {
            throw new IllegalStateException(where + ": expected exactly one of value, from, sizing, related (+from), ref, "
                    + "ref_to, env_name, instance_key, source_name, project, expr, secret_var, item, item_index");
        }
        return new ValueSpec(
                n.has("value") ? TranslationRules.data(n.get("value")) : null,
                n.path("from").asText(null),
                n.path("sizing").asText(null),
                n.path("related").asText(null),
                n.path("ref").asText(null),
                refTo,
                n.path("env_name").asBoolean(false),
                n.path("instance_key").asBoolean(false),
                n.path("source_name").asBoolean(false),
                n.path("project").asBoolean(false),
                n.path("expr").asText(null),
                n.path("secret_var").asText(null),
                lookup,
                n.has("default") ? TranslationRules.data(n.get("default")) : null,
                n.has("multiply") ? n.get("multiply").decimalValue() : null,
                n.has("divide") ? n.get("divide").decimalValue() : null,
                round,
                n.has("min") ? n.get("min").decimalValue() : null,
                n.has("max") ? n.get("max").decimalValue() : null,
                n.path("major_version").asBoolean(false),
                n.has("pattern") ? Pattern.compile(n.get("pattern").asText()) : null,
                n.path("group").asInt(1),
                n.path("format").asText(null),
                n.path("slug").asBoolean(false),
                n.path("alnum").asBoolean(false),
                n.path("max_length").asInt(0),
                n.path("to_string").asBoolean(false),
                n.path("to_number").asBoolean(false),
                n.path("as_list").asBoolean(false),
                n.path("per_env").asBoolean(false),
                n.path("var").asText(null),
                n.path("description").asText(null),
                items(n.get("item")),
                n.path("item_index").asBoolean(false),
                n.has("add") ? n.get("add").decimalValue() : null,
                n.has("fallback") ? parse(n.get("fallback"), where + ".fallback") : null,
                n.has("keep_unmatched") ? Pattern.compile(n.get("keep_unmatched").asText()) : null);
    }

    /** {@code item: path} or {@code item: [path, other]} (the first that is set). */
    private static List<String> items(JsonNode n) {
        if (n == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        } else {
            out.add(n.asText());
        }
        return out;
    }

    static ValueSpec constant(Object v) {
        return new ValueSpec(v, null, null, null, null, null, false, false, false, false, null, null, null, null, null, null, null, null, null,
                false, null, 1, null, false, false, 0, false, false, false, false, null, null, null, false, null, null, null);
    }

    static ValueSpec expression(String ref) {
        return new ValueSpec(null, null, null, null, ref, null, false, false, false, false, null, null, null, null, null, null, null, null, null,
                false, null, 1, null, false, false, 0, false, false, false, false, null, null, null, false, null, null, null);
    }

    /** The value for one instance: JSON-like data, an {@link HclExpr}, or {@link #MISSING}. */
    Object evaluate(Context c) {
        Object v;
        if (secretVar != null) {
            return listIfAsked(c.ref("var." + secretVarName(c.resource())));
        } else if (ref != null) {
            return listIfAsked(c.ref(ref));
        } else if (expr != null) {
            return TerraformRenderer.expression(expr);
        } else if (project) {
            v = c.project();
        } else if (refTo != null) {
            HclExpr e = c.reference(refTo);
            return e == null ? MISSING : listIfAsked(e);
        } else if (envName) {
            v = c.environment();
        } else if (sourceName) {
            v = SourceGroup.nameOf(SourceGroup.split(c.resource().address())[0]);
        } else if (instanceKey) {
            v = c.key() == null ? MISSING : c.key();
        } else if (sizing != null && related != null) {
            PlannedResource r = c.related(related);
            v = r == null ? null : "sku".equals(sizing) ? c.targetSkuOf(r) : null;
        } else if (sizing != null) {
            v = "sku".equals(sizing) ? c.targetSku() : c.sizingAttributes().get(sizing);
        } else if (related != null) {
            PlannedResource r = c.related(related);
            v = r == null ? null : read(r, from == null ? "" : from);
        } else if (from != null) {
            v = read(c.resource(), from);
        } else if (item != null) {
            v = null;
            for (String path : item) {
                v = c.item() == null ? null : RawValues.get(c.item(), path);
                if (v != null) {
                    break;
                }
            }
        } else if (itemIndex) {
            v = BigDecimal.valueOf(c.itemIndex());
        } else {
            v = constant;
        }
        Object out;
        if (v == null) {
            out = lookupDefault != null ? lookupDefault : MISSING;
        } else if (format != null && format.contains("{project}")) {
            // {project} in a format: the project name (names of resources made for a compose project)
            out = withFormat(format.replace("{project}", c.project())).transform(v);
        } else {
            out = transform(v);
        }
        return out == MISSING && fallback != null ? fallback.evaluate(c) : out;
    }

    private ValueSpec withFormat(String f) {
        return new ValueSpec(constant, from, sizing, related, ref, refTo, envName, instanceKey, sourceName, project, expr,
                secretVar, lookup, lookupDefault, multiply, divide, roundUpTo, min, max, majorVersion, pattern, group, f, slug,
                alnum, maxLength, toStringValue, toNumber, asList, perEnv, var, description, item, itemIndex, add, fallback,
                keepUnmatched);
    }

    /** A reference where the target argument is a list ({@code as_list: true}) is written as a one-element list. */
    private Object listIfAsked(HclExpr e) {
        return asList ? List.of(e) : e;
    }

    /** The sensitive variable's name, {@code {name}} replaced by the source label. */
    String secretVarName(PlannedResource r) {
        return secretVar.replace("{name}", SourceGroup.nameOf(SourceGroup.split(r.address())[0]));
    }

    /** {@code raw.<path>} reads the evaluated source attribute; a bare name reads the normalised attribute. */
    static Object read(PlannedResource r, String path) {
        if (path.startsWith("raw.")) {
            return RawValues.get(r.resource().raw(), path, 4);
        }
        return RawValues.get(r.attributes(), path, 0);
    }

    Object transform(Object v) {
        if (majorVersion) {
            String s = String.valueOf(v);
            int dot = s.indexOf('.');
            v = dot < 0 ? s : s.substring(0, dot);
        }
        if (pattern != null) {
            Matcher m = pattern.matcher(String.valueOf(v));
            if (!m.find()) {
                return lookupDefault != null ? lookupDefault : MISSING;
            }
            v = m.group(group);
        }
        if (lookup != null && v instanceof List<?> list) {
            // element by element; an element that maps to a list is spliced in (Internet -> ["0.0.0.0/0"])
            List<Object> out = new ArrayList<>();
            for (Object x : list) {
                Object y = lookupOne(x);
                if (y == MISSING) {
                    return MISSING;
                }
                if (y instanceof List<?> l) {
                    out.addAll(l);
                } else {
                    out.add(y);
                }
            }
            v = out;
        } else if (lookup != null) {
            Object hit = lookupOne(v);
            if (hit == MISSING) {
                return MISSING;
            }
            v = hit;
        }
        return transformAfterLookup(v);
    }

    /** One value through the lookup table (keep_unmatched, default), or MISSING. */
    private Object lookupOne(Object v) {
        Object hit = lookup.get(String.valueOf(v).toLowerCase(Locale.ROOT));
        if (hit == null && keepUnmatched != null && keepUnmatched.matcher(String.valueOf(v)).matches()) {
            hit = v;
        }
        return hit != null ? hit : lookupDefault != null ? lookupDefault : MISSING;
    }

    private static final Pattern NOT_SLUG = Pattern.compile("[^A-Za-z0-9-]+");
    private static final Pattern DASHES = Pattern.compile("-+");
    private static final Pattern OUTER_DASHES = Pattern.compile("^-|-$");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^A-Za-z0-9]");

    /** Letters, digits and single inner dashes only: what the slug patterns leave unchanged. */
    private static boolean isSlug(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '-') {
                if (i == 0 || i == n - 1 || s.charAt(i - 1) == '-') {
                    return false;
                }
            } else if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** Letters and digits only: what NOT_ALNUM leaves unchanged. */
    private static boolean isAlnum(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** The transforms after the lookup, in their documented order. */
    private Object transformAfterLookup(Object v) {
        if (multiply != null || divide != null || add != null || roundUpTo != null || min != null || max != null) {
            BigDecimal d = AttributeValues.number(v);
            if (d == null) {
                return MISSING;
            }
            if (multiply != null) {
                d = d.multiply(multiply);
            }
            if (divide != null) {
                d = d.divide(divide, 6, RoundingMode.HALF_UP);
            }
            if (add != null) {
                d = d.add(add);
            }
            if (roundUpTo != null) {
                BigDecimal pick = roundUpTo.get(roundUpTo.size() - 1);
                for (BigDecimal allowed : roundUpTo) {
                    if (allowed.compareTo(d) >= 0) {
                        pick = allowed;
                        break;
                    }
                }
                d = pick;
            }
            if (min != null && d.compareTo(min) < 0) {
                d = min;
            }
            if (max != null && d.compareTo(max) > 0) {
                d = max;
            }
            v = d.stripTrailingZeros();
        }
        if (format != null) {
            v = format.replace("{}", v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v));
        }
        if (slug) {
            String text = String.valueOf(v);
            v = isSlug(text) ? text
                    : OUTER_DASHES.matcher(DASHES.matcher(NOT_SLUG.matcher(text).replaceAll("-")).replaceAll("-")).replaceAll("");
        }
        if (alnum) {
            String text = String.valueOf(v);
            v = isAlnum(text) ? text : NOT_ALNUM.matcher(text).replaceAll("");
        }
        if (maxLength > 0 && String.valueOf(v).length() > maxLength) {
            v = String.valueOf(v).substring(0, maxLength);
        }
        if (toStringValue) {
            v = v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v);
        }
        if (toNumber) {
            BigDecimal d = AttributeValues.number(v);
            v = d == null ? MISSING : d;
        }
        if (asList && !(v instanceof List<?>) && v != MISSING) {
            v = List.of(v);
        }
        return v;
    }
}
