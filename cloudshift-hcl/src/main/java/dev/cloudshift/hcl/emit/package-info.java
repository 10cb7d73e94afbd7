/**
 * Canonical HCL emitter: a small document model ({@link dev.cloudshift.hcl.emit.HclFile},
 * {@link dev.cloudshift.hcl.emit.HclItem}, {@link dev.cloudshift.hcl.emit.HclExpr}) and
 * {@link dev.cloudshift.hcl.emit.HclWriter}, which writes it byte for byte as {@code terraform fmt} would.
 * {@link dev.cloudshift.hcl.emit.HclModelReader} reads a parsed tree back into the model for round-trip checks.
 */
package dev.cloudshift.hcl.emit;
