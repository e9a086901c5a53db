/**
 * The exchange service every door calls ({@link org.harmonyee.server.exchange.PipelineService}),
 * and the cross-cutting concerns around it as CDI interceptors whose priorities are declared in
 * {@link org.harmonyee.server.exchange.InterceptorPriorities}.
 */
package org.harmonyee.server.exchange;
