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

    /** The text view of the gateway's metrics in the Prometheus text format, served at {@code /metrics}. */
    public static final String PROMETHEUS_METRICS = "prometheus";

    private final Map<String, Supplier<JsonNode>> views = new ConcurrentHashMap<>();
    private final Map<String, Supplier<String>> texts = new ConcurrentHashMap<>();

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

    /**
     * A view rendered as text by the server (the Prometheus exposition of its metrics), served as is.
     *
     * @param view read on every request: it must never throw
     */
    public void registerText(String name, Supplier<String> view) {
        texts.put(name, view);
    }

    /** The text view's current content, if one is registered under the name. */
    public Optional<String> readText(String name) {
        return Optional.ofNullable(texts.get(name)).map(Supplier::get);
    }

    public Set<String> names() {
        return new TreeSet<>(views.keySet());
    }
}
