package dev.cloudshift.core.report;

import dev.cloudshift.core.model.Diagnostic;
import dev.cloudshift.core.model.Resource;
import dev.cloudshift.core.model.SourcePosition;
import dev.cloudshift.core.plan.InputFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The members plan.json and the inventory JSON share, so both documents describe a file, warning and resource alike.
 * They are trees for {@link JsonText} to write (a resource's attributes are a {@link JsonText#sortedKeys} value).
 */
final class JsonMembers {

    private JsonMembers() {
    }

    /** {@code inputs}: each file read, with its kind. */
    static List<Object> inputs(List<InputFile> files) {
        List<Object> out = new ArrayList<>(files.size());
        for (InputFile f : files) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.path());
            m.put("kind", f.kind().label());
            out.add(m);
        }
        return out;
    }

    /** {@code warnings}: file, line, column and message of each diagnostic. */
    static List<Object> warnings(List<Diagnostic> diagnostics) {
        List<Object> out = new ArrayList<>(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", d.file());
            m.put("line", d.line());
            m.put("column", d.column());
            m.put("message", d.message());
            out.add(m);
        }
        return out;
    }

    /** A resource's own members (the source side), with {@code service} when known; callers may add more after them. */
    static Map<String, Object> resource(Resource r, String service) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", r.address());
        m.put("type", r.type());
        m.put("provider", r.provider());
        m.put("category", r.category());
        if (service != null) {
            m.put("service", service);
        }
        m.put("environment", r.environment());
        m.put("attributes", JsonText.sortedKeys(r.attributes()));
        m.put("depends_on", r.dependsOn());
        SourcePosition pos = r.position();
        if (pos != null && pos.file() != null) {
            m.put("defined_at", pos.toString());
        }
        return m;
    }
}
