package dev.cloudshift.core.runbook;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The facts of one resource as one map without copying what it shares with every other resource: its own facts
 * over its attributes over the estate facts. Reads as the {@link LinkedHashMap} built by putting the estate facts,
 * then the attributes, then its own facts would read (the same values, and the same order when iterated), but a
 * lookup touches only the small per-resource map and the shared ones; a rule evaluated over 20,000 resources
 * thus no longer copies the estate facts 20,000 times. Writes go to the resource's own facts.
 */
final class LayeredFacts extends AbstractMap<String, Object> {

    private static final Object MISSING = new Object();

    private final Map<String, Object> own;
    private final Map<String, Object> attributes;
    private final Map<String, Object> estate;

    /**
     * @param own        the resource's own facts (taken over, not copied)
     * @param attributes its attributes (not copied: must not change)
     * @param estate     the estate facts (not copied: must not change)
     */
    LayeredFacts(Map<String, Object> own, Map<String, Object> attributes, Map<String, Object> estate) {
        this.own = own;
        this.attributes = attributes;
        this.estate = estate;
    }

    @Override
    public Object get(Object key) {
        Object v = own.getOrDefault(key, MISSING);
        if (v == MISSING) {
            v = attributes.getOrDefault(key, MISSING);
            if (v == MISSING) {
                return estate.get(key);
            }
        }
        return v;
    }

    @Override
    public boolean containsKey(Object key) {
        return own.containsKey(key) || attributes.containsKey(key) || estate.containsKey(key);
    }

    @Override
    public Object put(String key, Object value) {
        Object previous = get(key);
        own.put(key, value);
        return previous;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new LinkedHashMap<>(estate);
        all.putAll(attributes);
        all.putAll(own);
        return java.util.Collections.unmodifiableMap(all).entrySet();
    }
}
