package dev.cloudshift.core.ingest.compose;

import dev.cloudshift.core.ingest.dotenv.VariableInterpolator;
import dev.cloudshift.core.model.Diagnostic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies compose variable interpolation to every scalar value of a compose file (keys are left alone, as
 * compose does). Values come from the project's .env files; each substituted value is masked with its
 * redacted shape in {@link YNode.YScalar#masked()}. Problems are reported once per file and message.
 */
final class ComposeInterpolation {

    private static final VariableInterpolator INTERPOLATOR = new VariableInterpolator(true);

    private final Map<String, VariableInterpolator.Value> variables;
    private final List<Diagnostic> diagnostics;
    private final Set<String> reported = new LinkedHashSet<>();

    ComposeInterpolation(Map<String, VariableInterpolator.Value> variables, List<Diagnostic> diagnostics) {
        this.variables = variables;
        this.diagnostics = diagnostics;
    }

    YNode apply(YNode n) {
        if (n instanceof YNode.YScalar s) {
            if (s.value().indexOf('$') < 0) {
                return s;
            }
            VariableInterpolator.Result r = INTERPOLATOR.interpolate(s.value(), variables::get);
            for (String p : r.problems()) {
                if (reported.add(s.pos().file() + "\u0000" + p)) {
                    diagnostics.add(Diagnostic.at(s.pos(), p));
                }
            }
            return new YNode.YScalar(r.value(), r.masked(), r.substituted(), s.isNull(), s.pos(), s.tag());
        }
        if (n instanceof YNode.YList l) {
            List<YNode> items = new ArrayList<>(l.items().size());
            for (YNode c : l.items()) {
                items.add(apply(c));
            }
            return new YNode.YList(items, l.pos(), l.tag());
        }
        YNode.YMap m = (YNode.YMap) n;
        Map<String, YNode> entries = new LinkedHashMap<>();
        for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
            entries.put(e.getKey(), apply(e.getValue()));
        }
        return new YNode.YMap(entries, m.keyPositions(), m.pos(), m.tag());
    }
}
