package dev.cloudshift.core.model;

/**
 * A configuration setting that has to change for the target cloud: plan.json {@code config_changes}.
 *
 * @param environment the environment
 * @param file        the file where the setting is made (.env, docker-compose.yml, a .tf or plan JSON file)
 * @param key         the variable name; a new variable when {@code from} is {@code <not set>}
 * @param from        the current value's safe shape (never a secret, never a .env value verbatim)
 * @param to          the value to set: a safe template with placeholders ({@code <region>}) and secret
 *                    references instead of secret values
 * @param reason      why, naming what the target requires
 */
public record ConfigChange(String environment, String file, String key, String from, String to, String reason) {
}
