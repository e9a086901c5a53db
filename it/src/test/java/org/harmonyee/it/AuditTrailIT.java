package org.harmonyee.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.harmonyee.dicom.net.peers.Dcmtk;
import org.harmonyee.server.audit.peers.Rsyslog;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail as an auditor reads it: the JSON lines the gateway writes below its storage path
 * (target/it-storage/audit/audit.jsonl) and the DICOM PS3.15 audit messages a real rsyslog receives
 * over TCP, for HTTP and DIMSE exchanges, served and refused, with their study UIDs.
 */
@ExtendWith(ArquillianExtension.class)
class AuditTrailIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TRAIL = Path.of("target/it-storage/audit/audit.jsonl");
    @RegisterExtension
    static final RoutedStudy STUDY = new RoutedStudy();
    private static Rsyslog rsyslog;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static Archive<?> gateway() {
        return Deployments.gateway();
    }

    @BeforeAll
    static void startCollector() throws Exception {
        rsyslog = Rsyslog.tcp(Files.createTempDirectory(Path.of("target"), "rsyslog-"), Gateway.port("IT_SYSLOG_PORT"));
        awaitSyslogDelivery();
    }

    /**
     * Returns once a security alert reaches the new rsyslog. The gateway may have served other
     * tests' requests while nothing listened on the syslog port (the deployment is shared), and its
     * client then waits {@code SyslogClient.RETRY_AFTER} before it connects again, dropping what
     * comes meanwhile: refusals are sent until one arrives, each alert naming its own path.
     */
    private static void awaitSyslogDelivery() throws Exception {
        HttpClient probe = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String path = "/secure/syslog-ready-" + System.nanoTime();
            probe.send(HttpRequest.newBuilder(URI.create(Gateway.publicUrl() + path)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (!rsyslog.await(line -> line.contains(path), 1, Duration.ofSeconds(1)).isEmpty()) {
                return;
            }
        }
        throw new AssertionError("no audit message reached rsyslog within a minute:\n" + rsyslog.log());
    }

    @AfterAll
    static void stopCollector() {
        if (rsyslog != null) {
            rsyslog.close();
        }
    }

    @Test
    void aDicomWebSearchIsAQueryOfItsStudyByTheCallerWithTheRoute() throws Exception {
        String study = STUDY.studyInstanceUid();
        HttpResponse<String> search = get(STUDY.seriesSearch());
        String exchangeId = search.headers().firstValue("X-Exchange-Id").orElseThrow();

        assertThat(search.statusCode()).isEqualTo(200);
        JsonNode line = awaitLine(record -> record.path("exchangeId").asText().equals(exchangeId));
        assertThat(line.path("protocol").asText()).isEqualTo("http");
        assertThat(line.path("network").asText()).isEqualTo("public");
        assertThat(line.path("pipeline").asText()).isEqualTo("dicomweb");
        assertThat(line.path("operation").asText()).isEqualTo("GET");
        assertThat(line.path("clientAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(line.path("studyUids").get(0).asText()).isEqualTo(study);
        assertThat(line.path("outcome").asText()).isEqualTo("success");
        assertThat(line.path("time").asText()).isNotBlank();
        String message = awaitMessage(xml -> xml.contains("csd-code=\"110112\"")
                && xml.contains("ParticipantObjectID=\"" + study + "\""));
        assertThat(message).contains("EventOutcomeIndicator=\"0\"", "NetworkAccessPointID=\"127.0.0.1\"");
    }

    @Test
    void aRequestWithoutCredentialsIsARefusalAndASecurityAlert() throws Exception {
        String path = "/secure/audit-" + System.nanoTime();
        HttpResponse<String> refused = get(URI.create(Gateway.publicUrl() + path));
        String exchangeId = refused.headers().firstValue("X-Exchange-Id").orElseThrow();

        assertThat(refused.statusCode()).isEqualTo(401);
        JsonNode line = awaitLine(record -> record.path("exchangeId").asText().equals(exchangeId));
        assertThat(line.path("pipeline").asText()).isEqualTo("secure");
        assertThat(line.path("status").asInt()).isEqualTo(401);
        assertThat(line.path("outcome").asText()).isEqualTo("refused");
        assertThat(line.has("principal")).isFalse();
        assertThat(awaitMessage(xml -> xml.contains("ParticipantObjectID=\"" + path + "\"")))
                .contains("csd-code=\"110113\"", "csd-code=\"110132\"", "EventOutcomeIndicator=\"4\"");
    }

    @Test
    void anAuthenticatedRequestNamesItsPrincipal() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Gateway.publicUrl() + "/secure/who"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "it-user:it-password-123".getBytes(StandardCharsets.UTF_8))).build();
        HttpResponse<String> served = client.send(request, HttpResponse.BodyHandlers.ofString());
        String exchangeId = served.headers().firstValue("X-Exchange-Id").orElseThrow();

        assertThat(served.statusCode()).isEqualTo(200);
        JsonNode line = awaitLine(record -> record.path("exchangeId").asText().equals(exchangeId));
        assertThat(line.path("principal").asText()).isEqualTo("it-user");
        assertThat(line.path("outcome").asText()).isEqualTo("success");
    }

    @Test
    void aCFindIsAQueryOfItsStudyByTheCallingAe() throws Exception {
        Instant started = Instant.now();
        String study = STUDY.studyInstanceUid();
        Dcmtk.Result find = STUDY.find();

        assertThat(find.status()).as(find.output()).isZero();
        JsonNode line = awaitLine(record -> after(record, started) && record.path("operation").asText().equals("C-FIND")
                && record.path("studyUids").toString().contains(study));
        assertThat(line.path("protocol").asText()).isEqualTo("dimse");
        assertThat(line.path("network").asText()).isEqualTo("imaging");
        assertThat(line.path("pipeline").asText()).isEqualTo("dicom_router");
        assertThat(line.path("callingAet").asText()).isEqualTo(RoutedStudy.CALLING_AE);
        assertThat(line.path("calledAet").asText()).isEqualTo(RoutedStudy.ROUTER_AE);
        assertThat(line.path("clientAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(line.path("outcome").asText()).isEqualTo("success");
        assertThat(awaitMessage(xml -> xml.contains("csd-code=\"110112\"")
                && xml.contains("UserID=\"" + RoutedStudy.CALLING_AE + "\"")
                && xml.contains("ParticipantObjectID=\"" + study + "\""))).contains("EventOutcomeIndicator=\"0\"");
    }

    @Test
    void aRejectedAssociationIsARefusalOfTheCallingAeAndANodeAuthenticationAlert() throws Exception {
        Instant started = Instant.now();
        Dcmtk.Result echo = Dcmtk.run(30, "echoscu", "-aet", "AUDIT_STRANGER", "-aec", RoutedStudy.ROUTER_AE, "127.0.0.1",
                Integer.toString(Gateway.port("IT_DICOM_PORT")));

        assertThat(echo.status()).as(echo.output()).isNotZero();
        JsonNode line = awaitLine(record -> after(record, started)
                && record.path("callingAet").asText().equals("AUDIT_STRANGER"));
        assertThat(line.path("operation").asText()).isEqualTo("A-ASSOCIATE");
        assertThat(line.path("outcome").asText()).isEqualTo("refused");
        assertThat(line.path("detail").asText()).contains("does not accept AUDIT_STRANGER");
        assertThat(awaitMessage(xml -> xml.contains("UserID=\"AUDIT_STRANGER\"")))
                .contains("csd-code=\"110113\"", "csd-code=\"110126\"", "EventOutcomeIndicator=\"4\"");
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri)
                .header("Accept", "application/dicom+json").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean after(JsonNode record, Instant started) {
        return !Instant.parse(record.path("time").asText()).isBefore(started);
    }

    /** The trail is written off the request thread: the line appears within moments. */
    private static JsonNode awaitLine(Predicate<JsonNode> match) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<JsonNode> lines = List.of();
        while (System.nanoTime() < deadline) {
            lines = lines();
            for (JsonNode line : lines) {
                if (match.test(line)) {
                    return line;
                }
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("no matching line in " + TRAIL.toAbsolutePath() + " among the last: "
                + lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    private static List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        if (Files.exists(TRAIL)) {
            for (String line : new String(Files.readAllBytes(TRAIL), StandardCharsets.UTF_8).lines().toList()) {
                if (line.endsWith("}")) {
                    lines.add(JSON.readTree(line));
                }
            }
        }
        return lines;
    }

    private static String awaitMessage(Predicate<String> match) throws Exception {
        List<String> received = rsyslog.await(line -> line.contains("IHE+RFC-3881") && match.test(Rsyslog.xml(line)), 1,
                Duration.ofSeconds(10));
        assertThat(received).as(rsyslog.log()).isNotEmpty();
        assertThat(received.get(0)).startsWith("85 ");
        return Rsyslog.xml(received.get(0));
    }
}
