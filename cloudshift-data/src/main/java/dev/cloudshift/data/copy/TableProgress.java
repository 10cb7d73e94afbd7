package dev.cloudshift.data.copy;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters for one table, updated by the copy workers and read by whoever displays progress. Rows copied
 * and rejected include chunks finished by an earlier run that this one resumed.
 */
public final class TableProgress {
    public enum State { WAITING, COPYING, DONE, FAILED }

    private final String table;
    private final AtomicLong copied = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong resumedRows = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private volatile long sourceRows = -1;
    private volatile long startNanos;
    private volatile long endNanos;
    private volatile State state = State.WAITING;
    private volatile String error;

    public TableProgress(String table) {
        this.table = table;
    }

    public String table() {
        return table;
    }

    /** Rows in the source table when the copy started, or -1 before it was counted. */
    public long sourceRows() {
        return sourceRows;
    }

    public long copied() {
        return copied.get();
    }

    public long rejected() {
        return rejected.get();
    }

    /** Rows read by chunks still in their transaction (not yet committed); for live display only. */
    public long inFlight() {
        return inFlight.get();
    }

    /** Rows (copied + rejected) that an earlier, interrupted run had already committed. */
    public long resumedRows() {
        return resumedRows.get();
    }

    public State state() {
        return state;
    }

    /** The error that stopped this table (no secrets: it went through {@link JdbcEndpoint#redact}). */
    public String error() {
        return error;
    }

    /** Seconds spent copying, so far or in total. */
    public double seconds() {
        long s = startNanos;
        if (s == 0) {
            return 0;
        }
        long e = endNanos == 0 ? System.nanoTime() : endNanos;
        return (e - s) / 1e9;
    }

    /** Rows per second written by this run (resumed rows excluded). */
    public double rowsPerSecond() {
        double sec = seconds();
        long done = copied() + rejected() + inFlight() - resumedRows();
        return sec <= 0 ? 0 : done / sec;
    }

    void sourceRows(long n) {
        sourceRows = n;
    }

    void resumed(long copiedBefore, long rejectedBefore) {
        copied.addAndGet(copiedBefore);
        rejected.addAndGet(rejectedBefore);
        resumedRows.addAndGet(copiedBefore + rejectedBefore);
    }

    void started() {
        if (startNanos == 0) {
            synchronized (this) {
                if (startNanos == 0) {
                    startNanos = System.nanoTime();
                    state = State.COPYING;
                }
            }
        }
    }

    void reading(long rows) {
        inFlight.addAndGet(rows);
    }

    /** A chunk committed: its in-flight rows become copied or rejected. */
    void committed(long copiedRows, long rejectedRows, long wasInFlight) {
        inFlight.addAndGet(-wasInFlight);
        copied.addAndGet(copiedRows);
        rejected.addAndGet(rejectedRows);
    }

    void finished() {
        if (startNanos == 0) {
            startNanos = System.nanoTime();
        }
        endNanos = System.nanoTime();
        if (state != State.FAILED) {
            state = State.DONE;
        }
    }

    void failed(String message) {
        error = message;
        state = State.FAILED;
        if (startNanos != 0) {
            endNanos = System.nanoTime();
        }
    }
}
