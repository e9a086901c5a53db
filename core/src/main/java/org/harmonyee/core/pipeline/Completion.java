package org.harmonyee.core.pipeline;

import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.ProblemType;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;

/**
 * Tells every middleware of a pipeline how an exchange ended ({@link Middleware#onComplete}): at
 * once for a response with a body, at the end of the results for a streaming one. A hook that
 * throws is logged and ignored: the answer is already decided.
 */
final class Completion {

    private static final System.Logger LOG = System.getLogger(Completion.class.getName());

    private final Pipeline pipeline;
    private final RequestEnvelope request;
    private final ResponseEnvelope response;
    private final long started;

    Completion(Pipeline pipeline, RequestEnvelope request, ResponseEnvelope response, long started) {
        this.pipeline = pipeline;
        this.request = request;
        this.response = response;
        this.started = started;
    }

    void notifyWhenEnded(ProblemType problem) {
        if (pipeline.middleware().isEmpty()) {
            return;
        }
        response.results().ifPresentOrElse(
                results -> results.whenEnded(failure -> notifyAll(failure == null ? problem : failure.type())),
                () -> notifyAll(problem));
    }

    private void notifyAll(ProblemType problem) {
        ExchangeOutcome outcome = new ExchangeOutcome(request.exchangeId(), pipeline.name(), response.status(), problem,
                Duration.ofNanos(System.nanoTime() - started), request.metadata().get(MetadataKeys.PRINCIPAL),
                Map.copyOf(request.metadata()));
        for (NamedMiddleware middleware : pipeline.middleware()) {
            try {
                middleware.middleware().onComplete(outcome);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, () -> request.exchangeId() + ": completion hook of middleware '"
                        + middleware.name() + "' failed: " + e, e);
            }
        }
    }
}
