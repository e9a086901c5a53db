/**
 * Traces: a server span per exchange and a client span per backend call, exported over OTLP/HTTP
 * by the OpenTelemetry SDK this module carries, relocated (see docs/operations.md, Traces, for why
 * not the servers' own MicroProfile Telemetry). CDI interceptors on the exchange service and the
 * backend bean, ordered in {@code InterceptorPriorities} like the log, the audit trail and the
 * metrics.
 *
 * <p>Must not touch: envelopes' bodies and header values (spans carry configured names, ids,
 * statuses and the DIMSE operation, never patient data or paths), except a backend call's
 * {@code traceparent} and {@code tracestate}, which are the call's client span for the call's
 * duration; or the exchange's outcome (a tracing failure never fails an exchange: the SDK drops
 * what it cannot send).
 */
package org.harmonyee.server.tracing;
