package dev.cloudshift.hcl.eval;

/**
 * An evaluation problem inside a function or operator. The evaluator catches it and records a diagnostic at
 * the expression's position; it never escapes {@link Evaluator#evaluate}. Messages never quote values.
 */
public final class EvalException extends RuntimeException {
    public EvalException(String message) {
        super(message, null, false, false);
    }
}
