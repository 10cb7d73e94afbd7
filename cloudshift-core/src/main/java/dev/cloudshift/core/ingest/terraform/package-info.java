/**
 * Terraform HCL source ingest: {@link dev.cloudshift.core.ingest.terraform.TerraformProject#read} parses a root
 * module (and the local modules it calls), finds the per-environment variable files, and
 * {@link dev.cloudshift.core.ingest.terraform.TerraformProject#evaluate} returns one
 * {@link dev.cloudshift.core.ingest.terraform.TerraformEnvironment} per environment: resource and data-source
 * instances (count/for_each and dynamic blocks expanded, modules flattened to {@code module.x.type.name}
 * addresses) with raw evaluated arguments and dependsOn edges.
 *
 * <p>Secrets: a variable declared {@code sensitive = true} or named like a secret
 * ({@link dev.cloudshift.core.ingest.terraform.SecretNames} documents the rule; its words are the
 * {@code terraform_names} section of {@code catalog/secret-rules.yaml}), an argument or map entry with
 * such a name, and everything derived from them carry the sensitive mark and appear as {@code <sensitive>};
 * known secret strings are also scrubbed from every diagnostic message.
 *
 * <p>Terraform JSON plan/state files are read elsewhere; this package reads HCL source only.
 */
package dev.cloudshift.core.ingest.terraform;
