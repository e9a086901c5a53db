package org.harmonyee.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.harmonyee.core.config.ManagementSettings;
import org.harmonyee.server.lifecycle.RunningGateway;

/**
 * Whether a request arrived on the management network: its local port is that network's HTTP
 * listener's, and the management API is enabled. Before the gateway is assembled no network is
 * known, and the door refuses every request anyway.
 */
@ApplicationScoped
public class ManagementNetwork {

    @Inject
    RunningGateway gateway;

    boolean receives(HttpServletRequest request) {
        if (!gateway.running()) {
            return false;
        }
        ManagementSettings management = gateway.runtime().config().management();
        return management.enabled() && gateway.runtime().networkOfPort(request.getLocalPort())
                .map(management.network()::equals).orElse(false);
    }
}
