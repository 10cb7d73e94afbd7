package dev.cloudshift.data.dialect;

import dev.cloudshift.data.schema.ForeignKey;
import dev.cloudshift.data.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Orders tables so that every table comes after the tables its foreign keys reference. */
final class TableOrder {

    private TableOrder() {
    }

    /**
     * Referenced tables first; otherwise the input order is kept. Self-references are ignored; tables caught in a
     * reference cycle keep their input order after every table that can be placed (their foreign keys are
     * created after the data anyway).
     */
    static List<Table> referencedFirst(List<Table> tables) {
        Map<String, Table> byName = new LinkedHashMap<>();
        for (Table t : tables) {
            byName.put(t.name().toLowerCase(Locale.ROOT), t);
        }
        Set<String> placed = new LinkedHashSet<>();
        List<Table> out = new ArrayList<>();
        boolean progress = true;
        while (out.size() < tables.size() && progress) {
            progress = false;
            for (Table t : tables) {
                String key = t.name().toLowerCase(Locale.ROOT);
                if (placed.contains(key)) {
                    continue;
                }
                boolean ready = true;
                for (ForeignKey fk : t.foreignKeys()) {
                    String ref = fk.refTable().toLowerCase(Locale.ROOT);
                    if (!ref.equals(key) && byName.containsKey(ref) && !placed.contains(ref)) {
                        ready = false;
                        break;
                    }
                }
                if (ready) {
                    placed.add(key);
                    out.add(t);
                    progress = true;
                }
            }
        }
        for (Table t : tables) {
            if (!placed.contains(t.name().toLowerCase(Locale.ROOT))) {
                out.add(t);
            }
        }
        return out;
    }
}
