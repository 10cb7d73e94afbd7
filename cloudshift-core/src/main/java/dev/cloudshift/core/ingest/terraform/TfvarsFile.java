package dev.cloudshift.core.ingest.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.hcl.HclDiagnostic;
import dev.cloudshift.hcl.HclParser;
import dev.cloudshift.hcl.ParseResult;
import dev.cloudshift.hcl.ast.Attribute;
import dev.cloudshift.hcl.ast.Block;
import dev.cloudshift.hcl.eval.Evaluator;
import dev.cloudshift.hcl.eval.Scope;
import dev.cloudshift.hcl.eval.Value;
import dev.cloudshift.hcl.function.FunctionLibrary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A variable definitions file (.tfvars in HCL, or .tfvars.json): variable name to value, with the problems
 * found. Messages never quote values: fragments the parser would echo from the file are removed.
 */
record TfvarsFile(Path path, String displayName, Map<String, Value> values, Map<String, dev.cloudshift.hcl.Position> positions,
                  List<Diagnostic> diagnostics) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    private static final Pattern QUOTED_FRAGMENT = Pattern.compile("'[^']{2,}'");

    static TfvarsFile read(Path file, String displayName) {
        Map<String, Value> values = new LinkedHashMap<>();
        Map<String, dev.cloudshift.hcl.Position> positions = new LinkedHashMap<>();
        List<Diagnostic> diags = new ArrayList<>();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            diags.add(new Diagnostic(displayName, 0, 0, "expected a readable UTF-8 variables file"));
            return new TfvarsFile(file, displayName, values, positions, diags);
        }
        if (displayName.endsWith(".json")) {
            try {
                Object parsed = JSON.readValue(text, Object.class);
                if (!(parsed instanceof Map<?, ?> m)) {
                    diags.add(new Diagnostic(displayName, 1, 1, "expected a JSON object of variable values"));
                } else {
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        values.put(String.valueOf(e.getKey()), Value.fromJava(e.getValue()));
                        positions.put(String.valueOf(e.getKey()), new dev.cloudshift.hcl.Position(displayName, 1, 1));
                    }
                }
            } catch (JsonProcessingException e) {
                int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
                diags.add(new Diagnostic(displayName, Math.max(line, 0), Math.max(col, 0),
                        "expected valid JSON in the variables file"));
            }
            return new TfvarsFile(file, displayName, values, positions, diags);
        }
        ParseResult r = HclParser.parse(displayName, text);
        for (HclDiagnostic d : r.diagnostics()) {
            diags.add(new Diagnostic(d.position().file(), d.position().line(), d.position().column(),
                    QUOTED_FRAGMENT.matcher(d.message()).replaceAll("a word")));
        }
        List<dev.cloudshift.hcl.HclDiagnostic> evalDiags = new ArrayList<>();
        Evaluator ev = new Evaluator(FunctionLibrary.standard(), file.getParent(), evalDiags);
        for (Attribute a : r.body().attributes()) {
            int before = evalDiags.size();
            Value v = ev.evaluate(a.expr(), Scope.EMPTY);
            if (evalDiags.size() > before) {
                // never echo the evaluator's message: it may quote the (possibly secret) text
                evalDiags.subList(before, evalDiags.size()).clear();
                diags.add(new Diagnostic(displayName, a.expr().position().line(), a.expr().position().column(),
                        "expected a literal value for variable \"" + a.name() + "\" (variables files cannot refer to"
                                + " other values)"));
                continue;
            }
            values.put(a.name(), v);
            positions.put(a.name(), a.position());
        }
        for (Block b : r.body().blocks()) {
            diags.add(new Diagnostic(displayName, b.position().line(), b.position().column(),
                    "expected only variable assignments in a variables file, found a block \"" + b.type() + "\""));
        }
        return new TfvarsFile(file, displayName, values, positions, diags);
    }
}
