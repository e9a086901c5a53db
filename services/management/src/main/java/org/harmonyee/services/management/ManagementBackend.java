package org.harmonyee.services.management;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.core.pipeline.Backend;
import org.harmonyee.core.pipeline.Endpoint;
import org.harmonyee.core.pipeline.NamedMiddleware;
import org.harmonyee.core.pipeline.Pipeline;
import org.harmonyee.core.pipeline.Route;
import org.harmonyee.core.runtime.GatewayRuntime;
import org.harmonyee.core.runtime.GatewayVersion;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Answers the management API's resources from the running gateway's own description. */
final class ManagementBackend implements Backend {

    private final Supplier<GatewayRuntime> runtime;

    ManagementBackend(Supplier<GatewayRuntime> runtime) {
        this.runtime = runtime;
    }

    @Override
    public String name() {
        return ManagementPipeline.NAME;
    }

    @Override
    public String service() {
        return ManagementPipeline.SERVICE;
    }

    @Override
    public ResponseEnvelope invoke(RequestEnvelope request) {
        String resource = request.path().endsWith("/") ? request.path().substring(0, request.path().length() - 1)
                : request.path();
        GatewayRuntime gateway = runtime.get();
        return switch (resource) {
            case "/info" -> ResponseEnvelope.json(200, info(gateway));
            case "/pipelines" -> ResponseEnvelope.json(200, pipelines(gateway));
            case "/routes" -> ResponseEnvelope.json(200, routes(gateway));
            case "/backends" -> ResponseEnvelope.json(200, BackendStates.describe(gateway));
            default -> gateway.views().read(resource.startsWith("/") ? resource.substring(1) : resource)
                    .map(view -> ResponseEnvelope.json(200, view))
                    .orElseThrow(() -> new GatewayException(ProblemType.NOT_FOUND, "no management resource "
                            + request.fullPath() + "; try " + String.join(", ", Stream.concat(
                            ManagementResources.ALL.stream().map(ManagementResources.Resource::name),
                            gateway.views().names().stream()).toList())));
        };
    }

    private static ObjectNode info(GatewayRuntime gateway) {
        Instant started = gateway.startedAt();
        ObjectNode info = Json.MAPPER.createObjectNode()
                .put("name", "Harmony EE")
                .put("version", GatewayVersion.current())
                .put("proxy_id", gateway.config().proxy().id())
                .put("started_at", started.toString())
                .put("uptime_seconds", Duration.between(started, Instant.now()).toSeconds())
                .put("java_version", Runtime.version().toString())
                .put("server", gateway.serverInfo());
        info.put("os", System.getProperty("os.name")).put("arch", System.getProperty("os.arch"));
        return info;
    }

    private static ObjectNode pipelines(GatewayRuntime gateway) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (Pipeline pipeline : gateway.pipelines()) {
            ObjectNode item = list.addObject()
                    .put("id", pipeline.name())
                    .put("description", pipeline.description());
            pipeline.networks().forEach(item.putArray("networks")::add);
            pipeline.endpoints().stream().map(Endpoint::name).forEach(item.putArray("endpoints")::add);
            pipeline.middleware().stream().map(NamedMiddleware::name).forEach(item.putArray("middleware")::add);
            ArrayNode backends = item.putArray("backends");
            if (pipeline.backend() != null) {
                backends.add(pipeline.backend().name());
            }
        }
        ObjectNode result = Json.MAPPER.createObjectNode();
        result.set("pipelines", list);
        return result;
    }

    private static ObjectNode routes(GatewayRuntime gateway) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        gateway.routes().all().stream()
                .sorted(Comparator.comparing((Route r) -> r.network()).thenComparing(r -> r.spec().prefix()))
                .forEach(route -> {
                    ObjectNode item = list.addObject()
                            .put("path", route.spec().prefix())
                            .put("network", route.network())
                            .put("endpoint", route.endpoint().name())
                            .put("service", route.endpoint().service())
                            .put("pipeline", route.pipeline().name());
                    new TreeSet<>(route.spec().methods()).forEach(item.putArray("methods")::add);
                });
        ObjectNode result = Json.MAPPER.createObjectNode();
        result.set("routes", list);
        return result;
    }
}
