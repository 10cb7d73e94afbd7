package dev.cloudshift.hcl.ast;

import java.util.ArrayList;
import java.util.List;

/** Finds every reference (root name plus steps) in expressions, including inside index keys and calls. */
public final class TraversalCollector {
    private TraversalCollector() {
    }

    public static List<Traversal> collect(Expr e) {
        List<Traversal> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    public static void collect(Expr e, List<Traversal> out) {
        if (e == null) {
            return;
        }
        if (e instanceof VariableExpr || e instanceof GetAttrExpr || e instanceof IndexExpr) {
            List<Traversal.Step> steps = new ArrayList<>();
            Expr cur = e;
            while (true) {
                if (cur instanceof GetAttrExpr g) {
                    steps.add(0, new Traversal.Attr(g.name()));
                    cur = g.object();
                } else if (cur instanceof IndexExpr ix) {
                    steps.add(0, new Traversal.Index(ix.key()));
                    collect(ix.key(), out);
                    cur = ix.collection();
                } else {
                    break;
                }
            }
            if (cur instanceof VariableExpr v) {
                out.add(new Traversal(v.name(), steps, e));
            } else {
                collect(cur, out);
            }
            return;
        }
        for (Expr child : children(e)) {
            collect(child, out);
        }
    }

    /** The direct sub-expressions of an expression. */
    public static List<Expr> children(Expr e) {
        List<Expr> c = new ArrayList<>();
        if (e instanceof TemplateExpr t) {
            c.addAll(t.parts());
        } else if (e instanceof TemplateWrapExpr w) {
            c.add(w.wrapped());
        } else if (e instanceof TemplateIfExpr ti) {
            c.add(ti.condition());
            c.add(ti.then());
            if (ti.otherwise() != null) {
                c.add(ti.otherwise());
            }
        } else if (e instanceof TemplateForExpr tf) {
            c.add(tf.collection());
            c.add(tf.body());
        } else if (e instanceof GetAttrExpr g) {
            c.add(g.object());
        } else if (e instanceof IndexExpr ix) {
            c.add(ix.collection());
            c.add(ix.key());
        } else if (e instanceof SplatExpr s) {
            c.add(s.source());
            c.add(s.each());
        } else if (e instanceof FunctionCallExpr f) {
            c.addAll(f.args());
        } else if (e instanceof ConditionalExpr ce) {
            c.add(ce.condition());
            c.add(ce.then());
            c.add(ce.otherwise());
        } else if (e instanceof BinaryExpr b) {
            c.add(b.left());
            c.add(b.right());
        } else if (e instanceof UnaryExpr u) {
            c.add(u.operand());
        } else if (e instanceof TupleExpr t) {
            c.addAll(t.items());
        } else if (e instanceof ObjectExpr o) {
            for (ObjectItem item : o.items()) {
                c.add(item.key());
                c.add(item.value());
            }
        } else if (e instanceof ForExpr f) {
            c.add(f.collection());
            if (f.keyExpr() != null) {
                c.add(f.keyExpr());
            }
            c.add(f.valueExpr());
            if (f.condition() != null) {
                c.add(f.condition());
            }
        } else if (e instanceof ParenExpr p) {
            c.add(p.inner());
        }
        return c;
    }

    /** All references in a body: its attributes and nested blocks, recursively. */
    public static List<Traversal> collect(Body body) {
        List<Traversal> out = new ArrayList<>();
        collectBody(body, out);
        return out;
    }

    private static void collectBody(Body body, List<Traversal> out) {
        for (Attribute a : body.attributes()) {
            collect(a.expr(), out);
        }
        for (Block b : body.blocks()) {
            collectBody(b.body(), out);
        }
    }
}
