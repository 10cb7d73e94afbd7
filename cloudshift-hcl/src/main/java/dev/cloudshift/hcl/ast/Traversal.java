package dev.cloudshift.hcl.ast;

import java.util.List;

/**
 * A reference found in an expression: a root name followed by attribute and index steps, e.g.
 * {@code aws_subnet.private[0].id} is root {@code aws_subnet}, steps [.private, [0], .id].
 */
public record Traversal(String root, List<Step> steps, Expr expr) {

    public Traversal {
        steps = List.copyOf(steps);
    }

    /** One step after the root. */
    public sealed interface Step permits Attr, Index {
    }

    /** {@code .name} */
    public record Attr(String name) implements Step {
    }

    /** {@code [key]}; the key is an expression (a literal for static indexes). */
    public record Index(Expr key) implements Step {
    }

    /** The attribute name of step i, or null if that step is missing or an index. */
    public String attr(int i) {
        return i < steps.size() && steps.get(i) instanceof Attr a ? a.name() : null;
    }

    /** The index key expression of step i, or null if that step is missing or an attribute. */
    public Expr index(int i) {
        return i < steps.size() && steps.get(i) instanceof Index ix ? ix.key() : null;
    }
}
