package dev.cloudshift.core.translate.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The argument schema of one Terraform resource type of a provider version ({@code terraformProvider} is the
 * provider's local name: aws, azurerm, azuread, google, google-beta).
 */
public record ResourceSchema(String type, String terraformProvider, String providerVersion, BlockSchema body) {

    /** The top-level argument, if any. */
    public Optional<ArgumentSchema> argument(String name) {
        return Optional.ofNullable(body.arguments().get(name));
    }

    /** The top-level nested block, if any. */
    public Optional<NestedBlockSchema> block(String name) {
        return Optional.ofNullable(body.blocks().get(name));
    }

    /**
     * The schema of the body at a dotted block path ({@code template.container}); empty path is the resource body.
     */
    public Optional<BlockSchema> bodyAt(String path) {
        BlockSchema at = body;
        if (path.isEmpty()) {
            return Optional.of(at);
        }
        for (String step : path.split("\\.")) {
            NestedBlockSchema nb = at.blocks().get(step);
            if (nb == null) {
                return Optional.empty();
            }
            at = nb.body();
        }
        return Optional.of(at);
    }

    /** Names of the required top-level arguments, sorted. */
    public List<String> requiredArguments() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, ArgumentSchema> e : new java.util.TreeMap<>(body.arguments()).entrySet()) {
            if (e.getValue().required()) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /**
     * Dotted paths ({@code template.container.cpu}) of every argument or block named {@code name} anywhere in this
     * schema, shortest first: the "did you mean" candidates for a misplaced name.
     */
    public List<String> pathsOf(String name) {
        TreeSet<String> found = new TreeSet<>((a, b) -> {
            int da = a.split("\\.").length;
            int db = b.split("\\.").length;
            return da != db ? Integer.compare(da, db) : a.compareTo(b);
        });
        collect(body, "", name, found, 0);
        return List.copyOf(found);
    }

    private static void collect(BlockSchema at, String prefix, String name, TreeSet<String> found, int depth) {
        if (depth > 16) {
            return;
        }
        if (at.arguments().containsKey(name) || at.blocks().containsKey(name)) {
            found.add(prefix + name);
        }
        for (NestedBlockSchema nb : at.blocks().values()) {
            collect(nb.body(), prefix + nb.name() + ".", name, found, depth + 1);
        }
    }
}
