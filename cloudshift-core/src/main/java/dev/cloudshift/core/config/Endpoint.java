package dev.cloudshift.core.config;

import dev.cloudshift.core.model.ConfigEntry;

/**
 * A setting recognised as (part of) the endpoint of a service.
 *
 * @param entry        the setting
 * @param kind         endpoint kind ({@code postgres}, {@code redis}, {@code kafka}, {@code s3}, {@code database} ...)
 * @param role         {@code url}, {@code host}, {@code port}, {@code hostport}, {@code bootstrap}, {@code bucket}
 *                     or {@code endpoint}
 * @param prefix       the key prefix that names related settings ({@code KAFKA_} of {@code KAFKA_BOOTSTRAP_SERVERS}), may be ""
 * @param host         the host when it can be read safely (never from a secret value), else null
 * @param port         the port, or -1
 * @param cloudService the managed service the host name belongs to ({@code aws_rds}, {@code azure_redis}), or null
 * @param reference    a Terraform reference found in the value ({@code aws_db_instance.main.address}), or null
 */
public record Endpoint(ConfigEntry entry, String kind, String role, String prefix, String host, int port,
                       String cloudService, String reference) {
}
