package dev.cloudshift.core.model;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An unmodifiable copy of a map in insertion order that nobody else holds a reference to, so that it can be shared
 * as it is: {@link #of} copies any other map once and returns a {@code FrozenMap} unchanged. A resource passes
 * through several stages that each make a new {@link Resource} with the same attributes; they share one copy
 * instead of copying the map at every step.
 */
final class FrozenMap<K, V> extends AbstractMap<K, V> {

    private final Map<K, V> view;

    private FrozenMap(Map<K, V> copy) {
        this.view = Collections.unmodifiableMap(copy);
    }

    /** {@code map} itself when it is already frozen, otherwise an unmodifiable copy of it in its iteration order. */
    @SuppressWarnings("unchecked")
    static <K, V> Map<K, V> of(Map<? extends K, ? extends V> map) {
        if (map instanceof FrozenMap<?, ?> frozen) {
            return (Map<K, V>) frozen;
        }
        return new FrozenMap<>(new LinkedHashMap<>(map));
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return view.entrySet();
    }

    @Override
    public Set<K> keySet() {
        return view.keySet();
    }

    @Override
    public Collection<V> values() {
        return view.values();
    }

    @Override
    public V get(Object key) {
        return view.get(key);
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        return view.getOrDefault(key, defaultValue);
    }

    @Override
    public boolean containsKey(Object key) {
        return view.containsKey(key);
    }

    @Override
    public int size() {
        return view.size();
    }

    @Override
    public boolean isEmpty() {
        return view.isEmpty();
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        view.forEach(action);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || view.equals(o);
    }

    @Override
    public int hashCode() {
        return view.hashCode();
    }
}
