package org.harmonyee.cli;

import org.harmonyee.core.config.GatewayConfig;
import org.harmonyee.core.config.HttpListener;
import org.harmonyee.core.config.ManagementSettings;
import org.harmonyee.core.config.NetworkConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Waits until the gateway itself answers on every listener of every network, then prints
 * {@code Harmony EE ready}. An HTTP listener accepts connections (and the container answers 500) a
 * moment before the server maps the web module, so readiness is the gateway's own answer: a
 * response with an X-Exchange-Id. A DICOM listener is ready as {@link DicomListenerProbe} says
 * (the resource adapter may bind it after the web module answers). When the management API is
 * enabled, readiness also waits for its {@code /health/ready} to answer 200.
 * {@code --pid} is the server's process: its end ends the wait with exit 1; so does the timeout.
 */
final class AwaitReadyCommand extends ConfiguredCommand {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final long POLL_MILLIS = 100;

    AwaitReadyCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    int run(Arguments arguments, GatewayConfig config) {
        Optional<Long> server = arguments.get("pid").map(Long::parseLong);
        Duration timeout = Duration.ofSeconds(arguments.get("timeout-seconds").map(Long::parseLong).orElse(300L));
        // HTTP/1.1: the JDK client otherwise asks for an h2c upgrade, and a connection Payara has
        // upgraded before the application was deployed never answers the probes that follow.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(PROBE_TIMEOUT).build();
        List<Listener> listeners = new ArrayList<>();
        config.networks().values().forEach(network -> {
            network.http().map(AwaitReadyCommand::probeAddress).ifPresent(address -> listeners.add(
                    new Listener(address.toString(), () -> answersItself(client, address))));
            network.dicom().map(dicom -> new DicomListenerProbe(dicom, PROBE_TIMEOUT)).ifPresent(probe ->
                    listeners.add(new Listener(probe.address(), probe::ready)));
        });
        BooleanSupplier healthy = Optional.of(config.management()).filter(ManagementSettings::enabled)
                .map(management -> config.networks().get(management.network())).flatMap(NetworkConfig::http)
                .map(http -> probeAddress(http).resolve("/health/ready"))
                .<BooleanSupplier>map(health -> () -> ready(client, health)).orElse(() -> true);
        try {
            return await(listeners, healthy, server, Instant.now().plus(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** One listener to wait for: its address as the readiness line names it, and whether it is up. */
    private record Listener(String address, BooleanSupplier ready) {
    }

    private int await(List<Listener> listeners, BooleanSupplier healthy, Optional<Long> server, Instant deadline)
            throws InterruptedException {
        List<Listener> waiting = new ArrayList<>(listeners);
        while (true) {
            waiting.removeIf(listener -> listener.ready().getAsBoolean());
            if (waiting.isEmpty() && healthy.getAsBoolean()) {
                break;
            }
            if (server.isPresent() && !ProcessHandle.of(server.get()).map(ProcessHandle::isAlive).orElse(false)) {
                err.println("harmony: the server stopped before it was ready");
                return 1;
            }
            if (Instant.now().isAfter(deadline)) {
                err.println("harmony: not ready before the timeout: " + (waiting.isEmpty() ? "/health/ready"
                        : waiting.stream().map(Listener::address).collect(Collectors.joining(", "))));
                return 1;
            }
            Thread.sleep(POLL_MILLIS);
        }
        out.println("Harmony EE ready: " + listeners.stream().map(Listener::address).collect(Collectors.joining(", ")));
        return 0;
    }

    private static boolean answersItself(HttpClient client, URI address) {
        return send(client, address, "HEAD").map(response -> response.headers().firstValue("X-Exchange-Id").isPresent())
                .orElse(false);
    }

    /**
     * The gateway's readiness (every DICOM listener bound, too): 200 from {@code GET /health/ready}
     * (Payara's own health servlet, which answers there on Payara, has no HEAD).
     */
    private static boolean ready(HttpClient client, URI address) {
        return send(client, address, "GET").map(response -> response.statusCode() == 200).orElse(false);
    }

    private static Optional<HttpResponse<Void>> send(HttpClient client, URI address, String method) {
        HttpRequest probe = HttpRequest.newBuilder(address).method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(PROBE_TIMEOUT).build();
        try {
            return Optional.of(client.send(probe, HttpResponse.BodyHandlers.discarding()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static URI probeAddress(HttpListener network) {
        return URI.create("http://" + loopbackFor(network.bindAddress()) + ":" + network.bindPort() + "/");
    }

    /** A wildcard bind address is probed on loopback; an IPv6 address is bracketed. */
    static String loopbackFor(String bindAddress) {
        return switch (bindAddress) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> bindAddress.contains(":") && !bindAddress.startsWith("[") ? "[" + bindAddress + "]" : bindAddress;
        };
    }
}
