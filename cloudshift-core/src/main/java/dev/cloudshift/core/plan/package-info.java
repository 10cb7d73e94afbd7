/**
 * Planning: turns a project directory into a {@link dev.cloudshift.core.plan.Plan}. The {@link
 * dev.cloudshift.core.plan.Planner} reads every input kind it finds (Terraform root module and tfvars,
 * {@code terraform show -json} files, compose files, .env files), builds one inventory per environment,
 * normalises and maps each resource with the knowledge base, builds the dependency graph and derives the
 * configuration changes. Later stages (cost, translation, runbook) add {@link
 * dev.cloudshift.core.plan.PlanSection}s to the plan; renderers live in {@code dev.cloudshift.core.report}.
 */
package dev.cloudshift.core.plan;
