package org.harmonyee.core.runtime;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Live state the hosting server knows and the gateway's core does not (the DICOM listeners' open
 * associations, for one): named JSON views the server registers once the gateway is assembled, read
 * on demand by the management API ({@code /admin/NAME}). Thread-safe.
 */
public final class LiveViews {

    private final Map<String, Supplier<JsonNode>> views = new ConcurrentHashMap<>();

    /**
     * @param name a management resource name, lower case ({@code associations})
     * @param view read on every request: it must be cheap and never throw
     */
    public void register(String name, Supplier<JsonNode> view) {
        views.put(name, view);
    }

    /** The view's current JSON, if one is registered under the name. */
    public Optional<JsonNode> read(String name) {
        return Optional.ofNullable(views.get(name)).map(Supplier::get);
    }

    public Set<String> names() {
        return new TreeSet<>(views.keySet());
    }
}
