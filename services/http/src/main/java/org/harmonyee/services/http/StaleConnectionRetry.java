package org.harmonyee.services.http;

import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

import java.io.IOException;
import java.util.Set;

/**
 * Sends an idempotent request once more when a kept-alive connection turns out to have been closed
 * by the server (it answered nothing), as a proxy must: the server never saw the request. Nothing
 * else is retried here: a response, whatever its status, goes to the client, and a target that
 * refuses connections is the target pool's business.
 */
final class StaleConnectionRetry implements HttpRequestRetryStrategy {

    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");

    @Override
    public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        return execCount == 1 && exception instanceof NoHttpResponseException
                && IDEMPOTENT.contains(request.getMethod());
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
        return false;
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
        return TimeValue.ZERO_MILLISECONDS;
    }
}
