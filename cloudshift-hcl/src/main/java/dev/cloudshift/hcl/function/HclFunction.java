package dev.cloudshift.hcl.function;

import dev.cloudshift.hcl.eval.Value;
import java.util.List;

/**
 * A Terraform function. The evaluator checks arity, returns an unknown when an argument is unknown (or, unless
 * {@link #acceptsPartiallyUnknown()}, contains unknowns), and propagates the sensitive mark; implementations
 * throw {@link dev.cloudshift.hcl.eval.EvalException} for bad arguments, with messages that quote no values.
 */
public interface HclFunction {

    String name();

    int minArgs();

    /** -1 for variadic. */
    int maxArgs();

    /**
     * True for structural functions (merge, concat, lookup, length...) that work on collections whose
     * elements may be unknown; they keep element marks instead of marking the whole result.
     */
    boolean acceptsPartiallyUnknown();

    Value call(List<Value> args, FunctionContext context);
}
