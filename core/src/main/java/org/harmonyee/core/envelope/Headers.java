package org.harmonyee.core.envelope;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Multi-valued HTTP-style headers: names compare case-insensitively, keep the spelling they were
 * first given, and keep their order. Not thread-safe; an envelope belongs to one exchange.
 */
public final class Headers {

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private record Entry(String name, List<String> values) {
    }

    public Headers add(String name, String value) {
        entries.computeIfAbsent(key(name), k -> new Entry(name, new ArrayList<>(1))).values().add(value);
        return this;
    }

    /** Replaces every value of the header; a name already present keeps its first spelling. */
    public Headers set(String name, String value) {
        List<String> values = new ArrayList<>(1);
        values.add(value);
        Entry existing = entries.get(key(name));
        entries.put(key(name), new Entry(existing == null ? name : existing.name(), values));
        return this;
    }

    public Headers remove(String name) {
        entries.remove(key(name));
        return this;
    }

    public Optional<String> first(String name) {
        Entry entry = entries.get(key(name));
        return entry == null || entry.values().isEmpty() ? Optional.empty() : Optional.of(entry.values().get(0));
    }

    public List<String> all(String name) {
        Entry entry = entries.get(key(name));
        return entry == null ? List.of() : Collections.unmodifiableList(entry.values());
    }

    public boolean contains(String name) {
        return entries.containsKey(key(name));
    }

    public List<String> names() {
        return entries.values().stream().map(Entry::name).toList();
    }

    public void forEach(BiConsumer<String, List<String>> action) {
        entries.values().forEach(entry -> action.accept(entry.name(), Collections.unmodifiableList(entry.values())));
    }

    public Headers copy() {
        Headers copy = new Headers();
        forEach((name, values) -> values.forEach(value -> copy.add(name, value)));
        return copy;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return names().toString();
    }
}
