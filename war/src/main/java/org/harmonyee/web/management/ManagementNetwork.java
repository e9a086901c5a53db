package org.harmonyee.web.management;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.harmonyee.core.config.GatewayConfig;
import org.harmonyee.core.config.ManagementSettings;
import org.harmonyee.server.lifecycle.RunningGateway;

import java.util.Optional;
import java.util.Set;

/**
 * Whether a request arrived on the management network: its local port is that network's HTTP
 * listener's, and the management API is enabled. Before the gateway is assembled no network is
 * known, and the door refuses every request anyway. Also which requests there are health probes,
 * answered without credentials.
 */
@ApplicationScoped
public class ManagementNetwork {

    @Inject
    RunningGateway gateway;

    private static final Set<String> HEALTH_PATHS = Set.of("/health", "/health/live", "/health/ready");
    private static final Set<String> READS = Set.of("GET", "HEAD");
    /** The middleware type that accepts the server's caller (the middleware module's ContainerAuth.TYPE). */
    private static final String CONTAINER_AUTH = "container_auth";

    /** Whether the request is a health probe: a read of {@code /health}, {@code /health/live} or {@code /health/ready}. */
    public static boolean healthProbe(HttpServletRequest request) {
        return HEALTH_PATHS.contains(request.getRequestURI()) && READS.contains(request.getMethod());
    }

    /** The {@code [management]} settings of the running gateway; call only when {@link #receives} said yes. */
    public ManagementSettings settings() {
        return gateway.runtime().config().management();
    }

    /**
     * Whether the request arrived on a network (not the management one) served by a pipeline with a
     * {@code container_auth} middleware: there the server authenticates callers that present
     * credentials, and the pipeline decides what to do without them.
     */
    public boolean containerAuthenticated(HttpServletRequest request) {
        if (!gateway.running()) {
            return false;
        }
        GatewayConfig config = gateway.runtime().config();
        Optional<String> network = gateway.runtime().networkOfPort(request.getLocalPort());
        return network.isPresent() && config.pipelines().values().stream()
                .filter(pipeline -> pipeline.networks().contains(network.get()))
                .flatMap(pipeline -> pipeline.middleware().stream())
                .map(config.middleware()::get)
                .anyMatch(middleware -> middleware != null && CONTAINER_AUTH.equals(middleware.type()));
    }

    public boolean receives(HttpServletRequest request) {
        if (!gateway.running()) {
            return false;
        }
        ManagementSettings management = gateway.runtime().config().management();
        return management.enabled() && gateway.runtime().networkOfPort(request.getLocalPort())
                .map(management.network()::equals).orElse(false);
    }
}
