package org.harmonyee.core.pipeline;

import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;

/**
 * How the executor calls a backend. In plain Java it is a direct call; on an application server
 * the ejb module supplies a stateless session bean so that backend I/O runs under the server's
 * security and transaction management (outside any transaction).
 */
@FunctionalInterface
public interface BackendInvoker {

    BackendInvoker DIRECT = Backend::invoke;

    ResponseEnvelope invoke(Backend backend, RequestEnvelope request);
}
