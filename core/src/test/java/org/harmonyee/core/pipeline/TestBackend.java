package org.harmonyee.core.pipeline;

import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;

import java.util.function.Function;

/** A backend named "b" whose answer the test gives. */
record TestBackend(Function<RequestEnvelope, ResponseEnvelope> answer) implements Backend {

    @Override
    public String name() {
        return "b";
    }

    @Override
    public String service() {
        return "test";
    }

    @Override
    public ResponseEnvelope invoke(RequestEnvelope request) {
        return answer.apply(request);
    }
}
