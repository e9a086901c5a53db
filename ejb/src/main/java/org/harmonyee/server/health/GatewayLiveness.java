package org.harmonyee.server.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: the application answers. A gateway that is still assembling, or whose backends are
 * down, is alive; restarting it would not help (readiness says whether it can take traffic).
 */
@Liveness
@ApplicationScoped
public class GatewayLiveness implements HealthCheck {

    static final String NAME = "harmony-gateway";

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).up().build();
    }
}
