package org.harmonyee.core.runtime;

import org.harmonyee.core.config.GatewayConfig;
import org.harmonyee.core.config.NetworkConfig;
import org.harmonyee.core.pipeline.Pipeline;
import org.harmonyee.core.pipeline.Route;
import org.harmonyee.core.pipeline.RouteTable;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The assembled gateway: its configuration, pipelines and routes, ready to serve, and the
 * {@link LiveViews} its host adds. Immutable but for those views, and thread-safe;
 * {@link #close()} releases every endpoint, middleware and backend once.
 */
public final class GatewayRuntime implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(GatewayRuntime.class.getName());

    private final GatewayConfig config;
    private final Map<String, Pipeline> pipelines;
    private final RouteTable routes;
    private final List<AutoCloseable> components;
    private final Instant startedAt;
    private final String serverInfo;
    private final LiveViews views = new LiveViews();

    GatewayRuntime(GatewayConfig config, Map<String, Pipeline> pipelines, RouteTable routes,
                   List<AutoCloseable> components, Instant startedAt, String serverInfo) {
        this.config = config;
        this.pipelines = Map.copyOf(pipelines);
        this.routes = routes;
        this.components = List.copyOf(components);
        this.startedAt = startedAt;
        this.serverInfo = serverInfo;
    }

    public GatewayConfig config() {
        return config;
    }

    /** Pipelines sorted by name. */
    public List<Pipeline> pipelines() {
        return pipelines.values().stream()
                .sorted(java.util.Comparator.comparing(Pipeline::name))
                .toList();
    }

    public RouteTable routes() {
        return routes;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** What the hosting server shows of its own live state through the management API. */
    public LiveViews views() {
        return views;
    }

    public String serverInfo() {
        return serverInfo;
    }

    /** The network whose HTTP listener has this local port, if any. */
    public Optional<String> networkOfPort(int port) {
        return config.networks().values().stream()
                .filter(network -> network.http().filter(http -> http.bindPort() == port).isPresent())
                .map(NetworkConfig::name)
                .findFirst();
    }

    /** Looks up the route; see {@link RouteTable#match}. */
    public Route route(String network, String path, String method) {
        return routes.match(network, path, method);
    }

    @Override
    public void close() {
        for (AutoCloseable component : components) {
            try {
                component.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, () -> "closing " + component + " failed", e);
            }
        }
    }
}
