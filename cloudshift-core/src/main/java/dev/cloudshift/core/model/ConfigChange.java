package dev.cloudshift.core.model;

/**
 * Placeholder of the ingest piece's record (issue 2 contract), so the plan branch compiles before the
 * ingest branch is merged; the ingest branch owns this file.
 */
public record ConfigChange(String environment, String file, String key, String from, String to, String reason) {
}
