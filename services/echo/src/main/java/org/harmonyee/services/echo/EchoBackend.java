package org.harmonyee.services.echo;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.pipeline.Backend;
import org.harmonyee.core.runtime.BuildContext;

/** Service {@code echo} as a backend: answers 200 with the request as JSON ({@link EchoDocument}). */
public final class EchoBackend implements Backend {

    public static final String SERVICE = "echo";

    private final String name;

    public EchoBackend(String name) {
        this.name = name;
    }

    public static EchoBackend create(ComponentConfig config, Options options, BuildContext context) {
        return new EchoBackend(config.name());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public ResponseEnvelope invoke(RequestEnvelope request) {
        return ResponseEnvelope.json(200, EchoDocument.of(request));
    }
}
