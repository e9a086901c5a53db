package org.harmonyee.cli;

import org.harmonyee.core.config.GatewayConfig;
import org.harmonyee.core.config.HttpListener;

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
        try {
            return await(addresses, server, Instant.now().plus(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int await(List<URI> addresses, Optional<Long> server, Instant deadline)
            throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
        while (!addresses.stream().allMatch(address -> answersItself(client, address))) {
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
        HttpRequest probe = HttpRequest.newBuilder(address).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .timeout(PROBE_TIMEOUT).build();
        try {
            return client.send(probe, HttpResponse.BodyHandlers.discarding()).headers()
                    .firstValue("X-Exchange-Id").isPresent();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
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
