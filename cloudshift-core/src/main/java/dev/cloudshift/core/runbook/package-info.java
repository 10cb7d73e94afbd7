/**
 * The migration runbook (issue 6): strategy, phases with effort, risks, rollback, validation checklists and the
 * environment specification, derived from a {@link dev.cloudshift.core.plan.Plan} by walking the rules of
 * {@code catalog/effort.yaml} and {@code catalog/rules/*.yaml}. No migration knowledge lives in this package's
 * code: it evaluates facts against data. Entry point: {@link dev.cloudshift.core.runbook.RunbookBuilder}.
 */
package dev.cloudshift.core.runbook;
