package org.harmonyee.core.management;

import org.harmonyee.core.config.GatewayConfig;
import org.harmonyee.core.pipeline.Endpoint;
import org.harmonyee.core.pipeline.Pipeline;
import org.harmonyee.core.pipeline.RouteSpec;
import org.harmonyee.core.runtime.GatewayRuntime;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Builds the management pipeline injected when {@code [management] enabled = true}. */
public final class ManagementPipeline {

    public static final String SERVICE = "management";
    public static final String NAME = "management";

    private ManagementPipeline() {
    }

    public static Pipeline create(GatewayConfig config, Supplier<GatewayRuntime> runtime) {
        String basePath = config.management().basePath();
        Endpoint endpoint = new ManagementEndpoint(basePath);
        return new Pipeline(NAME, "Management API (read-only)", List.of(config.management().network()),
                List.of(endpoint), List.of(), new ManagementBackend(runtime));
    }

    /** Serves GET and HEAD under the base path. */
    static final class ManagementEndpoint implements Endpoint {
        private final RouteSpec route;

        ManagementEndpoint(String basePath) {
            this.route = new RouteSpec(basePath, Set.of("GET", "HEAD"));
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String service() {
            return SERVICE;
        }

        @Override
        public List<RouteSpec> routes() {
            return List.of(route);
        }

        @Override
        public void prepare(org.harmonyee.core.envelope.RequestEnvelope request) {
            request.path(route.relative(request.fullPath()));
        }
    }
}
