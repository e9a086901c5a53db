/**
 * The exchange service every door calls ({@link org.harmonyee.server.exchange.PipelineService}:
 * route on the arrival network, run the pipeline; or refuse what could not be routed), and the
 * cross-cutting concerns around it as CDI interceptors whose priorities are declared in
 * {@link org.harmonyee.server.exchange.InterceptorPriorities}: one INFO line per exchange, refused
 * ones included (the audit trail and the metrics, in packages of their own, bind to the same
 * {@link org.harmonyee.server.exchange.ExchangeLogged}).
 *
 * <p>Must not touch: protocols (the doors adapt them) or payloads; it sees envelopes and the
 * running gateway only, and never renders anything but a refusal's problem document.
 */
package org.harmonyee.server.exchange;
