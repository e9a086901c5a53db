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
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Waits until the gateway itself answers on every network, then prints {@code Harmony EE ready}.
 * A listener accepts connections (and the container answers 500) a moment before the server maps
 * the web module, so readiness is the gateway's own answer: a response with an X-Exchange-Id.
 * When the management API is enabled, readiness also waits for its {@code /health/ready} to answer
 * 200, which needs every DICOM listener bound as well.
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
        List<URI> addresses = config.networks().values().stream().flatMap(network -> network.http().stream())
                .map(AwaitReadyCommand::probeAddress).toList();
        Optional<URI> readiness = Optional.of(config.management()).filter(ManagementSettings::enabled)
                .map(management -> config.networks().get(management.network())).flatMap(NetworkConfig::http)
                .map(http -> probeAddress(http).resolve("/health/ready"));
        try {
            return await(addresses, readiness, server, Instant.now().plus(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int await(List<URI> addresses, Optional<URI> readiness, Optional<Long> server, Instant deadline)
            throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
        while (!addresses.stream().allMatch(address -> answersItself(client, address))
                || !readiness.map(address -> ready(client, address)).orElse(true)) {
            if (server.isPresent() && !ProcessHandle.of(server.get()).map(ProcessHandle::isAlive).orElse(false)) {
                err.println("harmony: the server stopped before it was ready");
                return 1;
            }
            if (Instant.now().isAfter(deadline)) {
                err.println("harmony: not ready before the timeout: " + addresses);
                return 1;
            }
            Thread.sleep(POLL_MILLIS);
        }
        out.println("Harmony EE ready: " + addresses.stream().map(URI::toString).collect(Collectors.joining(", ")));
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

    /** A wildcard bind address is probed on loopback. */
    static URI probeAddress(HttpListener network) {
        String host = switch (network.bindAddress()) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> network.bindAddress().contains(":") && !network.bindAddress().startsWith("[")
                    ? "[" + network.bindAddress() + "]" : network.bindAddress();
        };
        return URI.create("http://" + host + ":" + network.bindPort() + "/");
    }
}
