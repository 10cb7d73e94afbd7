package dev.cloudshift.core.report;

import dev.cloudshift.core.model.Inventory;
import dev.cloudshift.core.model.Resource;
import dev.cloudshift.core.plan.ProjectInventory;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cloudshift inventory --format table}: one aligned text table per environment (address, type,
 * category, key settings, dependency count), for a terminal.
 */
public final class InventoryTableWriter {

    private static final int MAX_SETTINGS = 70;

    public String render(ProjectInventory inventory) {
        StringBuilder sb = new StringBuilder();
        for (Inventory env : inventory.environments()) {
            sb.append("Environment ").append(env.environment()).append(": ").append(env.resources().size())
                    .append(env.resources().size() == 1 ? " resource" : " resources").append('\n');
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"ADDRESS", "TYPE", "CATEGORY", "DEPS", "KEY SETTINGS"});
            for (Resource r : env.resources()) {
                String settings = AttributeSummary.of(r.attributes());
                if (settings.length() > MAX_SETTINGS) {
                    settings = settings.substring(0, MAX_SETTINGS - 3) + "...";
                }
                rows.add(new String[] {r.address(), r.type(), String.valueOf(r.category()),
                    String.valueOf(r.dependsOn().size()), settings});
            }
            int[] width = new int[5];
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    width[i] = Math.max(width[i], printable(row[i]).length());
                }
            }
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder("  ");
                for (int i = 0; i < row.length; i++) {
                    String cell = printable(row[i]);
                    line.append(cell);
                    if (i < row.length - 1) {
                        line.append(" ".repeat(width[i] - cell.length() + 2));
                    }
                }
                sb.append(line.toString().stripTrailing()).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Control characters from a file never reach the terminal. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return b.toString();
    }
}
