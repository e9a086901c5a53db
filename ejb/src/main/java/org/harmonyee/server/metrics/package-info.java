/**
 * The gateway's metrics: per network, pipeline and endpoint the exchanges' counts by outcome and
 * their latency histogram ({@link org.harmonyee.server.metrics.ExchangeMetricsInterceptor}), per
 * backend the calls' counts by outcome and latency
 * ({@link org.harmonyee.server.metrics.BackendMetricsInterceptor}), kept in Micrometer's Prometheus
 * registry ({@link org.harmonyee.server.metrics.GatewayMetrics}) and rendered in the Prometheus
 * text format for {@code /metrics} on the management network.
 *
 * <p>Must not touch: the exchange (it reads envelopes after the call and changes nothing), protocols,
 * the server's own metrics subsystems (none is portable across Payara and WildFly).
 */
package org.harmonyee.server.metrics;
