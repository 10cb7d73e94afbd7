package dev.cloudshift.core.ingest.dotenv;

import dev.cloudshift.core.model.Diagnostic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed dotenv file: its variables in file order (a later duplicate wins in {@link #values()}) and the
 * problems found. Holds secret values: pass it to code that needs them (compose interpolation), never print it.
 */
public record DotenvDocument(String file, List<DotenvVariable> variables, List<Diagnostic> diagnostics) {

    public DotenvDocument {
        variables = List.copyOf(variables);
        diagnostics = List.copyOf(diagnostics);
    }

    /** Variable name to value, later definitions winning; bare keys without {@code =} are left out. */
    public Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        for (DotenvVariable v : variables) {
            if (v.value() != null) {
                m.put(v.key(), v.value());
            }
        }
        return m;
    }

    @Override
    public String toString() {
        return "DotenvDocument[" + file + ", " + variables.size() + " variables, " + diagnostics.size() + " diagnostics]";
    }
}
