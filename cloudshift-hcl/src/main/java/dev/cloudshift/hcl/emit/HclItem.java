package dev.cloudshift.hcl.emit;

import java.util.ArrayList;
import java.util.List;

/** An item of a body: an attribute, a nested block, comment lines or a blank line. */
public sealed interface HclItem permits HclItem.Attribute, HclItem.Block, HclItem.Comment, HclItem.BlankLine {

    /** {@code name = value}. */
    record Attribute(String name, HclExpr value) implements HclItem {
    }

    /** {@code type "label"... { body }}. */
    record Block(String type, List<String> labels, List<HclItem> body) implements HclItem {
        public Block {
            labels = List.copyOf(labels);
            body = List.copyOf(body);
        }

        /** This block with more body items appended. */
        public Block with(HclItem... more) {
            List<HclItem> next = new ArrayList<>(body);
            next.addAll(List.of(more));
            return new Block(type, labels, next);
        }
    }

    /** Comment lines, each written as {@code # line}. */
    record Comment(List<String> lines) implements HclItem {
        public Comment {
            lines = List.copyOf(lines);
            for (String l : lines) {
                if (l.indexOf('\n') >= 0 || l.indexOf('\r') >= 0) {
                    throw new IllegalArgumentException("a comment line holds no line break");
                }
            }
        }
    }

    /** An explicit blank line, e.g. after {@code for_each}. */
    record BlankLine() implements HclItem {
    }
}
