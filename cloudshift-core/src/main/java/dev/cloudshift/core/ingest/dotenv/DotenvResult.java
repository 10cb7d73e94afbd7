package dev.cloudshift.core.ingest.dotenv;

import dev.cloudshift.core.model.ConfigEntry;
import dev.cloudshift.core.model.Diagnostic;

import java.util.List;

/**
 * What {@link DotenvReader} read from one file: the environment it names, its entries (values redacted) and
 * the problems found.
 */
public record DotenvResult(String environment, List<ConfigEntry> entries, List<Diagnostic> diagnostics) {

    public DotenvResult {
        entries = List.copyOf(entries);
        diagnostics = List.copyOf(diagnostics);
    }
}
