package org.harmonyee.core.error;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Walks a failure's cause chain: the failure first, then each cause once (a chain that loops back
 * on itself ends where it would repeat). Libraries wrap what matters (a limit hit while they read
 * a body, a socket timeout, the database's own refusal) in exceptions of their own; these find it.
 */
public final class Causes {

    private Causes() {
    }

    /** The first of {@code failure} and its causes that is a {@code type}. */
    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    /** The last cause of the chain: {@code failure} itself when it has none. */
    public static Throwable root(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable root = failure;
        while (root.getCause() != null && seen.add(root) && !seen.contains(root.getCause())) {
            root = root.getCause();
        }
        return root;
    }

    /** The root cause as a short reason for a log line or a detail: its simple class name and message, never a trace. */
    public static String rootReason(Throwable failure) {
        Throwable root = root(failure);
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
