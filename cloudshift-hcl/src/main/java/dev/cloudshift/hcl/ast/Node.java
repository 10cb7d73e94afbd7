package dev.cloudshift.hcl.ast;

import dev.cloudshift.hcl.Position;
import dev.cloudshift.hcl.Span;

/** Every syntax node knows where it was written. */
public interface Node {
    Span span();

    default Position position() {
        return span().position();
    }
}
