package org.harmonyee.core.envelope;

import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The results of a streaming response, pulled one by one as the backend produces them: C-FIND
 * pending matches, WADO-RS parts, the elements of a chunked JSON array. The door renders each as
 * it arrives; nothing collects them unless a middleware asks for the whole.
 *
 * <p>The contract:
 * <ul>
 * <li>{@link #next()} blocks until the next result, and is empty once the backend has no more. A
 *     backend that fails mid-stream throws {@link GatewayException} from it; what was already
 *     delivered stays delivered.</li>
 * <li>{@link #map} adds a per-result step (a transform of each match); steps run in the order
 *     they were added, on the thread that pulls, as each result passes.</li>
 * <li>{@link #collect} reads the rest into memory, bounded, for a middleware that needs the whole.</li>
 * <li>{@link #close()} ends the stream early and cancels upstream (C-CANCEL, closing the
 *     connection); the door calls it when the caller goes away. Closing twice is harmless.</li>
 * <li>{@link #whenEnded} listeners run once, when the stream ends, fails or is closed: the outcome
 *     of a streaming exchange is known only then.</li>
 * </ul>
 * Not thread-safe: one consumer pulls.
 */
public final class ResultStream implements AutoCloseable {

    /** Where results come from: a backend's queue of pending matches, a parser of parts. */
    public interface Source extends AutoCloseable {

        /**
         * The next result, or empty at the end.
         *
         * @throws GatewayException when the backend fails before the end
         */
        Optional<Result> next();

        /** Stops producing (cancels upstream if it has not ended) and releases what it holds; called once. */
        @Override
        void close();
    }

    private final Source source;
    private final List<UnaryOperator<Result>> steps = new ArrayList<>();
    private final List<Consumer<GatewayException>> endListeners = new ArrayList<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private long delivered;

    private ResultStream(Source source) {
        this.source = source;
    }

    public static ResultStream of(Source source) {
        return new ResultStream(source);
    }

    /** A stream over results already at hand (after {@link #collect}, or in tests). */
    public static ResultStream of(List<Result> results) {
        Iterator<Result> iterator = List.copyOf(results).iterator();
        return new ResultStream(new Source() {
            @Override
            public Optional<Result> next() {
                return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
            }

            @Override
            public void close() {
            }
        });
    }

    /** The next result, with every step applied; empty at the end. */
    public Optional<Result> next() {
        if (ended.get()) {
            return Optional.empty();
        }
        Optional<Result> result;
        try {
            result = source.next();
        } catch (GatewayException failure) {
            end(failure);
            throw failure;
        }
        if (result.isEmpty()) {
            end(null);
            return result;
        }
        Result current = result.get();
        for (UnaryOperator<Result> step : steps) {
            current = step.apply(current);
        }
        delivered++;
        return Optional.of(current);
    }

    /** Adds a step applied to each result as it passes; returns this stream. */
    public ResultStream map(UnaryOperator<Result> step) {
        steps.add(step);
        return this;
    }

    /**
     * Reads every remaining result into memory.
     *
     * @param max the most results the caller will hold
     * @throws GatewayException PAYLOAD_TOO_LARGE (and the stream is closed) beyond {@code max}
     */
    public List<Result> collect(int max) {
        List<Result> all = new ArrayList<>();
        for (Optional<Result> result = next(); result.isPresent(); result = next()) {
            if (all.size() == max) {
                close();
                throw new GatewayException(ProblemType.PAYLOAD_TOO_LARGE,
                        "more than " + max + " results; the pipeline holds at most " + max + " at once");
            }
            all.add(result.get());
        }
        return all;
    }

    /** Runs {@code listener} once when the stream ends: with null at its end or close, else its failure. */
    public ResultStream whenEnded(Consumer<GatewayException> listener) {
        endListeners.add(listener);
        return this;
    }

    /** How many results have been delivered so far. */
    public long delivered() {
        return delivered;
    }

    /** Whether the stream has ended, failed or been closed. */
    public boolean isEnded() {
        return ended.get();
    }

    /** Ends the stream early and cancels upstream. */
    @Override
    public void close() {
        end(null);
    }

    /** Releases the source once, whichever way the stream ends, then tells the listeners. */
    private void end(GatewayException failure) {
        if (ended.compareAndSet(false, true)) {
            try {
                source.close();
            } finally {
                endListeners.forEach(listener -> listener.accept(failure));
            }
        }
    }
}
