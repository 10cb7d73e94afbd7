package dev.cloudshift.data.progress;

import dev.cloudshift.data.copy.CopyResult;
import java.util.Locale;

/**
 * The table printed when a copy ends: per table source rows, copied, rejected, seconds and rows/s, a total, and
 * whether source = copied + rejected held for every table.
 */
public final class CopySummaryTable {
    private CopySummaryTable() {
    }

    public static String render(CopyResult result) {
        int w = "table".length();
        for (CopyResult.TableResult t : result.tables()) {
            w = Math.max(w, t.table().length());
        }
        String fmt = "%-" + w + "s %12s %12s %9s %9s %12s%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, fmt, "table", "source rows", "copied", "rejected", "seconds", "rows/s"));
        long src = 0;
        long copied = 0;
        long rejected = 0;
        for (CopyResult.TableResult t : result.tables()) {
            sb.append(String.format(Locale.ROOT, fmt, t.table(), t.sourceRows(), t.copied(), t.rejected(),
                    String.format(Locale.ROOT, "%.2f", t.seconds()), String.format(Locale.ROOT, "%.0f", t.rowsPerSecond())));
            src += t.sourceRows();
            copied += t.copied();
            rejected += t.rejected();
        }
        double total = result.seconds();
        sb.append(String.format(Locale.ROOT, fmt, "total", src, copied, rejected, String.format(Locale.ROOT, "%.2f", total),
                String.format(Locale.ROOT, "%.0f", total <= 0 ? 0 : copied / total)));
        if (result.reconciles()) {
            sb.append("reconciled: source rows = copied + rejected for every table");
        } else {
            sb.append("NOT reconciled: source rows != copied + rejected for ");
            sb.append(String.join(", ", result.tables().stream().filter(t -> !t.reconciles())
                    .map(t -> t.table() + " (" + (t.sourceRows() - t.copied() - t.rejected()) + " rows unaccounted; did the source change during the copy?)")
                    .toList()));
        }
        sb.append(System.lineSeparator());
        return sb.toString();
    }
}
