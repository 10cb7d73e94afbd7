package dev.cloudshift.hcl.function;

import static dev.cloudshift.hcl.eval.Conversions.asMap;
import static dev.cloudshift.hcl.eval.Conversions.asString;

import dev.cloudshift.hcl.HclDiagnostic;
import dev.cloudshift.hcl.SourceFile;
import dev.cloudshift.hcl.ast.Expr;
import dev.cloudshift.hcl.eval.EvalException;
import dev.cloudshift.hcl.eval.Scope;
import dev.cloudshift.hcl.eval.Value;
import dev.cloudshift.hcl.parse.NativeSyntaxParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** file, fileexists, filebase64, templatefile, basename, dirname, abspath (relative to the base directory). */
final class FileFunctions {
    private static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    private FileFunctions() {
    }

    static void register(FunctionLibrary.Registry r) {
        r.add("file", 1, 1, false, (a, c) -> Value.string(readText(resolve(c, asString(a.get(0), "path")), asString(a.get(0), "path"))));
        r.add("fileexists", 1, 1, false, (a, c) -> Value.bool(Files.isRegularFile(resolve(c, asString(a.get(0), "path")))));
        r.add("filebase64", 1, 1, false, (a, c) -> {
            Path p = resolve(c, asString(a.get(0), "path"));
            try {
                return Value.string(Base64.getEncoder().encodeToString(Files.readAllBytes(p)));
            } catch (IOException e) {
                throw new EvalException("no readable file at " + asString(a.get(0), "path"));
            }
        });
        r.add("basename", 1, 1, false, (a, c) -> {
            String s = asString(a.get(0), "path");
            int i = s.lastIndexOf('/');
            return Value.string(i >= 0 ? s.substring(i + 1) : s);
        });
        r.add("dirname", 1, 1, false, (a, c) -> {
            String s = asString(a.get(0), "path");
            int i = s.lastIndexOf('/');
            return Value.string(i > 0 ? s.substring(0, i) : i == 0 ? "/" : ".");
        });
        r.add("abspath", 1, 1, false, (a, c) -> Value.string(asString(a.get(0), "path")));
        r.add("pathexpand", 1, 1, false, (a, c) -> Value.string(asString(a.get(0), "path")));
        r.add("templatefile", 2, 2, true, (a, c) -> {
            String name = asString(a.get(0), "path");
            String text = readText(resolve(c, name), name);
            if (!a.get(1).isWhollyKnown()) {
                return Value.unknown("");
            }
            Map<String, Value> vars = new HashMap<>(asMap(a.get(1), "variables"));
            NativeSyntaxParser parser = new NativeSyntaxParser(new SourceFile(name, text));
            Expr template = parser.parseTemplateFile();
            if (!parser.diagnostics().isEmpty()) {
                HclDiagnostic d = parser.diagnostics().get(0);
                throw new EvalException("template " + d);
            }
            int before = c.evaluator().diagnostics().size();
            Value v = c.evaluator().evaluateTemplate(template, Scope.of(vars));
            if (c.evaluator().diagnostics().size() > before) {
                throw new EvalException("the template could not be rendered (see the diagnostics above)");
            }
            return v;
        });
    }

    private static Path resolve(FunctionContext c, String path) {
        try {
            Path p = Path.of(path);
            if (!p.isAbsolute() && c.baseDir() != null) {
                p = c.baseDir().resolve(p);
            }
            return p.normalize();
        } catch (InvalidPathException e) {
            throw new EvalException("invalid path");
        }
    }

    private static String readText(Path p, String shown) {
        try {
            if (!Files.isRegularFile(p)) {
                throw new EvalException("no file at " + shown);
            }
            if (Files.size(p) > MAX_FILE_BYTES) {
                throw new EvalException("the file " + shown + " is larger than 16 MiB");
            }
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            if (e instanceof EvalException ee) {
                throw ee;
            }
            throw new EvalException("could not read the file " + shown + " as UTF-8 text");
        }
    }
}
