package org.harmonyee.cli;

import org.harmonyee.core.config.NetworkConfig;

import java.util.List;

/**
 * One HTTP listener per network, in each server's own command language. Listener names are
 * {@code harmony-NAME}; the gateway tells networks apart by the listener's port.
 */
final class ListenerCommands {

    private ListenerCommands() {
    }

    /** asadmin commands (Payara Micro pre-boot file, or Payara Server asadmin multimode). */
    static List<String> payara(NetworkConfig network) {
        String name = listenerName(network);
        return List.of(
                "create-protocol --securityenabled=false " + name,
                "create-http --default-virtual-server server " + name,
                "create-network-listener --protocol " + name + " --listenerport " + network.bindPort()
                        + " --address " + network.bindAddress() + " --threadpool http-thread-pool --target server "
                        + name);
    }

    /** jboss-cli operations (run inside embed-server or against a running server). */
    static List<String> wildfly(NetworkConfig network) {
        String name = listenerName(network);
        return List.of(
                "/interface=" + name + ":add(inet-address=" + network.bindAddress() + ")",
                "/socket-binding-group=standard-sockets/socket-binding=" + name + ":add(interface=" + name
                        + ", port=" + network.bindPort() + ")",
                "/subsystem=undertow/server=default-server/http-listener=" + name + ":add(socket-binding=" + name
                        + ", enable-http2=false)");
    }

    static String listenerName(NetworkConfig network) {
        return "harmony-" + network.name().replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
