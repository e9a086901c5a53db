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
 * <p>Must not touch: protocols (doors adapt them) and the server (the ejb module adapts it).
 */
package org.harmonyee.core.pipeline;
