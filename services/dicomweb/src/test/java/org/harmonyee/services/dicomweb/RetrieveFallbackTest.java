package org.harmonyee.services.dicomweb;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.content.MediaTypes;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.peers.Dcmqrscp;
import org.harmonyee.dicom.net.peers.LoadedDcmqrscp;
import org.harmonyee.dicom.net.peers.PeerProcess;
import org.harmonyee.dicom.net.peers.SameInstances;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.net.service.DicomClient;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * WADO-RS from a PACS that refuses C-GET: dcmqrscp with {@code --disable-get}, which knows the
 * gateway's {@code local_aet} as a move destination, behind the bridge and a {@code dicom} backend
 * in {@code dimse_retrieve_mode = "get_or_move"}. Each retrieval's C-GET is refused and performed
 * again as a C-MOVE to the backend's own store SCP: the instances are the stored ones, metadata and
 * frames come through the same way, {@code fetch_level = "series"} moves a study series by series,
 * a client going away mid-answer leaves no association open, an unknown study is 404, and a PACS
 * that is down is a 503 problem with Retry-After once the backend knows it down.
 */
@Timeout(300)
class RetrieveFallbackTest {

    private static final String LOCAL_AET = "HARMONY_FB";
    private static final String SERIES_AET = "HARMONY_SERIES";
    private static final String DICOM = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";

    @TempDir
    static Path directory;
    private static TestThreads threads;
    private static Dcmqrscp qr;
    private static DicomWebGateway gateway;
    private static DicomWebGateway bySeries;
    private static List<TestDataset.Instance> instances;
    private static int incomingPort;

    @BeforeAll
    static void start() throws Exception {
        threads = new TestThreads("dicomweb-fallback");
        instances = TestDataset.instances();
        List<Integer> incoming = PeerProcess.freePorts(2);
        DicomClient loader = new DicomClient("LOADER", AssociationSettings.DEFAULT, threads.executor(), null);
        qr = LoadedDcmqrscp.start(Files.createDirectories(directory.resolve("qr")), loader,
                Map.of(LOCAL_AET, incoming.get(0), SERIES_AET, incoming.get(1)), "-xy", "--disable-get");
        incomingPort = incoming.get(0);
        gateway = fallbackGateway("gateway", LOCAL_AET, incomingPort, "");
        bySeries = fallbackGateway("by-series", SERIES_AET, incoming.get(1), "fetch_level = \"series\"");
    }

    private static DicomWebGateway fallbackGateway(String name, String localAet, int incoming, String bridgeOptions)
            throws IOException {
        return new DicomWebGateway(Files.createDirectories(directory.resolve(name)), threads.executor(),
                pipeline(qr.port(), localAet, bridgeOptions, """
                        dimse_retrieve_mode = "get_or_move"
                        incoming_store_port = %d
                        incoming_store_bind_address = "127.0.0.1"
                        """.formatted(incoming)), Map.of());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.close();
        }
        if (bySeries != null) {
            bySeries.close();
        }
        if (qr != null) {
            qr.close();
        }
        if (threads != null) {
            threads.close();
        }
    }

    /** The bridge before a {@code dicom} backend calling dcmqrscp at {@code port} as {@code localAet}. */
    private static String pipeline(int port, String localAet, String bridgeOptions, String backendOptions) {
        return DicomWebGateway.pipeline("\"bridge\"", "pacs", "", """
                [middleware.bridge]
                type = "dicomweb_bridge"
                [middleware.bridge.options]
                %s

                [backends.pacs]
                service = "dicom"
                [backends.pacs.options]
                aet = "%s"
                host = "127.0.0.1"
                port = %d
                local_aet = "%s"
                %s
                """.formatted(bridgeOptions, Dcmqrscp.AE_TITLE, port, localAet, backendOptions));
    }

    private static List<TestDataset.Instance> where(java.util.function.Predicate<TestDataset.Instance> filter) {
        return instances.stream().filter(filter).toList();
    }

    private static List<MultipartParts.Part> parts(DicomWebGateway.Answer answer) {
        return MultipartParts.of(answer.body(), MediaTypes.parameter(answer.header("Content-Type"), "boundary")
                .orElseThrow());
    }

    @Test
    void aStudyWithNativeAndJpegInstancesIsRetrievedByTheMoveThatReplacesTheRefusedGet() throws Exception {
        String study = instances.stream().filter(i -> i.transferSyntaxUid().equals(UID.JPEGBaseline8Bit)).findFirst()
                .orElseThrow().studyInstanceUid();
        List<TestDataset.Instance> expected = where(i -> i.studyInstanceUid().equals(study));

        DicomWebGateway.Answer answer = gateway.get("/studies/" + study, "Accept", DICOM);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        List<MultipartParts.Part> parts = parts(answer);
        assertThat(parts).hasSize(expected.size());
        Path received = Files.createDirectories(directory.resolve("study"));
        for (int i = 0; i < parts.size(); i++) {
            Files.write(received.resolve(i + ".dcm"), parts.get(i).content());
        }
        SameInstances.assertReceived(expected, received);
    }

    @Test
    void withFetchLevelSeriesAStudyIsRetrievedByOneMovePerSeries() throws Exception {
        String study = largestStudy();
        List<TestDataset.Instance> expected = where(i -> i.studyInstanceUid().equals(study));
        long series = expected.stream().map(TestDataset.Instance::seriesInstanceUid).distinct().count();
        assertThat(series).isGreaterThan(1);

        DicomWebGateway.Answer answer;
        List<String> operations;
        try (ScuLog log = new ScuLog()) {
            answer = bySeries.get("/studies/" + study, "Accept", DICOM);
            operations = log.operations();
        }

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(operations.stream().filter(op -> op.equals("C-MOVE")).count()).isEqualTo(series);
        assertThat(operations.get(0)).isEqualTo("C-FIND");
        List<MultipartParts.Part> parts = parts(answer);
        Path received = Files.createDirectories(directory.resolve("by-series-study"));
        for (int i = 0; i < parts.size(); i++) {
            Files.write(received.resolve(i + ".dcm"), parts.get(i).content());
        }
        assertThat(parts).hasSize(expected.size());
        SameInstances.assertReceived(expected, received);
    }

    @Test
    void aFetchLevelOtherThanStudySeriesOrInstanceIsAProblemNamingIt() throws Exception {
        assertThatThrownBy(() -> new DicomWebGateway(Files.createDirectories(directory.resolve("bad-level")),
                threads.executor(), pipeline(qr.port(), "UNUSED", "fetch_level = \"patient\"", ""), Map.of()))
                .hasMessageContaining("pipelines/dicomweb.toml: [middleware.bridge.options] fetch_level: expected one of [instance, series, study], got 'patient'");
    }

    private static String largestStudy() {
        return instances.stream().collect(Collectors.groupingBy(TestDataset.Instance::studyInstanceUid,
                Collectors.counting())).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    @Test
    void seriesMetadataAndAFrameComeThroughTheMoveToo() throws Exception {
        TestDataset.Instance one = instances.stream().filter(i -> i.transferSyntaxUid().equals(UID.ExplicitVRLittleEndian))
                .findFirst().orElseThrow();
        String series = "/studies/" + one.studyInstanceUid() + "/series/" + one.seriesInstanceUid();

        DicomWebGateway.Answer metadata = gateway.get(series + "/metadata", "Accept", "application/dicom+json");
        assertThat(metadata.status()).as(metadata.text()).isEqualTo(200);
        Set<String> sopInstances = StreamSupport.stream(Json.parse(metadata.body()).spliterator(), false)
                .map(instance -> instance.path("00080018").path("Value").path(0).asText()).collect(Collectors.toSet());
        assertThat(sopInstances).isEqualTo(where(i -> i.seriesInstanceUid().equals(one.seriesInstanceUid())).stream()
                .map(TestDataset.Instance::sopInstanceUid).collect(Collectors.toSet()));

        DicomWebGateway.Answer frame = gateway.get(series + "/instances/" + one.sopInstanceUid() + "/frames/1",
                "Accept", "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*");
        assertThat(frame.status()).as(frame.text()).isEqualTo(200);
        assertThat(parts(frame)).hasSize(1);
        assertThat(parts(frame).get(0).content()).isNotEmpty();
    }

    @Test
    void aClientThatGoesAwayMidMultipartHasTheMoveAndItsStoreAssociationReleased() throws Exception {
        String study = largestStudy();
        ResponseEnvelope response = gateway.exchange("GET", "/studies/" + study, Body.empty(), "Accept", DICOM);
        assertThat(response.status()).isEqualTo(200);

        try (InputStream body = DicomWebGateway.render(response).open()) {
            assertThat(body.readNBytes(64 * 1024)).hasSize(64 * 1024);
            assertThat(TcpConnections.established(qr.port())).as("the C-MOVE's association").isPositive();
            assertThat(TcpConnections.established(incomingPort)).as("dcmqrscp's store association").isPositive();
        }

        assertThat(TcpConnections.awaitNone(qr.port(), 10_000)).as("connections to dcmqrscp left").isZero();
        assertThat(TcpConnections.awaitNone(incomingPort, 10_000)).as("connections to the store SCP left").isZero();
        assertThat(gateway.get("/studies/" + study + "/metadata").status()).isEqualTo(200);
    }

    @Test
    void aStudyThePacsDoesNotHoldIsNotFound() throws Exception {
        DicomWebGateway.Answer answer = gateway.get("/studies/1.2.3.4.5.6.7.8.9", "Accept", DICOM);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(Json.parse(answer.body()).path("detail").asText()).contains("no instances of /studies/1.2.3.4.5.6.7.8.9");
    }

    @Test
    void aPacsThatIsDownIsA503ProblemWithRetryAfterOnceTheBackendKnowsItDown() throws Exception {
        int closed = PeerProcess.freePort();
        int incoming = PeerProcess.freePort();
        String pipeline = DicomWebGateway.pipeline("\"bridge\"", "pacs", "", """
                [middleware.bridge]
                type = "dicomweb_bridge"

                [backends.pacs]
                service = "dicom"
                [backends.pacs.options]
                targets = ["archive"]
                max_failures = 1
                cooldown_ms = 60000
                local_aet = "%s"
                dimse_retrieve_mode = "get_or_move"
                incoming_store_port = %d
                incoming_store_bind_address = "127.0.0.1"

                [targets.archive]
                aet = "%s"
                host = "127.0.0.1"
                port = %d
                """.formatted(LOCAL_AET, incoming, Dcmqrscp.AE_TITLE, closed));
        try (DicomWebGateway down = new DicomWebGateway(Files.createDirectories(directory.resolve("down")),
                threads.executor(), pipeline, Map.of())) {
            DicomWebGateway.Answer first = down.get("/studies/1.2.3", "Accept", DICOM);
            assertThat(first.status()).isEqualTo(502);
            assertThat(Json.parse(first.body()).path("type").asText()).isEqualTo("urn:harmonyee:problem:backend-unreachable");

            DicomWebGateway.Answer then = down.get("/studies/1.2.3", "Accept", DICOM);
            assertThat(then.status()).isEqualTo(503);
            assertThat(then.header("Content-Type")).isEqualTo("application/problem+json");
            JsonNode problem = Json.parse(then.body());
            assertThat(problem.path("type").asText()).isEqualTo("urn:harmonyee:problem:backend-unavailable");
            assertThat(Integer.parseInt(then.header("Retry-After"))).isBetween(1, 60);
        }
    }

    /**
     * The DIMSE operations the backend opens associations for, in order, as its connector logs them
     * (at DEBUG: {@code <exchange>: backend 'pacs' C-GET on <association> to <target>}).
     */
    private static final class ScuLog extends Handler implements AutoCloseable {

        private static final Pattern OPENED = Pattern.compile("backend '[^']*' (C-[A-Z]+) on ");
        private final Logger logger = Logger.getLogger("org.harmonyee.services.dimse.ScuConnector");
        private final Level previous = logger.getLevel();
        private final List<String> operations = new CopyOnWriteArrayList<>();

        ScuLog() {
            setLevel(Level.ALL);
            logger.setLevel(Level.FINE);
            logger.addHandler(this);
        }

        List<String> operations() {
            return List.copyOf(operations);
        }

        @Override
        public void publish(LogRecord record) {
            Matcher matcher = OPENED.matcher(String.valueOf(record.getMessage()));
            if (matcher.find()) {
                operations.add(matcher.group(1));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
            logger.setLevel(previous);
        }
    }
}
