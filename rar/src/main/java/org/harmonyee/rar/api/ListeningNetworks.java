package org.harmonyee.rar.api;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Where the application reads which networks' DICOM listeners are bound (the gateway's readiness):
 * the adapter publishes its source while it runs and withdraws it when it stops, as with
 * {@link OpenAssociations}. A network is listed once its listener accepts connections and until it
 * is closed.
 */
public final class ListeningNetworks {

    private static final Supplier<Set<String>> NONE = Set::of;
    private static final AtomicReference<Supplier<Set<String>>> SOURCE = new AtomicReference<>(NONE);

    private ListeningNetworks() {
    }

    /** The adapter's source, read on every {@link #snapshot()}; it replaces any previous one. */
    public static void publish(Supplier<Set<String>> source) {
        SOURCE.set(source);
    }

    /** Withdraws {@code source} if it is still the published one. */
    public static void withdraw(Supplier<Set<String>> source) {
        SOURCE.compareAndSet(source, NONE);
    }

    /** The names of the networks whose DICOM listener is bound now; empty when no adapter runs. */
    public static Set<String> snapshot() {
        return Set.copyOf(SOURCE.get().get());
    }
}
