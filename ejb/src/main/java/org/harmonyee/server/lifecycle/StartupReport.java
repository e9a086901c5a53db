package org.harmonyee.server.lifecycle;

import org.harmonyee.core.config.NetworkConfig;
import org.harmonyee.core.pipeline.NamedMiddleware;
import org.harmonyee.core.pipeline.Pipeline;
import org.harmonyee.core.pipeline.Route;
import org.harmonyee.core.runtime.GatewayRuntime;

import java.lang.System.Logger.Level;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Logs what the gateway serves once it is assembled: networks, pipelines, routes. */
final class StartupReport {

    private static final System.Logger LOG = System.getLogger(StartupReport.class.getName());

    private StartupReport() {
    }

    static void log(GatewayRuntime runtime) {
        LOG.log(Level.INFO, () -> "Harmony EE " + runtime.config().proxy().id() + " on " + runtime.serverInfo()
                + ", configuration " + runtime.config().file());
        for (NetworkConfig network : runtime.config().networks().values()) {
            network.http().ifPresent(http -> LOG.log(Level.INFO, () -> "network '" + network.name()
                    + "' listens on http://" + http.bindAddress() + ":" + http.bindPort()));
            network.dicom().ifPresent(dicom -> LOG.log(Level.INFO, () -> "network '" + network.name()
                    + "' listens for DICOM on " + dicom.bindAddress() + ":" + dicom.bindPort() + " as " + dicom.aeTitle()
                    + (dicom.tls().isPresent() ? " (TLS)" : "")));
        }
        for (Pipeline pipeline : runtime.pipelines()) {
            LOG.log(Level.INFO, () -> "pipeline '" + pipeline.name() + "': networks " + pipeline.networks() + ", middleware "
                    + pipeline.middleware().stream().map(NamedMiddleware::name).toList() + ", backend "
                    + (pipeline.backend() == null ? "(none)" : pipeline.backend().name()));
        }
        for (Route route : runtime.routes().all()) {
            LOG.log(Level.INFO, () -> "route " + route.network() + " " + route.spec().prefix() + " "
                    + new TreeSet<>(route.spec().methods()).stream().collect(Collectors.joining(",")) + " -> "
                    + route.pipeline().name() + " (endpoint '" + route.endpoint().name() + "', service "
                    + route.endpoint().service() + ")");
        }
    }
}
