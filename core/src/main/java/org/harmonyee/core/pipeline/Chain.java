package org.harmonyee.core.pipeline;

import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;

/** The rest of a pipeline, as seen from one middleware: the next middleware, or the backend. */
@FunctionalInterface
public interface Chain {

    ResponseEnvelope proceed(RequestEnvelope request);
}
