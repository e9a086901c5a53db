package org.harmonyee.it.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.envelope.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code /health/ready} as a load balancer sees it from the moment {@code ./harmony run} starts:
 * never UP before the gateway is assembled; DOWN, with the reason, while another process holds
 * the DICOM listener's port (the gateway keeps running and answering); UP once the port is free
 * and the listener bound, which is also when the launcher says it is ready.
 */
class ReadinessTest {

    @RegisterExtension
    final Launches launches = new Launches();

    @Test
    void notReadyBeforeAssemblyNorWhileTheDicomPortIsTakenThenReady() throws Exception {
        int managementPort = LaunchedGateway.freePort();
        int dicomPort = LaunchedGateway.freePort();
        List<String> beforeTheGateway = new ArrayList<>();
        JsonNode waiting;
        LaunchedGateway gateway;
        try (ServerSocket taken = new ServerSocket(dicomPort, 1, InetAddress.getLoopbackAddress())) {
            gateway = launches.start(writeConfig(managementPort, dicomPort), Map.of());

            HttpResponse<String> first = pollUntilAssembled(managementPort, beforeTheGateway);
            assertThat(beforeTheGateway).as("what answered before the gateway was assembled")
                    .noneMatch(answer -> answer.startsWith("200"))
                    .filteredOn(answer -> answer.contains("harmony-gateway"))
                    .allMatch(answer -> answer.startsWith("503") && answer.contains("\"state\":\"not assembled\""));
            assertThat(first.statusCode()).as(first.body()).isEqualTo(503);
            waiting = check(Json.MAPPER.readTree(first.body()), "harmony-gateway");
            assertThat(waiting.path("status").asText()).isEqualTo("DOWN");
            assertThat(waiting.path("data").path("dicom.imaging").asText())
                    .startsWith("not bound: 127.0.0.1:" + dicomPort + ": ").contains("trying again");
            Thread.sleep(2_000);
            assertThat(readiness(managementPort).statusCode()).as("still down while the port is held").isEqualTo(503);
            assertThat(gateway.console()).noneMatch(line -> line.contains("Harmony EE ready"));
        }

        gateway.readUntil("Harmony EE ready", Duration.ofSeconds(60));
        HttpResponse<String> ready = readiness(managementPort);
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        JsonNode serving = check(Json.MAPPER.readTree(ready.body()), "harmony-gateway");
        assertThat(serving.path("data").path("dicom.imaging").asText()).isEqualTo("listening");
        assertThat(serving.path("data").path("state").asText()).isEqualTo("serving");
    }

    /**
     * Polls until the gateway's readiness is past assembly, keeping every earlier answer ("status
     * body": Payara's own answer or the gateway's {@code not assembled}; or the failure: refused
     * while the listener is not open, timed out while the server boots).
     */
    private static HttpResponse<String> pollUntilAssembled(int port, List<String> earlier) throws Exception {
        long deadline = System.nanoTime() + LaunchedGateway.STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> answer = readiness(port);
                if (answer.body().contains("harmony-gateway") && !answer.body().contains("not assembled")) {
                    return answer;
                }
                earlier.add(answer.statusCode() + " " + answer.body());
            } catch (IOException e) {
                earlier.add(e.getClass().getSimpleName());
            }
            Thread.sleep(200);
        }
        return fail("the gateway was never assembled; its answers: " + earlier);
    }

    private static HttpResponse<String> readiness(int port) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode check(JsonNode readiness, String name) {
        for (JsonNode check : readiness.path("checks")) {
            if (name.equals(check.path("name").asText())) {
                return check;
            }
        }
        return fail("no check " + name + " in " + readiness);
    }

    private Path writeConfig(int managementPort, int dicomPort) throws IOException {
        Files.createDirectories(launches.directory().resolve("pipelines"));
        return launches.write("config.toml", """
                [proxy]
                id = "readiness-test"
                pipelines_path = "pipelines"
                [network.admin.http]
                bind_address = "127.0.0.1"
                bind_port = %d
                [network.imaging.dicom]
                bind_address = "127.0.0.1"
                bind_port = %d
                aet = "READINESS"
                [management]
                enabled = true
                network = "admin"
                [storage.options]
                path = "storage"
                """.formatted(managementPort, dicomPort));
    }
}
