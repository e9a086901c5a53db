package org.harmonyee.services.dicomweb;

import org.harmonyee.core.envelope.Result;
import org.harmonyee.core.envelope.ResultStream;
import org.harmonyee.core.error.GatewayException;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The backend's results on their way to a DICOMweb caller: the first {@code offset} skipped, at most
 * {@code limit} passed on (then the backend's stream is closed, which cancels the C-FIND), each
 * converted as it passes. {@link #start()} pulls the first one before the answer is decided, so
 * that an empty result and a PACS that fails at once are told apart from a stream of matches.
 */
final class BridgedResults implements ResultStream.Source {

    private final ResultStream upstream;
    private final long offset;
    private final long limit;
    private final UnaryOperator<Result> convert;
    private Result first;
    private long skipped;
    private long passed;

    /**
     * @param convert turns a backend result into the caller's; it may throw {@link GatewayException},
     *                which ends the stream with that failure
     */
    BridgedResults(ResultStream upstream, long offset, long limit, UnaryOperator<Result> convert) {
        this.upstream = upstream;
        this.offset = offset;
        this.limit = limit;
        this.convert = convert;
    }

    /**
     * Pulls the first result: the stream of all of them, or empty (and closed) when there is none.
     *
     * @throws GatewayException when the backend fails before its first result
     */
    Optional<ResultStream> start() {
        ResultStream results = ResultStream.of(this);
        Optional<Result> head = results.next();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        first = head.get();
        return Optional.of(ResultStream.of(new ResultStream.Source() {
            @Override
            public Optional<Result> next() {
                if (first != null) {
                    Result result = first;
                    first = null;
                    return Optional.of(result);
                }
                return results.next();
            }

            @Override
            public void close() {
                results.close();
            }
        }));
    }

    @Override
    public Optional<Result> next() {
        if (passed == limit) {
            upstream.close();
            return Optional.empty();
        }
        while (skipped < offset) {
            if (upstream.next().isEmpty()) {
                return Optional.empty();
            }
            skipped++;
        }
        Optional<Result> result = upstream.next();
        if (result.isEmpty()) {
            return result;
        }
        passed++;
        return Optional.of(convert.apply(result.get()));
    }

    @Override
    public void close() {
        upstream.close();
    }
}
