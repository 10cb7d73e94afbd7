package dev.cloudshift.hcl.emit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An expression of the emitter's document model. Only shapes the canonical writer can lay out are modelled;
 * anything else is {@link Raw} text, written as given.
 */
public sealed interface HclExpr permits HclExpr.Literal, HclExpr.Reference, HclExpr.Template, HclExpr.ListOf,
        HclExpr.ObjectOf, HclExpr.Call, HclExpr.Heredoc, HclExpr.Raw {

    /** A string, number, boolean or null literal. */
    record Literal(Object value) implements HclExpr {
        public Literal {
            if (value != null && !(value instanceof String) && !(value instanceof Number) && !(value instanceof Boolean)) {
                throw new IllegalArgumentException("a literal is a String, Number, Boolean or null, not " + value.getClass().getSimpleName());
            }
        }

        // equals and hashCode of this and the reference records are written out: the generated ones go through
        // method handles, which the planner (C1 only) pays for in every set and comparison of values
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Literal l && Objects.equals(value, l.value);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(value);
        }
    }

    /** A traversal: a root name and attribute / index steps, e.g. {@code azurerm_postgresql_flexible_server.main.fqdn}. */
    record Reference(String root, List<Step> steps) implements HclExpr {
        public Reference {
            Objects.requireNonNull(root);
            steps = List.copyOf(steps);
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Reference r && root.equals(r.root) && steps.equals(r.steps);
        }

        @Override
        public int hashCode() {
            return 31 * root.hashCode() + steps.hashCode();
        }

        /** Appends {@code .name}. */
        public Reference attr(String name) {
            return then(new AttrStep(name));
        }

        /** Appends {@code [key]}. */
        public Reference index(HclExpr key) {
            return then(new IndexStep(key));
        }

        private Reference then(Step step) {
            Step[] next = steps.toArray(new Step[steps.size() + 1]);
            next[steps.size()] = step;
            return new Reference(root, List.of(next)); // an immutable list: not copied again
        }
    }

    /** One step of a reference. */
    sealed interface Step permits AttrStep, IndexStep {
    }

    record AttrStep(String name) implements Step {
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof AttrStep a && Objects.equals(name, a.name);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(name);
        }
    }

    record IndexStep(HclExpr key) implements Step {
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof IndexStep i && Objects.equals(key, i.key);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(key);
        }
    }

    /** A quoted template: literal text (String) and interpolated expressions (HclExpr), in order. */
    record Template(List<Object> parts) implements HclExpr {
        public Template {
            for (Object p : parts) {
                if (!(p instanceof String) && !(p instanceof HclExpr)) {
                    throw new IllegalArgumentException("a template part is a String or an HclExpr");
                }
            }
            parts = List.copyOf(parts);
        }
    }

    /** A tuple; laid out on one line when its items are short scalars, else one item per line. */
    record ListOf(List<HclExpr> items) implements HclExpr {
        public ListOf {
            items = List.copyOf(items);
        }
    }

    /** An object constructor; {@code inline} writes {@code { a = 1, b = 2 }} on one line. */
    record ObjectOf(Map<String, HclExpr> entries, boolean inline) implements HclExpr {
        public ObjectOf {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
    }

    /** A function call. */
    record Call(String name, List<HclExpr> args) implements HclExpr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** An indented heredoc ({@code <<-EOT}) holding literal text; {@code ${} and {@code %{} are escaped. */
    record Heredoc(String text) implements HclExpr {
    }

    /** Expression text written exactly as given (one line): conditionals, for expressions, operators. */
    record Raw(String text) implements HclExpr {
        public Raw {
            if (text.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("raw expression text is one line");
            }
        }
    }

    // ---- factories ----

    static Literal str(String s) {
        return new Literal(s);
    }

    static Literal num(long n) {
        return new Literal(BigDecimal.valueOf(n));
    }

    static Literal num(Number n) {
        return new Literal(n);
    }

    static Literal bool(boolean b) {
        return new Literal(b);
    }

    static Literal nul() {
        return new Literal(null);
    }

    /** A reference from dotted text without index steps: {@code ref("var.location")}. */
    static Reference ref(String dotted) {
        if (!dotted.isEmpty() && dotted.charAt(dotted.length() - 1) != '.') {
            // the same parts as split("\\.") (no trailing empty part to drop), without the intermediate lists
            int dot = dotted.indexOf('.');
            if (dot < 0) {
                return new Reference(dotted, List.of());
            }
            List<Step> steps = new ArrayList<>(4);
            for (int start = dot + 1; start <= dotted.length(); ) {
                int next = dotted.indexOf('.', start);
                int end = next < 0 ? dotted.length() : next;
                steps.add(new AttrStep(dotted.substring(start, end)));
                start = end + 1;
            }
            return new Reference(dotted.substring(0, dot), steps);
        }
        String[] parts = dotted.split("\\.");
        List<Step> steps = new ArrayList<>();
        for (String p : Arrays.asList(parts).subList(1, parts.length)) {
            steps.add(new AttrStep(p));
        }
        return new Reference(parts[0], steps);
    }

    static ListOf list(HclExpr... items) {
        return new ListOf(List.of(items));
    }

    static Call call(String name, HclExpr... args) {
        return new Call(name, List.of(args));
    }

    static Raw raw(String text) {
        return new Raw(text);
    }

    static Template template(Object... parts) {
        return new Template(List.of(parts));
    }
}
