package org.harmonyee.services.http;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.time.Duration;

/**
 * The outbound HTTP client of one backend: blocking I/O on the calling thread over a pool of
 * kept-alive connections (up to {@value #MAX_PER_ROUTE} per target), so a passthrough costs no
 * thread hand-off. It is a proxy's client: no redirects followed, no cookies, no automatic
 * decompression, no user agent of its own; only a request that met a connection the server had
 * closed is sent again ({@link StaleConnectionRetry}).
 *
 * <p>The read timeout is the connections' socket timeout, which the pool sets when it hands out a
 * connection; a response timeout in the request configuration would set it a second time on every
 * request.
 */
final class PooledClient {

    static final int MAX_PER_ROUTE = 256;
    private static final int MAX_TOTAL = 1024;

    private PooledClient() {
    }

    static CloseableHttpClient create(Duration connectTimeout, Duration readTimeout) {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(MAX_PER_ROUTE)
                .setMaxConnTotal(MAX_TOTAL)
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setConnPoolPolicy(PoolReusePolicy.LIFO)
                .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true)
                        .setSoTimeout(Timeout.of(readTimeout)).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(readTimeout))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .build())
                .disableRedirectHandling()
                .disableCookieManagement()
                .setRetryStrategy(new StaleConnectionRetry())
                .disableContentCompression()
                .disableAuthCaching()
                .disableDefaultUserAgent()
                .evictExpiredConnections()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
    }
}
