package dev.cloudshift.hcl.ast;

import dev.cloudshift.hcl.Span;
import java.util.List;

/** {@code type "label" label { body }}. */
public record Block(String type, List<String> labels, Body body, Span span, Span typeSpan, List<Span> labelSpans)
        implements Node {

    public String label(int i) {
        return i < labels.size() ? labels.get(i) : null;
    }
}
