package dev.cloudshift.core.ingest.compose;

import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.model.SourcePosition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a compose file is not valid YAML as a whole, reads what can be read: each service block under
 * {@code services:} is parsed on its own (at its original line numbers), so one broken service does not hide
 * the others. Top-level {@code x-*} blocks are parsed along with each service so that aliases to their anchors
 * still resolve. The syntax error itself is reported by the caller; each service whose block is broken is
 * left out with a diagnostic at its name.
 */
final class ComposeRecovery {

    private static final Pattern TOP_KEY = Pattern.compile("^([A-Za-z0-9_.-]+)\\s*:(.*)$");
    private static final Pattern SERVICE_KEY = Pattern.compile("^( +)([^\\s#'\"][^:#]*|\"[^\"]+\"|'[^']+')\\s*:(\\s.*)?$");

    private ComposeRecovery() {
    }

    static Optional<YNode> recover(String file, String text, List<Diagnostic> diagnostics) {
        String[] lines = text.split("\\r?\\n", -1);
        int servicesLine = -1;
        List<int[]> extensions = new ArrayList<>(); // [start, end) of top-level x-* blocks
        for (int i = 0; i < lines.length; i++) {
            Matcher m = TOP_KEY.matcher(lines[i]);
            if (m.matches()) {
                if (m.group(1).equals("services") && m.group(2).strip().isEmpty()) {
                    servicesLine = i;
                } else if (m.group(1).startsWith("x-")) {
                    extensions.add(new int[] {i, endOfBlock(lines, i + 1, 1)});
                }
            }
        }
        if (servicesLine < 0) {
            return Optional.empty();
        }
        int end = endOfBlock(lines, servicesLine + 1, 1);
        int indent = -1;
        List<Integer> starts = new ArrayList<>();
        for (int i = servicesLine + 1; i < end; i++) {
            String l = lines[i];
            if (l.isBlank() || l.stripLeading().startsWith("#")) {
                continue;
            }
            int ind = l.length() - l.stripLeading().length();
            if (indent < 0) {
                indent = ind;
            }
            if (ind == indent && SERVICE_KEY.matcher(l).matches()) {
                starts.add(i);
            }
        }
        Map<String, YNode> services = new LinkedHashMap<>();
        Map<String, SourcePosition> positions = new LinkedHashMap<>();
        for (int s = 0; s < starts.size(); s++) {
            int from = starts.get(s);
            int to = s + 1 < starts.size() ? starts.get(s + 1) : end;
            StringBuilder b = new StringBuilder();
            // keep original line numbers: x- blocks that come before the service stay where they are
            int line = 0;
            for (int[] ext : extensions) {
                if (ext[1] <= from - 1) {
                    while (line < ext[0]) {
                        b.append('\n');
                        line++;
                    }
                    while (line < ext[1]) {
                        b.append(lines[line]).append('\n');
                        line++;
                    }
                }
            }
            while (line < from - 1) {
                b.append('\n');
                line++;
            }
            b.append("services:\n");
            b.append(String.join("\n", java.util.Arrays.asList(lines).subList(from, to)));
            List<Diagnostic> ignored = new ArrayList<>();
            Optional<YNode> tree = from >= 1 ? YamlTreeReader.read(file, b.toString(), ignored) : Optional.empty();
            if (tree.isPresent() && ignored.isEmpty() && tree.get() instanceof YNode.YMap root
                    && root.get("services") instanceof YNode.YMap svc) {
                for (Map.Entry<String, YNode> e : svc.entries().entrySet()) {
                    services.put(e.getKey(), e.getValue());
                    positions.put(e.getKey(), svc.keyPos(e.getKey()));
                }
            } else {
                Matcher m = SERVICE_KEY.matcher(lines[from]);
                String name = m.matches() ? m.group(2).strip() : "at line " + (from + 1);
                Diagnostic first = ignored.isEmpty() ? null : ignored.get(0);
                diagnostics.add(new Diagnostic(file, from + 1, indent + 1, "expected service " + name
                        + " to be valid YAML; it was left out" + (first != null && first.line() > 0
                        ? " (the problem is at " + first.line() + ":" + first.column() + ")" : "")));
            }
        }
        if (services.isEmpty()) {
            return Optional.empty();
        }
        SourcePosition at = new SourcePosition(file, servicesLine + 1, 1);
        YNode.YMap servicesNode = new YNode.YMap(services, positions, at, null);
        return Optional.of(new YNode.YMap(Map.of("services", servicesNode), Map.of("services", at), new SourcePosition(file, 1, 1), null));
    }

    /** The first line at or after {@code from} indented less than {@code minIndent} (a new top-level key), or the end. */
    private static int endOfBlock(String[] lines, int from, int minIndent) {
        for (int i = from; i < lines.length; i++) {
            String l = lines[i];
            if (l.isBlank() || l.stripLeading().startsWith("#")) {
                continue;
            }
            int ind = l.length() - l.stripLeading().length();
            if (ind < minIndent) {
                return i;
            }
        }
        return lines.length;
    }
}
