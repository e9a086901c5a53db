/**
 * The pipeline core: endpoints in, an ordered middleware around-chain, a backend out, and the one
 * executor every door calls.
 *
 * <p><b>The ordering contract.</b> A pipeline's middleware list is the only order. Each
 * {@link org.harmonyee.core.pipeline.Middleware} is an around-hook, like a CDI interceptor's
 * {@code InvocationContext.proceed()}: work before {@code next.proceed(request)} runs on the
 * request side in declared order; work after it runs on the response side in reverse order. A
 * middleware answers early by returning a response without calling {@code next}; nothing after
 * it runs, the backend is not called. It may read and change the request's headers, metadata,
 * path and normalized JSON before proceeding, and the response's status, headers, metadata and
 * normalized JSON after.
 *
 * <p><b>Failures.</b> A middleware fails by throwing
 * {@link org.harmonyee.core.error.GatewayException} with the problem it means (401 for
 * authentication, 404 for a filtered path, ...). Any other exception it throws becomes a 500
 * {@code middleware-failure}. The executor catches once and has the receiving endpoint render the
 * failure in its protocol's form. Backends signal 502 (unreachable) and 504 (timeout) the same way.
 *
 * <p><b>Streaming responses.</b> A backend may answer with
 * {@link org.harmonyee.core.envelope.ResponseEnvelope#streaming} and a
 * {@link org.harmonyee.core.envelope.ResultStream} (C-FIND pending matches, WADO-RS parts). A
 * middleware sees each result by adding a step ({@code response.mapResults(step)}), applied as the
 * result passes on its way to the door; it sees the whole by {@code results().collect(max)} and
 * putting back {@code ResultStream.of(list)}, which holds them in memory and so is bounded. The
 * door renders results as they arrive (HTTP: a JSON array or multipart/related, flushed per
 * result; DIMSE: one pending response each) and closes the stream if its caller goes away, which
 * cancels upstream.
 *
 * <p><b>Completion.</b> {@link org.harmonyee.core.pipeline.Middleware#onComplete} is called once
 * per exchange for every middleware of the pipeline, reached or not, with an
 * {@link org.harmonyee.core.pipeline.ExchangeOutcome} (status, problem, duration, principal,
 * metadata): when the response is decided, or for a streaming response when its results end.
 *
 * <p>Must not touch: protocols (doors adapt them) and the server (the ejb module adapts it).
 */
package org.harmonyee.core.pipeline;
