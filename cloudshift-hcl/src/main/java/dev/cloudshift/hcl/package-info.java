/**
 * HCL2 native syntax for CloudShift, written from the public specification (hashicorp/hcl
 * {@code hclsyntax/spec.md} and the template specification).
 *
 * <ul>
 *   <li>{@link dev.cloudshift.hcl.HclParser}: parse a file or an expression. Never throws on bad input:
 *       problems are {@link dev.cloudshift.hcl.HclDiagnostic}s at {@code file:line:column} with an
 *       "expected ..." message; parsing recovers at the next line and nesting is bounded.</li>
 *   <li>{@code dev.cloudshift.hcl.ast}: the syntax tree. Every node has a {@link dev.cloudshift.hcl.Span}
 *       (position and original source text). {@link dev.cloudshift.hcl.ast.TraversalCollector} lists the
 *       references in an expression or body.</li>
 *   <li>{@code dev.cloudshift.hcl.eval}: {@link dev.cloudshift.hcl.eval.Evaluator} evaluates expressions against
 *       a {@link dev.cloudshift.hcl.eval.Scope}; values are {@link dev.cloudshift.hcl.eval.Value}s. Unknown values
 *       keep their expression text and propagate; the sensitive mark propagates like Terraform's marks, and
 *       {@link dev.cloudshift.hcl.eval.Value#toJava()} renders sensitive parts as {@code <sensitive>}.</li>
 *   <li>{@code dev.cloudshift.hcl.function}: the Terraform functions planning needs
 *       ({@link dev.cloudshift.hcl.function.FunctionLibrary#standard()}).</li>
 * </ul>
 */
package dev.cloudshift.hcl;
