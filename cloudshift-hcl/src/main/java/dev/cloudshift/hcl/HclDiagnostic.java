package dev.cloudshift.hcl;

/** A problem found while parsing or evaluating, at a position. Messages never quote evaluated values. */
public record HclDiagnostic(Position position, String message) {

    @Override
    public String toString() {
        return position + ": " + message;
    }
}
