package org.harmonyee.cli;

import org.harmonyee.core.config.HttpListener;
import org.harmonyee.core.config.NetworkConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP listener per network that has one, in each server's own command language (a DICOM
 * listener is no server listener: the resource adapter opens it). Listener names are
 * {@code harmony-NAME}; the gateway tells networks apart by the listener's port. The servers' own
 * body limits are lifted on these listeners (WildFly's max-post-size 0): the gateway enforces
 * max_body_size itself, per endpoint, with a problem answer instead of a dropped connection.
 * Payara's listeners keep a client's connection for {@value #KEEP_ALIVE_REQUESTS} requests (as
 * nginx does; Grizzly's default of 256 makes a busy client reconnect every 256 requests) and
 * {@value #KEEP_ALIVE_SECONDS} s idle; Undertow's have no request cap and keep an idle connection
 * 60 s by default.
 */
final class ListenerCommands {

    static final int KEEP_ALIVE_REQUESTS = 1000;
    static final int KEEP_ALIVE_SECONDS = 30;

    private ListenerCommands() {
    }

    /** asadmin commands (Payara Micro pre-boot file, or Payara Server asadmin multimode). */
    static List<String> payara(NetworkConfig network) {
        String name = listenerName(network);
        HttpListener http = network.http().orElseThrow();
        return List.of(
                "create-protocol --securityenabled=false " + name,
                "create-http --default-virtual-server server --max-connection " + KEEP_ALIVE_REQUESTS
                        + " --timeout-seconds " + KEEP_ALIVE_SECONDS + " " + name,
                "create-network-listener --protocol " + name + " --listenerport " + http.bindPort()
                        + " --address " + http.bindAddress() + " --threadpool http-thread-pool --target server "
                        + name);
    }

    /**
     * jboss-cli operations (run inside embed-server or against a running server). Each listener
     * is replaced if it exists, so the script can be run again after the configuration changes.
     */
    static List<String> wildfly(NetworkConfig network) {
        String name = listenerName(network);
        HttpListener http = network.http().orElseThrow();
        String listener = "/subsystem=undertow/server=default-server/http-listener=" + name;
        String binding = "/socket-binding-group=standard-sockets/socket-binding=" + name;
        String networkInterface = "/interface=" + name;
        List<String> commands = new ArrayList<>();
        for (String resource : List.of(listener, binding, networkInterface)) {
            commands.add("if (outcome == success) of " + resource + ":read-resource");
            commands.add(resource + ":remove");
            commands.add("end-if");
        }
        commands.add(networkInterface + ":add(inet-address=" + http.bindAddress() + ")");
        commands.add(binding + ":add(interface=" + name + ", port=" + http.bindPort() + ")");
        commands.add(listener + ":add(socket-binding=" + name + ", enable-http2=false, max-post-size=0)");
        return commands;
    }

    /**
     * The EJB subsystem's message-driven beans, for a configuration with DICOM listeners:
     * standalone.xml (unlike standalone-full.xml, which brings a messaging adapter) has no MDB
     * settings at all, and WildFly refuses any message-driven bean without a default resource
     * adapter name ("jboss.ejb.default-resource-adapter-name-service not found"). The default named
     * is the EAR's own DICOM adapter; the bean's jboss-ejb3.xml names it too.
     */
    static List<String> wildflyMessageDriven() {
        return List.of(
                "/subsystem=ejb3:write-attribute(name=default-resource-adapter-name, value=\"harmony.ear#harmony-rar.rar\")",
                "/subsystem=ejb3:write-attribute(name=default-mdb-instance-pool, value=mdb-strict-max-pool)");
    }

    /**
     * Starts an embedded (offline) server on the given configuration file and removes the
     * welcome-content location, so that the gateway can own the root context.
     */
    static List<String> wildflyEmbedStart(String serverConfig) {
        return List.of(
                "embed-server --std-out=discard --server-config=" + serverConfig,
                "if (outcome == success) of /subsystem=undertow/server=default-server/host=default-host/location=\\/:read-resource",
                "/subsystem=undertow/server=default-server/host=default-host/location=\\/:remove",
                "end-if");
    }

    static String listenerName(NetworkConfig network) {
        return "harmony-" + network.name().replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
