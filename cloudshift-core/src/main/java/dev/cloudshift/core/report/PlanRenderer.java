package dev.cloudshift.core.report;

import dev.cloudshift.core.plan.Plan;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Renders a whole plan as the text of one output file. */
public interface PlanRenderer {

    /** The rendered document; deterministic for a given plan. */
    String render(Plan plan);

    /**
     * Renders ahead, and keeps, the parts of {@code plan} that later stages do not change (its sections, its
     * resources), so that a caller can do that work on another thread while the plan is still being completed; a
     * later {@link #render} of a plan holding the same parts reuses them. Never changes what {@link #render} writes.
     * Safe to call from another thread than {@link #render}, but not at the same time for the same part.
     */
    default void prepare(Plan plan) {
    }

    /** Writes what {@link #render} returns, as UTF-8, to {@code out} (a renderer may stream it without one string). */
    default void write(Plan plan, OutputStream out) throws IOException {
        out.write(render(plan).getBytes(StandardCharsets.UTF_8));
    }
}
