package org.harmonyee.rar.api;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Where the application reads the state of each network's DICOM listener (the gateway's
 * readiness): the adapter publishes its source while it runs and withdraws it when it stops, as
 * with {@link OpenAssociations}. A network is {@link #LISTENING} once its listener accepts
 * connections and until it is closed; before that its state says why it is not bound (its port
 * taken by another process, tried again until it is free).
 */
public final class ListeningNetworks {

    /** The state of a listener that accepts connections. */
    public static final String LISTENING = "listening";

    private static final Supplier<Map<String, String>> NONE = Map::of;
    private static final AtomicReference<Supplier<Map<String, String>>> SOURCE = new AtomicReference<>(NONE);

    private ListeningNetworks() {
    }

    /** The adapter's source, read on every {@link #snapshot()}; it replaces any previous one. */
    public static void publish(Supplier<Map<String, String>> source) {
        SOURCE.set(source);
    }

    /** Withdraws {@code source} if it is still the published one. */
    public static void withdraw(Supplier<Map<String, String>> source) {
        SOURCE.compareAndSet(source, NONE);
    }

    /** Each network with a DICOM listener and its state now; empty when no adapter runs. */
    public static Map<String, String> snapshot() {
        return Map.copyOf(SOURCE.get().get());
    }
}
