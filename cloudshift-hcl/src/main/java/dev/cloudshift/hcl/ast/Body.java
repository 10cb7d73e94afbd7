package dev.cloudshift.hcl.ast;

import dev.cloudshift.hcl.Span;
import java.util.ArrayList;
import java.util.List;

/** The attributes and blocks of a file or of a block, in source order. */
public record Body(Span span, List<Attribute> attributes, List<Block> blocks) implements Node {

    public Body {
        attributes = List.copyOf(attributes);
        blocks = List.copyOf(blocks);
    }

    /** The attribute with this name, or null (the first one if it is repeated). */
    public Attribute attribute(String name) {
        for (Attribute a : attributes) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }

    /** The blocks of this type in source order. */
    public List<Block> blocks(String type) {
        List<Block> out = new ArrayList<>();
        for (Block b : blocks) {
            if (b.type().equals(type)) {
                out.add(b);
            }
        }
        return out;
    }
}
