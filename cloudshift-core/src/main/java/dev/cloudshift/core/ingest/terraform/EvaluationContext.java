package dev.cloudshift.core.ingest.terraform;

import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.hcl.HclDiagnostic;
import dev.cloudshift.hcl.eval.Evaluator;
import dev.cloudshift.hcl.eval.ListValue;
import dev.cloudshift.hcl.eval.NumberValue;
import dev.cloudshift.hcl.eval.ObjectValue;
import dev.cloudshift.hcl.eval.StringValue;
import dev.cloudshift.hcl.eval.Value;
import dev.cloudshift.hcl.function.FunctionLibrary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** State shared by every module instance while one environment is evaluated. */
final class EvaluationContext {
    final Path root;
    final String environment;
    final ModuleCache modules;
    final List<HclDiagnostic> hclDiagnostics = new ArrayList<>();
    final List<Diagnostic> warnings = new ArrayList<>();
    final Evaluator evaluator;
    final Evaluator quiet;
    /** Most resource and module instances one environment may expand into (guards runaway count/for_each). */
    static final int MAX_INSTANCES = 250_000;
    final int instanceBudget;
    int instances;
    boolean budgetReported;

    /** Strings known to be secret, scrubbed from every message. */
    final Set<String> secrets = new HashSet<>();

    EvaluationContext(Path root, String environment, ModuleCache modules, int instanceBudget) {
        this.instanceBudget = instanceBudget;
        this.root = root;
        this.environment = environment;
        this.modules = modules;
        this.evaluator = new Evaluator(FunctionLibrary.standard(), root, hclDiagnostics);
        this.quiet = new Evaluator(FunctionLibrary.standard(), root, new ArrayList<>());
    }

    void warn(dev.cloudshift.hcl.Position p, String message) {
        warnings.add(new Diagnostic(p.file(), p.line(), p.column(), message));
    }

    /** Remembers every string inside a sensitive value so it can be scrubbed from messages. */
    void rememberSecrets(Value v, boolean inherited) {
        if (!inherited && !v.isDeepSensitive()) {
            return;
        }
        boolean s = inherited || v.sensitive();
        if (v instanceof StringValue sv && s) {
            if (!sv.value().isBlank()) {
                secrets.add(sv.value());
            }
        } else if (v instanceof NumberValue nv && s) {
            String t = NumberValue.format(nv.value());
            if (t.length() >= 4) {
                secrets.add(t);
            }
        } else if (v instanceof ListValue l) {
            for (Value x : l.items()) {
                rememberSecrets(x, s);
            }
        } else if (v instanceof ObjectValue o) {
            for (Value x : o.attributes().values()) {
                rememberSecrets(x, s);
            }
        }
    }

    /** All warnings of this evaluation, deduplicated, with secret strings replaced. */
    List<Diagnostic> finishWarnings() {
        List<Diagnostic> all = new ArrayList<>();
        for (HclDiagnostic d : hclDiagnostics) {
            all.add(ModuleDefinition.toDiagnostic(d));
        }
        all.addAll(warnings);
        List<Diagnostic> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Diagnostic d : all) {
            Diagnostic clean = new Diagnostic(d.file(), d.line(), d.column(), SecretScrubber.scrub(d.message(), secrets));
            if (seen.add(clean.toString())) {
                out.add(clean);
            }
        }
        return out;
    }
}
