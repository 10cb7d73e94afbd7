package dev.cloudshift.core.model;

/**
 * One configuration setting an application reads: a line of a .env file, a compose {@code environment}
 * entry, or a container definition's environment variable.
 *
 * @param environment the environment it belongs to ({@code default} when not tied to one)
 * @param position    where it is set
 * @param owner       the resource address that uses it ({@code compose.api}), or null for a bare .env file
 * @param key         the variable name
 * @param value       the value, or null when it is secret: secret values never leave ingest
 * @param secret      true when the value is a secret (every .env value, credential-like keys and values)
 * @param shape       a printable description of the value with every secret part replaced, for example
 *                    {@code postgresql://<user>:<redacted>@db:5432/app}; safe to print
 */
public record ConfigEntry(
        String environment,
        SourcePosition position,
        String owner,
        String key,
        String value,
        boolean secret,
        String shape) {
}
