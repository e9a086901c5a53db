package org.harmonyee.services.management;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.health.Target;
import org.harmonyee.core.health.TargetPool;
import org.harmonyee.core.health.TargetStatus;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.pipeline.Backend;
import org.harmonyee.core.pipeline.Pipeline;
import org.harmonyee.core.runtime.GatewayRuntime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** {@code GET {base_path}/backends}: every backend in use, with its targets' health. */
final class BackendStates {

    private BackendStates() {
    }

    static ObjectNode describe(GatewayRuntime gateway) {
        Map<String, Backend> backends = new LinkedHashMap<>();
        gateway.pipelines().stream().map(Pipeline::backend).filter(Objects::nonNull)
                .forEach(backend -> backends.putIfAbsent(backend.name(), backend));
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (Backend backend : backends.values()) {
            ObjectNode item = list.addObject().put("name", backend.name()).put("service", backend.service());
            backend.targets().ifPresent(pool -> targets(item, pool));
        }
        ObjectNode result = Json.MAPPER.createObjectNode();
        result.set("backends", list);
        return result;
    }

    private static void targets(ObjectNode item, TargetPool pool) {
        item.put("strategy", pool.strategy().key()).put("health_tracked", pool.tracksHealth());
        ArrayNode targets = item.putArray("targets");
        for (Target target : pool.targets()) {
            TargetStatus status = TargetStatus.of(target);
            ObjectNode entry = targets.addObject()
                    .put("name", target.name())
                    .put("url", target.url().toString())
                    .put("weight", target.weight())
                    .put("state", status.down() ? "down" : "up")
                    .put("consecutive_failures", status.consecutiveFailures())
                    .put("active_health_check", target.activelyChecked());
            if (status.lastError() != null) {
                entry.put("last_error", status.lastError());
            }
            if (status.lastChecked() != null) {
                entry.put("last_checked", status.lastChecked().toString());
            }
        }
    }
}
