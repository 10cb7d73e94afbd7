package dev.cloudshift.hcl;

import java.util.List;

/** Thrown by {@link HclParser#parseOrThrow} when a file has syntax errors; the message is the first one. */
public final class HclParseException extends RuntimeException {
    private final transient List<HclDiagnostic> diagnostics;

    public HclParseException(List<HclDiagnostic> diagnostics) {
        super(diagnostics.isEmpty() ? "parse error" : diagnostics.get(0).toString(), null, false, false);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<HclDiagnostic> diagnostics() {
        return diagnostics;
    }
}
