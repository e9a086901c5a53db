package org.harmonyee.rar.api;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Where the application reads the associations open on the adapter's listeners (the management
 * API's {@code /admin/associations}): the adapter publishes its source while it runs and withdraws
 * it when it stops. A directory in the listener contract, because the application holds no
 * reference to the adapter; the server loads this class once for both (the RAR's classes are the
 * application's on Payara, the EAR's module on WildFly).
 */
public final class OpenAssociations {

    private static final Supplier<List<OpenAssociation>> NONE = List::of;
    private static final AtomicReference<Supplier<List<OpenAssociation>>> SOURCE = new AtomicReference<>(NONE);

    private OpenAssociations() {
    }

    /** The adapter's source, read on every {@link #snapshot()}; it replaces any previous one. */
    public static void publish(Supplier<List<OpenAssociation>> source) {
        SOURCE.set(source);
    }

    /** Withdraws {@code source} if it is still the published one. */
    public static void withdraw(Supplier<List<OpenAssociation>> source) {
        SOURCE.compareAndSet(source, NONE);
    }

    /** The associations open now; empty when no adapter runs. */
    public static List<OpenAssociation> snapshot() {
        return List.copyOf(SOURCE.get().get());
    }
}
