package dev.cloudshift.hcl.function;

import dev.cloudshift.hcl.ast.FunctionCallExpr;
import dev.cloudshift.hcl.eval.Evaluator;
import java.nio.file.Path;

/** What a function may need besides its arguments: the evaluator (templatefile) and the base directory. */
public record FunctionContext(Evaluator evaluator, FunctionCallExpr call) {

    /** The directory relative paths resolve against (the Terraform working directory), or null. */
    public Path baseDir() {
        return evaluator == null ? null : evaluator.baseDir();
    }
}
