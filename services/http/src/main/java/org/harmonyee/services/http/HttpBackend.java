package org.harmonyee.services.http;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.io.CloseMode;
import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.content.BodyLimit;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Headers;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.core.health.ActiveHealthCheck;
import org.harmonyee.core.health.Target;
import org.harmonyee.core.health.TargetPool;
import org.harmonyee.core.health.TargetPools;
import org.harmonyee.core.pipeline.Backend;
import org.harmonyee.core.runtime.BuildContext;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Service {@code http}: passes the request to a target ({@code base_url}, or one of
 * {@code targets} by strategy) + path + query with its method, its headers minus hop-by-hop ones,
 * and its body ({@link OutboundRequest}). The answer's status, headers and body come back untouched
 * and streamed. With {@code upstream_username}/{@code upstream_password} or
 * {@code upstream_bearer_token} ({@link UpstreamOptions}) the gateway presents its own credentials
 * instead of the caller's. The request thread does the I/O on a pooled, kept-alive connection
 * ({@link PooledClient}). A connection failure marks the target (passive health) and, for an
 * idempotent method, tries the next target; a read timeout is never retried.
 */
public class HttpBackend implements Backend {

    public static final String SERVICE = "http";

    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");
    private static final Set<String> HOP_BY_HOP_RESPONSE = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "upgrade", "trailer", "te");

    private final String name;
    private final TargetPool pool;
    private final Duration readTimeout;
    private final Optional<String> authorization;
    private final CloseableHttpClient client;
    private final ActiveHealthCheck healthCheck;

    public HttpBackend(String name, TargetPool pool, UpstreamOptions upstream, BuildContext context) {
        this.name = name;
        this.pool = pool;
        this.readTimeout = upstream.readTimeout();
        this.authorization = upstream.authorization();
        this.client = PooledClient.create(upstream.connectTimeout(), upstream.readTimeout());
        this.healthCheck = ActiveHealthCheck.start(name, pool, context.scheduler(), context.clock());
    }

    public static HttpBackend create(ComponentConfig config, Options options, BuildContext context) {
        return new HttpBackend(config.name(), pool(config, options, context), UpstreamOptions.read(options), context);
    }

    /** The backend's targets, read with {@link HttpTargets}. */
    protected static TargetPool pool(ComponentConfig config, Options options, BuildContext context) {
        return TargetPools.build(config.name(), options, context.config().targets(), context.clock(),
                HttpTargets.INSTANCE);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public Optional<TargetPool> targets() {
        return Optional.of(pool);
    }

    /** The targets this backend chooses from. */
    protected TargetPool pool() {
        return pool;
    }

    @Override
    public ResponseEnvelope invoke(RequestEnvelope request) {
        Set<Target> tried = new HashSet<>();
        boolean retryable = IDEMPOTENT.contains(request.method()) && request.body().isRepeatable();
        while (true) {
            Target target = pool.choose(tried);
            tried.add(target);
            try {
                ResponseEnvelope response = send(target, request);
                pool.succeeded(target);
                return response;
            } catch (ConnectionFailure failure) {
                pool.connectionFailed(target, failure.reason);
                if (!retryable || !pool.hasUntried(tried)) {
                    throw unreachable(target, failure.reason, failure.getCause());
                }
            }
        }
    }

    /** Sends to one target; a failure to connect is a {@link ConnectionFailure}, worth another target. */
    private ResponseEnvelope send(Target target, RequestEnvelope request) throws ConnectionFailure {
        ClassicHttpRequest outbound = OutboundRequest.build(target.url(), request, authorization);
        try {
            return toEnvelope(client.executeOpen(null, outbound, null));
        } catch (ConnectTimeoutException e) {
            throw new ConnectionFailure("connect timed out", e);
        } catch (ConnectException e) {
            throw new ConnectionFailure("connection refused", e);
        } catch (SocketTimeoutException e) {
            throw new GatewayException(ProblemType.BACKEND_TIMEOUT, "backend '" + name + "' did not answer within "
                    + readTimeout.toMillis() + " ms", e);
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(ProblemType.BACKEND_UNREACHABLE, "the call to backend '" + name
                    + "' was interrupted", e);
        } catch (NoHttpResponseException e) {
            throw unreachable(target, "the server closed the connection without answering", e);
        } catch (IOException e) {
            GatewayException limit = BodyLimit.unwrap(e);
            if (limit != null) {
                throw limit;
            }
            throw unreachable(target, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    private static ResponseEnvelope toEnvelope(ClassicHttpResponse response) throws IOException {
        Headers headers = new Headers();
        for (Header header : response.getHeaders()) {
            if (!HOP_BY_HOP_RESPONSE.contains(header.getName().toLowerCase(Locale.ROOT))) {
                headers.add(header.getName(), header.getValue());
            }
        }
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            response.close();
            return new ResponseEnvelope(response.getCode(), headers, Body.empty());
        }
        return new ResponseEnvelope(response.getCode(), headers, Body.stream(new UpstreamContent(entity.getContent()),
                entity.getContentLength()));
    }

    private GatewayException unreachable(Target target, String reason, Throwable cause) {
        URI url = target.url();
        return new GatewayException(ProblemType.BACKEND_UNREACHABLE, "backend '" + name + "' is unreachable at "
                + url.getScheme() + "://" + url.getAuthority() + ": " + reason, cause);
    }

    @Override
    public void close() {
        healthCheck.close();
        client.close(CloseMode.GRACEFUL);
    }

    /** The connection to a target could not be made: nothing was sent, another target may be tried. */
    private static final class ConnectionFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final String reason;

        ConnectionFailure(String reason, Throwable cause) {
            super(reason, cause);
            this.reason = reason;
        }
    }
}
