package org.harmonyee.server.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.harmonyee.core.config.NetworkConfig;
import org.harmonyee.core.runtime.GatewayRuntime;
import org.harmonyee.rar.api.ListeningNetworks;
import org.harmonyee.server.lifecycle.RunningGateway;

import java.util.Map;

/**
 * Readiness: the gateway is assembled, and the resource adapter listens on every
 * {@code [network.NAME.dicom]} of the configuration. Data: {@code dicom.NAME} = {@code listening}
 * or why not ({@code not bound: ADDRESS: Address already in use (trying again every 5 s)} while
 * another process holds the port), and {@code http.NAME} = the address of each HTTP network, which the server
 * binds before it deploys the application.
 */
@Readiness
@ApplicationScoped
public class GatewayReadiness implements HealthCheck {

    @Inject
    RunningGateway gateway;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(GatewayLiveness.NAME);
        if (!gateway.running()) {
            return response.down().withData("state", "not assembled").build();
        }
        GatewayRuntime runtime = gateway.runtime();
        Map<String, String> listeners = ListeningNetworks.snapshot();
        boolean ready = true;
        for (NetworkConfig network : runtime.config().networks().values()) {
            network.http().ifPresent(http -> response.withData("http." + network.name(),
                    http.bindAddress() + ":" + http.bindPort()));
            if (network.dicom().isPresent()) {
                String state = listeners.getOrDefault(network.name(), "not bound");
                ready &= ListeningNetworks.LISTENING.equals(state);
                response.withData("dicom." + network.name(), state);
            }
        }
        return response.withData("state", ready ? "serving" : "waiting for DICOM listeners").status(ready).build();
    }
}
