package dev.cloudshift.core.translate.schema;

import dev.cloudshift.hcl.ast.Attribute;
import dev.cloudshift.hcl.ast.Block;
import dev.cloudshift.hcl.ast.Body;
import dev.cloudshift.hcl.ast.Expr;
import dev.cloudshift.hcl.ast.GetAttrExpr;
import dev.cloudshift.hcl.ast.IndexExpr;
import dev.cloudshift.hcl.ast.VariableExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A second, stricter check of generated files: a reference to a scalar argument of another resource
 * ({@code google_compute_global_address.x.name}) written where a list or set is expected
 * ({@code reserved_peering_ranges}) is a type error Terraform reports only at plan time. Only top-level arguments of
 * resources are judged (the referenced attribute must be an argument of known scalar type); computed attributes
 * are not in the schemas and are left alone.
 */
public final class ReferenceShapes {

    private ReferenceShapes() {
    }

    /** Problems of every resource block of a parsed file (any provider the type prefixes name). */
    public static List<SchemaProblem> check(Body file) {
        List<SchemaProblem> out = new ArrayList<>();
        for (Block b : file.blocks("resource")) {
            if (b.labels().size() != 2) {
                continue;
            }
            Optional<ResourceSchema> schema = ProviderSchemas.forType(b.label(0)).flatMap(s -> s.resource(b.label(0)));
            schema.ifPresent(s -> check(s.body(), b.body(), "", b.label(0) + "." + b.label(1), out));
        }
        return out;
    }

    private static void check(BlockSchema schema, Body body, String path, String address, List<SchemaProblem> out) {
        if (schema.open()) {
            return;
        }
        for (Attribute a : body.attributes()) {
            ArgumentSchema arg = schema.arguments().get(a.name());
            if (arg == null || !(arg.type().equals("list") || arg.type().equals("set"))) {
                continue;
            }
            String scalar = scalarReference(a.expr());
            if (scalar != null) {
                out.add(new SchemaProblem(address, "\"" + (path.isEmpty() ? "" : path + ".") + a.name()
                        + "\" expects a " + arg.type() + ", not the " + scalar, a.expr().span().position().toString()));
            }
        }
        for (Block b : body.blocks()) {
            NestedBlockSchema nb = schema.blocks().get(b.type());
            if (nb != null) {
                check(nb.body(), b.body(), path.isEmpty() ? b.type() : path + "." + b.type(), address, out);
            }
        }
    }

    /** "string reference x.y.z" when expr is {@code type.name[key].attr} with attr a scalar argument of type. */
    private static String scalarReference(Expr expr) {
        if (!(expr instanceof GetAttrExpr attr)) {
            return null;
        }
        Expr object = attr.object();
        if (object instanceof IndexExpr ix) {
            object = ix.collection();
        }
        if (!(object instanceof GetAttrExpr name) || !(name.object() instanceof VariableExpr root)) {
            return null;
        }
        Optional<ArgumentSchema> target = ProviderSchemas.forType(root.name())
                .flatMap(s -> s.resource(root.name()))
                .flatMap(r -> r.argument(attr.name()));
        if (target.isEmpty()) {
            return null;
        }
        String type = target.get().type();
        if (type.equals("string") || type.equals("number") || type.equals("bool")) {
            return type + " reference " + expr.span().text();
        }
        return null;
    }
}
