/**
 * Renderers: one class per output format ({@link dev.cloudshift.core.report.PlanJsonWriter},
 * {@link dev.cloudshift.core.report.PlanMarkdownWriter}), chosen by one switch in
 * {@link dev.cloudshift.core.report.PlanFormat}. Renderers only read a finished
 * {@link dev.cloudshift.core.plan.Plan}; they never reach back into files.
 */
package dev.cloudshift.core.report;
