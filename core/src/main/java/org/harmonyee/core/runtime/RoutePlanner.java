package org.harmonyee.core.runtime;

import org.harmonyee.core.config.DicomListener;
import org.harmonyee.core.config.GatewayConfig;
import org.harmonyee.core.config.NetworkConfig;
import org.harmonyee.core.config.Problems;
import org.harmonyee.core.pipeline.Endpoint;
import org.harmonyee.core.pipeline.Pipeline;
import org.harmonyee.core.pipeline.Route;
import org.harmonyee.core.pipeline.RouteSpec;
import org.harmonyee.core.pipeline.RouteTable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lays the routes of every pipeline on its networks and rejects two routes claiming the same
 * prefix on one network, naming both pipelines.
 */
final class RoutePlanner {

    private final GatewayConfig config;
    private final Problems problems;

    RoutePlanner(GatewayConfig config, Problems problems) {
        this.config = config;
        this.problems = problems;
    }

    RouteTable plan(Collection<Pipeline> pipelines) {
        List<Route> routes = new ArrayList<>();
        Map<String, Route> claimed = new HashMap<>();
        for (Pipeline pipeline : pipelines) {
            for (Endpoint endpoint : pipeline.endpoints()) {
                if (!endpoint.routes().isEmpty() && pipeline.networks().isEmpty()) {
                    problems.add(config.pipelines().get(pipeline.name()).source(), "networks",
                            "endpoint '" + endpoint.name() + "' serves routes, so the pipeline needs a network");
                }
                for (String network : pipeline.networks()) {
                    for (RouteSpec declared : endpoint.routes()) {
                        RouteSpec spec = onNetwork(declared, network, pipeline, endpoint);
                        if (spec == null) {
                            continue;
                        }
                        Route route = new Route(network, spec, endpoint, pipeline);
                        Route other = claimed.putIfAbsent(network + " " + spec.prefix(), route);
                        if (other != null) {
                            reportConflict(route, other);
                        } else {
                            routes.add(route);
                        }
                    }
                }
            }
        }
        return new RouteTable(routes);
    }

    /**
     * The route as laid on one network: a DICOM route without an AE title takes the network's;
     * a DICOM route on a network with no DICOM listener is a problem (null).
     */
    private RouteSpec onNetwork(RouteSpec spec, String network, Pipeline pipeline, Endpoint endpoint) {
        if (!spec.isDicom()) {
            return spec;
        }
        NetworkConfig listener = config.networks().get(network);
        Optional<DicomListener> dicom = listener == null ? Optional.empty() : listener.dicom();
        if (dicom.isEmpty()) {
            if (listener != null) {
                problems.add(config.pipelines().get(pipeline.name()).source(), "networks", "endpoint '"
                        + endpoint.name() + "' serves DICOM, but network '" + network + "' has no [network."
                        + network + ".dicom] listener");
            }
            return null;
        }
        return spec.takesNetworkAeTitle() ? RouteSpec.dicom(dicom.get().aeTitle(), spec.methods()) : spec;
    }

    private void reportConflict(Route route, Route other) {
        var source = config.pipelines().containsKey(route.pipeline().name())
                ? config.pipelines().get(route.pipeline().name()).source()
                : config.pipelines().get(other.pipeline().name()).source();
        problems.add(source, "endpoints", "route " + route.spec().prefix() + " on network '" + route.network()
                + "' is claimed by pipeline '" + other.pipeline().name() + "' (endpoint '" + other.endpoint().name()
                + "') and pipeline '" + route.pipeline().name() + "' (endpoint '" + route.endpoint().name() + "')");
    }
}
