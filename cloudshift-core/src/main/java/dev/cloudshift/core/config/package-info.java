/**
 * Configuration changes: finds the endpoints of services in configuration settings
 * ({@link dev.cloudshift.core.config.EndpointDetector}, patterns in {@code catalog/endpoint-patterns.yaml}) and
 * turns them into the settings the target cloud requires
 * ({@link dev.cloudshift.core.config.ConfigChangePlanner}, rules in {@code catalog/config-rules.yaml}).
 * Java walks the data; what a target requires lives in the YAML files.
 */
package dev.cloudshift.core.config;
