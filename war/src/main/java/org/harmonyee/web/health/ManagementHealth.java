package org.harmonyee.web.health;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.web.management.ManagementNetwork;

import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code GET /health} (every check), {@code /health/live} (liveness) and {@code /health/ready}
 * (readiness) on the management network: 200 when every check is up, else 503, with the
 * MicroProfile Health body {@code {"status": "UP", "checks": [{"name", "status", "data"}]}}.
 */
@WebFilter(filterName = "management-health", urlPatterns = {"/health", "/health/*"}, asyncSupported = true)
public class ManagementHealth extends HttpFilter {

    @Inject
    ManagementNetwork network;

    @Inject
    @Liveness
    Instance<HealthCheck> liveness;

    @Inject
    @Readiness
    Instance<HealthCheck> readiness;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!ManagementNetwork.healthProbe(request) || !network.receives(request)) {
            chain.doFilter(request, response);
            return;
        }
        Stream<HealthCheck> checks = switch (request.getRequestURI()) {
            case "/health/live" -> liveness.stream();
            case "/health/ready" -> readiness.stream();
            default -> Stream.concat(liveness.stream(), readiness.stream());
        };
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode list = Json.MAPPER.createArrayNode();
        boolean up = checks.map(HealthCheck::call).map(check -> add(list, check)).reduce(true, Boolean::logicalAnd);
        body.put("status", up ? "UP" : "DOWN").set("checks", list);
        byte[] json = Json.MAPPER.writeValueAsBytes(body);
        response.setStatus(up ? 200 : 503);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(json.length);
        if (!request.getMethod().equals("HEAD")) {
            response.getOutputStream().write(json);
        }
    }

    private static boolean add(ArrayNode list, HealthCheckResponse check) {
        ObjectNode item = list.addObject().put("name", check.getName()).put("status", check.getStatus().name());
        check.getData().filter(data -> !data.isEmpty()).ifPresent(data -> {
            ObjectNode fields = item.putObject("data");
            for (Map.Entry<String, Object> entry : data.entrySet()) {
                fields.putPOJO(entry.getKey(), entry.getValue());
            }
        });
        return check.getStatus() == HealthCheckResponse.Status.UP;
    }
}
