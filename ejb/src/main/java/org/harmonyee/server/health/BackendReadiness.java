package org.harmonyee.server.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.harmonyee.core.health.Target;
import org.harmonyee.core.health.TargetPool;
import org.harmonyee.core.health.TargetStatus;
import org.harmonyee.core.pipeline.Backend;
import org.harmonyee.core.pipeline.Pipeline;
import org.harmonyee.server.lifecycle.RunningGateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Each backend's targets as its pool saw them last (active probes and passive failures), one data
 * entry per backend: {@code "2/2 targets up"}, or the down targets with their last error. Up even
 * when a backend is down: the gateway still serves its other pipelines and answers this one's
 * callers with a 502/503 problem, so a load balancer should keep sending traffic.
 */
@Readiness
@ApplicationScoped
public class BackendReadiness implements HealthCheck {

    static final String NAME = "harmony-backends";

    @Inject
    RunningGateway gateway;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        if (!gateway.running()) {
            return response.build();
        }
        Map<String, Backend> backends = new LinkedHashMap<>();
        gateway.runtime().pipelines().stream().map(Pipeline::backend).filter(Objects::nonNull)
                .forEach(backend -> backends.putIfAbsent(backend.name(), backend));
        backends.values().forEach(backend -> backend.targets()
                .ifPresent(pool -> response.withData(backend.name(), describe(pool))));
        return response.build();
    }

    private static String describe(TargetPool pool) {
        long up = pool.targets().stream().filter(target -> !TargetStatus.of(target).down()).count();
        StringBuilder state = new StringBuilder(up + "/" + pool.targets().size() + " targets up");
        for (Target target : pool.targets()) {
            TargetStatus status = TargetStatus.of(target);
            if (status.down()) {
                state.append("; ").append(target.name()).append(" down")
                        .append(status.lastError() == null ? "" : ": " + status.lastError());
            }
        }
        return state.toString();
    }
}
