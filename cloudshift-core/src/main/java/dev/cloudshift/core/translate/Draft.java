package dev.cloudshift.core.translate;

import dev.cloudshift.hcl.emit.HclItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A target resource being built: its arguments and nested blocks hold one value per source instance and
 * environment; {@link TerraformRenderer} then decides what is a literal, what a variable and what a for_each field.
 */
final class Draft {

    /** An argument with its value per instance (JSON-like data, an HclExpr, or ValueSpec.MISSING). */
    static final class Field {
        final String name;
        final boolean perEnv;
        final String var;
        final String description;
        final Map<Inst, Object> values = new LinkedHashMap<>();

        Field(String name, boolean perEnv, String var, String description) {
            this.name = name;
            this.perEnv = perEnv;
            this.var = var;
            this.description = description;
        }
    }

    /** A nested block; {@code enabled} (per instance) makes it a dynamic block when it varies. */
    static final class Block {
        final String type;
        /** The position of a repeated block among the blocks of its type (a rule's for_each); -1 for a single block. */
        final int index;
        final Map<Inst, Boolean> enabled = new LinkedHashMap<>();
        boolean switched;
        final List<Field> fields = new ArrayList<>();
        final List<Block> blocks = new ArrayList<>();
        /** Items written as given after the fields and blocks (dynamic blocks built by a hook). */
        final List<HclItem> extra = new ArrayList<>();
        /** block (an HCL block), object or tuple (an argument holding {@code {...}} or {@code [{...}]}). */
        String as = "block";
        /** A function the object or tuple is passed to ({@code jsonencode}), or null. */
        String call;

        Block(String type) {
            this(type, -1);
        }

        Block(String type, int index) {
            this.type = type;
            this.index = index;
        }

        /** A block written as an argument value ({@code container_definitions = jsonencode([{...}])}). */
        static Block value(String type, String as, String call) {
            Block b = new Block(type);
            b.as = as;
            b.call = call;
            return b;
        }

        boolean isValue() {
            return !"block".equals(as);
        }

        Field field(String name) {
            for (int i = 0; i < fields.size(); i++) {
                Field f = fields.get(i);
                if (f.name.equals(name)) {
                    return f;
                }
            }
            return null;
        }

        Block block(String type) {
            for (int i = 0; i < blocks.size(); i++) {
                Block b = blocks.get(i);
                if (b.type.equals(type) && b.index < 0) {
                    return b;
                }
            }
            return null;
        }

        /** The index-th repeated block of a type, created after the last block of that type when missing. */
        Block repeated(String type, int index) {
            int last = -1;
            for (int i = 0; i < blocks.size(); i++) {
                Block b = blocks.get(i);
                if (b.type.equals(type) && b.index == index) {
                    return b;
                }
                if (b.type.equals(type)) {
                    last = i;
                }
            }
            Block b = new Block(type, index);
            blocks.add(last < 0 ? blocks.size() : last + 1, b);
            return b;
        }

        Field addField(String name) {
            Field f = field(name);
            if (f == null) {
                f = new Field(name, false, null, null);
                fields.add(f);
            }
            return f;
        }
    }

    final String type;
    final String name;
    final String file;
    final SourceGroup source;
    final String varPrefix;
    /** {@code type.name}. */
    private final String address;
    final Block body = new Block("resource");
    final Set<Inst> instances = new LinkedHashSet<>();
    /** Per-instance values that are no argument themselves but feed an expression (each.value.image_repository). */
    final List<Field> hidden = new ArrayList<>();
    /** for_each over another resource (azurerm_linux_function_app.this) instead of a map variable; null: the variable. */
    dev.cloudshift.hcl.emit.HclExpr forEach;
    /** Comment lines written above the block (notes for the reader). */
    final List<String> comments = new ArrayList<>();

    Draft(String type, String name, String file, SourceGroup source, String varPrefix) {
        this.type = type;
        this.name = name;
        this.file = file;
        this.source = source;
        this.varPrefix = varPrefix;
        this.address = type + "." + name;
    }

    /** Sets an argument of a block to the same value for every instance (a hook's constant or reference). */
    Field set(Block b, String field, Object value) {
        Field f = b.addField(field);
        for (Inst i : instances) {
            f.values.put(i, value);
        }
        return f;
    }

    /** The nested block at a path of block types ({@code template}, {@code container}), created when missing. */
    Block block(String... path) {
        Block b = body;
        for (String p : path) {
            Block n = b.block(p);
            if (n == null) {
                n = new Block(p);
                b.blocks.add(n);
            }
            b = n;
        }
        return b;
    }

    boolean multi() {
        return source != null && source.multi;
    }

    String address() {
        return address;
    }
}
