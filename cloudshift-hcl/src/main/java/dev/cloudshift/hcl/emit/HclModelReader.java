package dev.cloudshift.hcl.emit;

import dev.cloudshift.hcl.ast.Attribute;
import dev.cloudshift.hcl.ast.Block;
import dev.cloudshift.hcl.ast.Body;
import dev.cloudshift.hcl.ast.Expr;
import dev.cloudshift.hcl.ast.FunctionCallExpr;
import dev.cloudshift.hcl.ast.GetAttrExpr;
import dev.cloudshift.hcl.ast.IndexExpr;
import dev.cloudshift.hcl.ast.LiteralExpr;
import dev.cloudshift.hcl.ast.ObjectExpr;
import dev.cloudshift.hcl.ast.ObjectItem;
import dev.cloudshift.hcl.ast.TemplateExpr;
import dev.cloudshift.hcl.ast.TemplateWrapExpr;
import dev.cloudshift.hcl.ast.TupleExpr;
import dev.cloudshift.hcl.ast.VariableExpr;
import dev.cloudshift.hcl.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a parsed body back into the document model, so that a written file can be checked to be a fixed point
 * of the writer (parse, read, write gives the same bytes). Comments are not part of the parser's tree: a gap of
 * lines becomes one blank line. Expressions outside the model (conditionals, operators) become {@link HclExpr.Raw}
 * text when they fit on one line.
 */
public final class HclModelReader {

    private HclModelReader() {
    }

    public static HclFile read(Body body) {
        return new HclFile(items(body));
    }

    private record Placed(Span span, HclItem item) {
    }

    private static List<HclItem> items(Body body) {
        List<Placed> placed = new ArrayList<>();
        for (Attribute a : body.attributes()) {
            placed.add(new Placed(a.span(), new HclItem.Attribute(a.name(), expr(a.expr()))));
        }
        for (Block b : body.blocks()) {
            placed.add(new Placed(b.span(), new HclItem.Block(b.type(), b.labels(), items(b.body()))));
        }
        placed.sort(Comparator.comparingInt(p -> p.span().start()));
        List<HclItem> out = new ArrayList<>();
        int lastLine = -1;
        for (Placed p : placed) {
            int line = p.span().position().line();
            if (lastLine >= 0 && line > lastLine + 1) {
                out.add(new HclItem.BlankLine());
            }
            out.add(p.item());
            lastLine = p.span().endPosition().line();
        }
        return out;
    }

    /** The model of one parsed expression. */
    public static HclExpr expr(Expr e) {
        if (e instanceof LiteralExpr l) {
            if (l.span().text().startsWith("<<") && l.value() instanceof String s) {
                return new HclExpr.Heredoc(s);
            }
            return new HclExpr.Literal(l.value());
        }
        if (e instanceof TemplateExpr t && !t.span().text().startsWith("<<")) {
            List<Object> parts = new ArrayList<>();
            for (Expr p : t.parts()) {
                parts.add(p instanceof LiteralExpr l && l.value() instanceof String s ? s : expr(p));
            }
            return new HclExpr.Template(parts);
        }
        if (e instanceof TemplateWrapExpr w) {
            return new HclExpr.Template(List.of(expr(w.wrapped())));
        }
        HclExpr.Reference ref = reference(e);
        if (ref != null) {
            return ref;
        }
        if (e instanceof TupleExpr t) {
            List<HclExpr> items = new ArrayList<>();
            t.items().forEach(i -> items.add(expr(i)));
            return new HclExpr.ListOf(items);
        }
        if (e instanceof ObjectExpr o) {
            Map<String, HclExpr> entries = new LinkedHashMap<>();
            boolean keysOk = true;
            for (ObjectItem item : o.items()) {
                if (item.key() instanceof LiteralExpr k && k.value() instanceof String s) {
                    entries.put(s, expr(item.value()));
                } else {
                    keysOk = false;
                }
            }
            if (keysOk) {
                boolean inline = o.span().position().line() == o.span().endPosition().line();
                return new HclExpr.ObjectOf(entries, inline);
            }
        }
        if (e instanceof FunctionCallExpr c && !c.expandFinal()) {
            List<HclExpr> args = new ArrayList<>();
            c.args().forEach(a -> args.add(expr(a)));
            return new HclExpr.Call(c.name(), args);
        }
        return new HclExpr.Raw(e.text());
    }

    private static HclExpr.Reference reference(Expr e) {
        if (e instanceof VariableExpr v) {
            return new HclExpr.Reference(v.name(), List.of());
        }
        if (e instanceof GetAttrExpr g) {
            HclExpr.Reference base = reference(g.object());
            return base == null ? null : base.attr(g.name());
        }
        if (e instanceof IndexExpr ix && !ix.legacy()) {
            HclExpr.Reference base = reference(ix.collection());
            return base == null ? null : base.index(expr(ix.key()));
        }
        return null;
    }
}
