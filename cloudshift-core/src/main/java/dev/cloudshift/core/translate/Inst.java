package dev.cloudshift.core.translate;

/** One instance of a source resource in one environment; {@code key} is null for a resource without count/for_each. */
record Inst(String environment, String key) {
}
