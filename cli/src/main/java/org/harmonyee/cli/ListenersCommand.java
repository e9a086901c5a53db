package org.harmonyee.cli;

import org.harmonyee.core.config.GatewayConfig;
import org.harmonyee.core.config.NetworkConfig;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * Prints the server commands that create one HTTP listener per {@code [network.NAME.http]}: an
 * asadmin command file for Payara (Micro's --prebootcommandfile, or Server's asadmin multimode),
 * or a jboss-cli script for WildFly ({@code --embed standalone.xml} wraps it for an offline
 * embedded server and frees the root context from WildFly's welcome content). A DICOM listener is
 * no server listener (the resource adapter opens it); on WildFly it needs the EJB subsystem's
 * message-driven bean settings, which the script then adds. With the management API enabled, Payara
 * is also told to move its own metrics out of the gateway's {@code /metrics}.
 */
final class ListenersCommand extends ConfiguredCommand {

    /**
     * Payara's own MicroProfile Metrics answer {@code /metrics} on every listener, before any
     * application: moved to {@code /payara-metrics}, so that the management network's
     * {@code /metrics} reaches the gateway.
     */
    static final String PAYARA_METRICS_ASIDE =
            "set configs.config.server-config.microprofile-metrics-configuration.endpoint=payara-metrics";

    ListenersCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    int run(Arguments arguments, GatewayConfig config) {
        List<NetworkConfig> networks = config.networks().values().stream()
                .filter(network -> network.http().isPresent()).toList();
        String server = arguments.get("server").orElse("payara");
        switch (server) {
            case "payara" -> {
                networks.forEach(network -> ListenerCommands.payara(network).forEach(out::println));
                if (config.management().enabled()) {
                    out.println(PAYARA_METRICS_ASIDE);
                }
            }
            case "wildfly" -> {
                Optional<String> embed = arguments.get("embed");
                embed.ifPresent(serverConfig -> ListenerCommands.wildflyEmbedStart(serverConfig).forEach(out::println));
                networks.forEach(network -> ListenerCommands.wildfly(network).forEach(out::println));
                if (config.networks().values().stream().anyMatch(network -> network.dicom().isPresent())) {
                    ListenerCommands.wildflyMessageDriven().forEach(out::println);
                }
                embed.ifPresent(serverConfig -> out.println("stop-embedded-server"));
            }
            default -> {
                err.println("--server must be payara or wildfly, got '" + server + "'");
                return 2;
            }
        }
        return 0;
    }
}
