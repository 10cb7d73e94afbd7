package dev.cloudshift.core.ingest.compose;

import dev.cloudshift.core.model.SourcePosition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML node with its source position, after anchors, aliases and merge keys are resolved. Scalars keep
 * their text (no YAML 1.1 type guessing, so {@code 22:22} stays a string) and, after compose interpolation,
 * a masked form in which values taken from .env files are replaced by their redacted shapes.
 */
sealed interface YNode permits YNode.YMap, YNode.YList, YNode.YScalar {

    SourcePosition pos();

    /** A local tag such as {@code !reset} or {@code !override}, or null. */
    String tag();

    /** A mapping; keys are scalar texts, {@code keyPositions} says where each key is written. */
    record YMap(Map<String, YNode> entries, Map<String, SourcePosition> keyPositions, SourcePosition pos, String tag) implements YNode {
        public YMap {
            entries = new LinkedHashMap<>(entries);
            keyPositions = new LinkedHashMap<>(keyPositions);
        }

        YNode get(String key) {
            return entries.get(key);
        }

        SourcePosition keyPos(String key) {
            SourcePosition p = keyPositions.get(key);
            return p == null ? pos : p;
        }
    }

    /** A sequence. */
    record YList(List<YNode> items, SourcePosition pos, String tag) implements YNode {
        public YList {
            items = List.copyOf(items);
        }
    }

    /**
     * A scalar.
     *
     * @param value   text after interpolation (may hold a secret taken from .env)
     * @param masked  the same text with .env values replaced by their safe shapes
     * @param fromEnv true when a .env value was substituted into it
     * @param isNull  true for an empty plain scalar, {@code ~} or {@code null}
     */
    record YScalar(String value, String masked, boolean fromEnv, boolean isNull, SourcePosition pos, String tag) implements YNode {
        static YScalar of(String value, SourcePosition pos) {
            return new YScalar(value, value, false, false, pos, null);
        }

        @Override
        public String toString() {
            return "YScalar[" + masked + " at " + pos + "]";
        }
    }

    /** A short description of the node kind for messages ("a list", "a mapping", "a string"). */
    static String kind(YNode n) {
        if (n == null) {
            return "nothing";
        }
        if (n instanceof YMap) {
            return "a mapping";
        }
        if (n instanceof YList) {
            return "a list";
        }
        return ((YScalar) n).isNull() ? "null" : "a scalar";
    }
}
