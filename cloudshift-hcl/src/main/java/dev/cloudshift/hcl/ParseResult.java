package dev.cloudshift.hcl;

import dev.cloudshift.hcl.ast.Body;
import java.util.List;

/** A parsed file: its body (with every item that could be read) and the syntax problems found. */
public record ParseResult(SourceFile source, Body body, List<HclDiagnostic> diagnostics) {

    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return !diagnostics.isEmpty();
    }
}
