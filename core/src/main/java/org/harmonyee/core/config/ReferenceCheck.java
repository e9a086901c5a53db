package org.harmonyee.core.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the references between tables that need no knowledge of service types: networks named by
 * pipelines and the management API, endpoints and backends named by pipelines, listeners that
 * would share a port. Service and middleware types are checked when the runtime is assembled.
 */
final class ReferenceCheck {

    private final GatewayConfig config;
    private final Problems problems;

    ReferenceCheck(GatewayConfig config, Problems problems) {
        this.config = config;
        this.problems = problems;
    }

    void run() {
        checkListeners();
        ManagementSettings management = config.management();
        if (management.enabled() && !management.network().isBlank()
                && !config.networks().containsKey(management.network())) {
            problems.add(new ConfigProblem(config.file().getFileName().toString(), "management", "network",
                    "no [network." + management.network() + "] is defined"));
        }
        config.pipelines().values().forEach(this::checkPipeline);
    }

    /** Every listener, HTTP or DICOM, needs its own port: a second one on a port is a problem naming the first. */
    private void checkListeners() {
        Map<Integer, Listener> byPort = new HashMap<>();
        for (NetworkConfig network : config.networks().values()) {
            network.http().ifPresent(http -> checkPort(byPort, http.bindPort(), http.source(), network.name()));
            network.dicom().ifPresent(dicom -> checkPort(byPort, dicom.bindPort(), dicom.source(), network.name()));
        }
    }

    private void checkPort(Map<Integer, Listener> byPort, int port, Source source, String network) {
        if (port == NetworkConfig.INVALID_PORT) {
            return;
        }
        Listener other = byPort.putIfAbsent(port, new Listener(network, source));
        if (other != null) {
            problems.add(source, "bind_port", "port " + port + " is already the listener of network '" + other.network()
                    + "' ([" + other.source().table() + "] in " + other.source().file() + "); each listener needs its own port");
        }
    }

    private record Listener(String network, Source source) {
    }

    private void checkPipeline(PipelineConfig pipeline) {
        checkNames(pipeline, "networks", pipeline.networks(), config.networks(), "network");
        checkNames(pipeline, "endpoints", pipeline.endpoints(), config.endpoints(), "endpoints");
        checkNames(pipeline, "backends", pipeline.backends(), config.backends(), "backends");
        if (pipeline.endpoints().isEmpty()) {
            problems.add(pipeline.source(), "endpoints", "a pipeline needs at least one endpoint");
        }
    }

    private void checkNames(PipelineConfig pipeline, String key, List<String> names, Map<String, ?> defined,
                            String table) {
        for (String name : names) {
            if (!defined.containsKey(name)) {
                problems.add(pipeline.source(), key, "no [" + table + "." + name + "] is defined");
            }
        }
    }
}
