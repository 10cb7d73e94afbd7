/**
 * The one place that decides what is secret and how a secret is shown.
 *
 * <p>{@link dev.cloudshift.core.secrets.SecretDetector} answers "is this key or value a secret" from the data in
 * {@code catalog/secret-rules.yaml}; {@link dev.cloudshift.core.secrets.Redactor} turns a value into a safe
 * shape ({@code postgresql://<user>:<redacted>@db:5432/app}) that may be printed anywhere. Readers call
 * these before a value leaves ingest, so no report, log line or exception message can carry a secret.
 */
package dev.cloudshift.core.secrets;
