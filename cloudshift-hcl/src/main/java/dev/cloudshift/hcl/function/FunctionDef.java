package dev.cloudshift.hcl.function;

import dev.cloudshift.hcl.eval.Value;
import java.util.List;

/** A function defined by a lambda. */
record FunctionDef(String name, int minArgs, int maxArgs, boolean acceptsPartiallyUnknown, Impl impl)
        implements HclFunction {

    @FunctionalInterface
    interface Impl {
        Value apply(List<Value> args, FunctionContext context);
    }

    @Override
    public Value call(List<Value> args, FunctionContext context) {
        return impl.apply(args, context);
    }
}
