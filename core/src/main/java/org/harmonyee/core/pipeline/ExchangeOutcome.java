package org.harmonyee.core.pipeline;

import org.harmonyee.core.error.ProblemType;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How one exchange ended, as {@link Middleware#onComplete} receives it for audit and metrics.
 *
 * @param exchangeId the exchange's id, as in its log line
 * @param pipeline   the pipeline that served it
 * @param status     the status answered (HTTP-style; a DIMSE door maps it)
 * @param problem    the problem the exchange failed with, null when it succeeded (a backend's own
 *                   4xx or 5xx answer is a status, not a problem of the gateway)
 * @param duration   from the start of the pipeline to the end of the response (for a streaming
 *                   response, to its last result)
 * @param principal  who the caller proved to be, null when no authentication ran or it failed
 * @param metadata   the request's metadata at the end (operation, AE titles, UIDs where known)
 */
public record ExchangeOutcome(String exchangeId, String pipeline, int status, ProblemType problem,
                              Duration duration, String principal, Map<String, String> metadata) {

    public boolean succeeded() {
        return problem == null;
    }

    public Optional<String> principalName() {
        return Optional.ofNullable(principal);
    }
}
