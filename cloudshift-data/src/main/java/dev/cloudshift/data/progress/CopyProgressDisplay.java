package dev.cloudshift.data.progress;

import dev.cloudshift.data.copy.CopyEngine;
import dev.cloudshift.data.copy.TableProgress;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Shows a running copy on stderr. On a terminal: one bar per table being copied with rows/s and ETA, redrawn in
 * place a few times a second. Elsewhere (a pipe, a CI log, {@code NO_COLOR}, {@code TERM=dumb}): one plain
 * line per active table every few seconds. Notes from the engine are printed as they come.
 */
public final class CopyProgressDisplay implements CopyEngine.Listener, AutoCloseable {
    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final boolean live;
    private final long intervalMillis;
    private volatile List<TableProgress> tables = List.of();
    private Thread ticker;
    private int linesDrawn;
    private final Object lock = new Object();

    /**
     * @param live           redraw bars in place (a terminal) rather than print plain lines
     * @param intervalMillis time between updates
     */
    public CopyProgressDisplay(PrintWriter err, boolean live, long intervalMillis) {
        this.err = err;
        this.live = live;
        this.intervalMillis = intervalMillis;
    }

    /** True when stderr is an interactive terminal that understands cursor movement. */
    public static boolean terminal() {
        String term = System.getenv("TERM");
        return System.console() != null && System.getenv("NO_COLOR") == null && (term == null || !term.equals("dumb"));
    }

    @Override
    public void started(List<TableProgress> list) {
        tables = List.copyOf(list);
        ticker = new Thread(this::tick, "cloudshift-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    @Override
    public void note(String message) {
        synchronized (lock) {
            clear();
            err.println("cloudshift: " + message);
            err.flush();
        }
    }

    private void tick() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(intervalMillis);
                draw();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void draw() {
        synchronized (lock) {
            List<TableProgress> active = tables.stream().filter(t -> t.state() == TableProgress.State.COPYING).toList();
            if (live) {
                clear();
                for (TableProgress t : active) {
                    err.println(barLine(t));
                }
                linesDrawn = active.size();
            } else {
                for (TableProgress t : active) {
                    err.println("copy: " + plainLine(t));
                }
            }
            err.flush();
        }
    }

    private void clear() {
        if (live && linesDrawn > 0) {
            err.print("\u001b[" + linesDrawn + "A");
            for (int i = 0; i < linesDrawn; i++) {
                err.print("\u001b[2K\n");
            }
            err.print("\u001b[" + linesDrawn + "A");
            linesDrawn = 0;
        }
    }

    static String barLine(TableProgress t) {
        long done = t.copied() + t.rejected() + t.inFlight();
        long total = Math.max(t.sourceRows(), done);
        double frac = total <= 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(frac * BAR_WIDTH);
        String name = t.table().length() > 20 ? t.table().substring(0, 19) + "…" : t.table();
        return String.format(Locale.ROOT, "%-20s [%s%s] %3d%% %,d/%,d  %,.0f rows/s  ETA %s", name,
                "#".repeat(filled), ".".repeat(BAR_WIDTH - filled), (int) (frac * 100), done, total,
                t.rowsPerSecond(), eta(t, total - done));
    }

    static String plainLine(TableProgress t) {
        long done = t.copied() + t.rejected() + t.inFlight();
        long total = Math.max(t.sourceRows(), done);
        int pct = total <= 0 ? 100 : (int) (100.0 * done / total);
        return String.format(Locale.ROOT, "%s %d%% %d/%d rows, %.0f rows/s, ETA %s", t.table(), pct, done, total,
                t.rowsPerSecond(), eta(t, total - done));
    }

    static String eta(TableProgress t, long remaining) {
        double rate = t.rowsPerSecond();
        if (rate <= 0) {
            return "--:--";
        }
        long s = (long) Math.ceil(remaining / rate);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.interrupt();
            try {
                ticker.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (lock) {
            clear();
            err.flush();
        }
    }
}
