package dev.cloudshift.hcl;

/** A range of characters [start, end) of a source file; gives the position and the original text. */
public record Span(SourceFile source, int start, int end) {

    public Position position() {
        return source.position(start);
    }

    public Position endPosition() {
        return source.position(end);
    }

    /** The source text this span covers, exactly as written. */
    public String text() {
        return source.slice(start, end);
    }

    public Span to(Span other) {
        return new Span(source, start, Math.max(end, other.end));
    }

    @Override
    public String toString() {
        return position().toString();
    }
}
