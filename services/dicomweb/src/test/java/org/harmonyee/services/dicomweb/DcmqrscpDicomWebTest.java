package org.harmonyee.services.dicomweb;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.content.MediaTypes;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.peers.Dcmqrscp;
import org.harmonyee.dicom.net.peers.SameInstances;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bridge in front of dcmqrscp loaded with the dataset: each QIDO-RS level finds what the
 * dataset holds, WADO-RS retrieves instances as stored (and a client going away mid-answer leaves
 * no association open), and every refusal is the status and problem document a DICOMweb client expects.
 */
@Timeout(300)
class DcmqrscpDicomWebTest {

    @TempDir
    static Path directory;
    private static BridgedPacs<Dcmqrscp> bridged;
    private static TestThreads threads;
    private static Dcmqrscp qr;
    private static DicomWebGateway gateway;
    private static List<TestDataset.Instance> instances;

    @BeforeAll
    static void start() throws Exception {
        bridged = BridgedPacs.loadedDcmqrscp(directory, "default_limit = 100\nmax_limit = 200");
        threads = bridged.threads();
        qr = bridged.pacs();
        gateway = bridged.gateway();
        instances = TestDataset.instances();
    }

    @AfterAll
    static void stop() throws Exception {
        if (bridged != null) {
            bridged.close();
        }
    }

    private static JsonNode found(String query) throws Exception {
        DicomWebGateway.Answer answer = gateway.get(query);
        assertThat(answer.status()).as(query + ": " + answer.text()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo("application/dicom+json");
        return Json.parse(answer.body());
    }

    private static Set<String> uids(JsonNode answer, String tag) {
        return StreamSupport.stream(answer.spliterator(), false).map(match -> match.path(tag).path("Value").path(0).asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> dataset(java.util.function.Predicate<TestDataset.Instance> filter,
                                       Function<TestDataset.Instance, String> uid) {
        return instances.stream().filter(filter).map(uid).collect(Collectors.toCollection(TreeSet::new));
    }

    private static TestDataset.Instance largestSeriesInstance() {
        return instances.stream().collect(Collectors.groupingBy(TestDataset.Instance::seriesInstanceUid)).values().stream()
                .max(java.util.Comparator.comparingInt(List::size)).orElseThrow().get(0);
    }

    @Test
    void everyLevelFindsWhatTheDatasetHolds() throws Exception {
        TestDataset.Instance one = largestSeriesInstance();
        String study = one.studyInstanceUid();
        String series = one.seriesInstanceUid();

        assertThat(uids(found("/studies"), "0020000D")).isEqualTo(dataset(i -> true, TestDataset.Instance::studyInstanceUid));
        assertThat(uids(found("/studies/" + study + "/series"), "0020000E"))
                .isEqualTo(dataset(i -> i.studyInstanceUid().equals(study), TestDataset.Instance::seriesInstanceUid));
        assertThat(uids(found("/studies/" + study + "/series/" + series + "/instances"), "00080018"))
                .isEqualTo(dataset(i -> i.seriesInstanceUid().equals(series), TestDataset.Instance::sopInstanceUid));
        assertThat(uids(found("/studies/" + study + "/instances"), "00080018"))
                .isEqualTo(dataset(i -> i.studyInstanceUid().equals(study), TestDataset.Instance::sopInstanceUid));
        assertThat(uids(found("/series?StudyInstanceUID=" + study), "0020000E"))
                .isEqualTo(dataset(i -> i.studyInstanceUid().equals(study), TestDataset.Instance::seriesInstanceUid));
        assertThat(uids(found("/instances?StudyInstanceUID=" + study + "&SeriesInstanceUID=" + series), "00080018"))
                .isEqualTo(dataset(i -> i.seriesInstanceUid().equals(series), TestDataset.Instance::sopInstanceUid));
    }

    @Test
    void theLimitIsTheBridgesWhenTheSearchNamesNoneAndLoweredToItsMaximum() throws Exception {
        assertThat(found("/instances?StudyInstanceUID=" + largestSeriesInstance().studyInstanceUid())).hasSizeGreaterThan(3);
        assertThat(found("/studies/" + largestSeriesInstance().studyInstanceUid() + "/instances?limit=3")).hasSize(3);

        DicomWebGateway.Answer lowered = gateway.get("/studies?limit=1000");
        assertThat(lowered.status()).isEqualTo(200);
        assertThat(lowered.header("Warning")).startsWith("299 harmony-ee").contains("maximum of 200");
        DicomWebGateway.Answer fuzzy = gateway.get("/studies?fuzzymatching=true&PatientName=DOE*");
        assertThat(fuzzy.header("Warning")).contains("fuzzymatching parameter is not supported");
    }

    @Test
    void aRetrievedSeriesIsEveryInstanceAsStoredStreamedPartByPart() throws Exception {
        TestDataset.Instance one = largestSeriesInstance();
        List<TestDataset.Instance> expected = instances.stream()
                .filter(i -> i.seriesInstanceUid().equals(one.seriesInstanceUid())).toList();

        DicomWebGateway.Answer answer = gateway.get("/studies/" + one.studyInstanceUid() + "/series/"
                + one.seriesInstanceUid(), "Accept", "multipart/related; type=\"application/dicom\"; transfer-syntax=*");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        List<MultipartParts.Part> parts = MultipartParts.of(answer.body(),
                MediaTypes.parameter(answer.header("Content-Type"), "boundary").orElseThrow());
        assertThat(parts).hasSize(expected.size());
        Path received = Files.createDirectories(directory.resolve("series"));
        for (int i = 0; i < parts.size(); i++) {
            Files.write(received.resolve(i + ".dcm"), parts.get(i).content());
        }
        SameInstances.assertReceived(expected, received);
    }

    @Test
    void aClientThatGoesAwayMidMultipartHasTheUpstreamAssociationReleased() throws Exception {
        TestDataset.Instance one = largestSeriesInstance();
        String series = "/studies/" + one.studyInstanceUid() + "/series/" + one.seriesInstanceUid();
        ResponseEnvelope response = gateway.exchange("GET", series,
                Body.empty(), "Accept", "multipart/related; type=\"application/dicom\"");
        assertThat(response.status()).isEqualTo(200);

        try (InputStream body = DicomWebGateway.render(response).open()) {
            assertThat(body.readNBytes(64 * 1024)).hasSize(64 * 1024);
            assertThat(TcpConnections.established(qr.port())).as("the C-GET's association").isPositive();
        }

        assertThat(TcpConnections.awaitNone(qr.port(), 10_000)).as("connections to dcmqrscp left").isZero();
        assertThat(gateway.get(series + "/metadata").status()).isEqualTo(200);
    }

    @Test
    void metadataNamesPixelDataByAUriUnderTheForwardedHost() throws Exception {
        TestDataset.Instance one = largestSeriesInstance();
        String instance = "/studies/" + one.studyInstanceUid() + "/series/" + one.seriesInstanceUid() + "/instances/"
                + one.sopInstanceUid();

        DicomWebGateway.Answer forwarded = gateway.get(instance + "/metadata", "Host", "gateway.local:8080",
                "Forwarded", "for=10.0.0.1;proto=https;host=viewer.example.org");
        DicomWebGateway.Answer xForwarded = gateway.get(instance + "/metadata", "Host", "gateway.local:8080",
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "pacs.example.org", "X-Forwarded-Port", "8443");
        DicomWebGateway.Answer direct = gateway.get(instance + "/metadata", "Host", "gateway.local:8080");
        DicomWebGateway.Answer prefixed = gateway.get(instance + "/metadata", "Host", "gateway.local:8080",
                "X-Forwarded-Prefix", "/pacs/");

        assertThat(bulkDataUri(forwarded)).isEqualTo("https://viewer.example.org/dicom-web" + instance + "/bulkdata/7FE00010");
        assertThat(bulkDataUri(xForwarded)).isEqualTo("https://pacs.example.org:8443/dicom-web" + instance + "/bulkdata/7FE00010");
        assertThat(bulkDataUri(direct)).isEqualTo("http://gateway.local:8080/dicom-web" + instance + "/bulkdata/7FE00010");
        assertThat(bulkDataUri(prefixed)).isEqualTo("http://gateway.local:8080/pacs/dicom-web" + instance
                + "/bulkdata/7FE00010");
        JsonNode metadata = Json.parse(direct.body()).get(0);
        assertThat(metadata.path("00080018").path("Value").path(0).asText()).isEqualTo(one.sopInstanceUid());
        assertThat(metadata.has("00020010")).as("no File Meta Information").isFalse();
    }

    private static String bulkDataUri(DicomWebGateway.Answer answer) throws Exception {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return Json.parse(answer.body()).get(0).path("7FE00010").path("BulkDataURI").asText();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/studies?StudyDate=2024-01-01|StudyDate",
            "/studies?StudyDate=20240101-2024|StudyDate",
            "/studies?NoSuchKeyword=1|NoSuchKeyword",
            "/studies?limit=ten|limit",
            "/studies?limit=0|limit",
            "/studies?offset=-1|offset",
            "/studies?fuzzymatching=maybe|fuzzymatching",
            "/studies?includefield=NoSuchKeyword|includefield",
            "/studies?StudyInstanceUID=1.2.abc|StudyInstanceUID",
            "/studies?PatientID=A&PatientID=B|PatientID",
            "/studies?NumberOfStudyRelatedInstances=many|NumberOfStudyRelatedInstances",
            "/studies/1.2.x/series|study UID",
            "/studies/1.2/series?StudyInstanceUID=1.2|StudyInstanceUID"})
    void aBadQueryIs400NamingTheParameter(String query, String named) throws Exception {
        DicomWebGateway.Answer answer = gateway.get(query);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(Json.parse(answer.body()).path("detail").asText()).contains(named);
    }

    @Test
    void whatCannotBeMetIsSaidSo() throws Exception {
        TestDataset.Instance jpeg = instances.stream().filter(i -> i.transferSyntaxUid().equals(UID.JPEGBaseline8Bit))
                .findFirst().orElseThrow();
        String instance = "/studies/" + jpeg.studyInstanceUid() + "/series/" + jpeg.seriesInstanceUid() + "/instances/"
                + jpeg.sopInstanceUid();

        assertProblem(gateway.get("/studies", "Accept", "application/dicom+xml"), 406, "not-acceptable");
        assertProblem(gateway.get("/studies?accept=" + java.net.URLEncoder.encode("application/dicom+xml",
                java.nio.charset.StandardCharsets.UTF_8)), 406, "not-acceptable");
        assertThat(gateway.get("/studies?accept=application/dicom%2Bjson", "Accept", "text/html").status()).isEqualTo(200);
        assertProblem(gateway.get(instance, "Accept", "multipart/related; type=\"application/dicom\"; transfer-syntax="
                + UID.ExplicitVRLittleEndian), 406, "does not transcode");
        assertProblem(gateway.get(instance, "Accept", "application/dicom+json"), 406, "multipart/related");
        assertProblem(gateway.get(instance + "/metadata", "Accept", "application/dicom"), 406, "application/dicom+json");
        assertProblem(gateway.get("/studies/1.2.3.4"), 404, "no instances of /studies/1.2.3.4");
        assertProblem(gateway.get("/patients"), 404, "not a QIDO-RS or WADO-RS resource");
        assertProblem(gateway.get("/studies/1.2/series/3.4/instances/5.6/annotations"), 404, "not a QIDO-RS");
        assertProblem(gateway.get("/studies/1.2/series/3.4/instances/5.6/rendered"), 404,
                "no instances of /studies/1.2/series/3.4/instances/5.6");
        assertThat(gateway.get("/studies?PatientID=NOBODY").status()).isEqualTo(204);
        assertProblem(gateway.send("POST", "/studies"), 415, "unsupported-media-type");
        assertProblem(gateway.send("POST", "/series"), 405, "method-not-allowed");
    }

    private static void assertProblem(DicomWebGateway.Answer answer, int status, String detail) throws Exception {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(Json.parse(answer.body()).path("detail").asText() + " " + Json.parse(answer.body()).path("type").asText())
                .contains(detail);
    }

    @Test
    void optionsAndHeadAnswerOnEveryKindOfRoute() {
        TestDataset.Instance one = instances.get(0);
        String series = "/studies/" + one.studyInstanceUid() + "/series/" + one.seriesInstanceUid();
        for (String route : List.of("/studies", "/series", "/instances", series, series + "/metadata", series + "/instances")) {
            DicomWebGateway.Answer options = gateway.send("OPTIONS", route);
            assertThat(options.status()).as(route).isEqualTo(200);
            assertThat(options.header("Allow")).as(route)
                    .isEqualTo(route.equals("/studies") ? "GET, HEAD, OPTIONS, POST" : "GET, HEAD, OPTIONS");
            DicomWebGateway.Answer head = gateway.send("HEAD", route);
            assertThat(head.status()).as(route).isEqualTo(200);
            assertThat(head.header("Content-Type")).as(route).isNotNull();
            assertThat(head.body()).as(route).isEmpty();
        }
        assertThat(gateway.send("HEAD", "/studies?PatientID=NOBODY").status()).isEqualTo(204);
    }

    @Test
    void aPacsThatIsDownIsABackendProblemNeverAnEmptyResult() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (DicomWebGateway down = new DicomWebGateway(Files.createDirectories(directory.resolve("down")),
                threads.executor(), "NOBODY", closed, "")) {
            for (String route : List.of("/studies", "/studies/1.2.3/metadata", "/studies/1.2.3")) {
                DicomWebGateway.Answer answer = down.get(route);
                assertThat(answer.status()).as(route).isIn(502, 503);
                assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
                assertThat(Json.parse(answer.body()).path("type").asText()).startsWith("urn:harmonyee:problem:backend-");
            }
        }
    }

    @Test
    void aBrowserViewerOfAnAllowedOriginIsLetInAndItsPreflightAnsweredBeforeAuthentication() throws Exception {
        String viewer = "https://ohif.example.org";
        String credentials = "Basic " + java.util.Base64.getEncoder().encodeToString("viewer:secret".getBytes());
        try (DicomWebGateway gateway = new DicomWebGateway(Files.createDirectories(directory.resolve("cors")),
                threads.executor(), Dcmqrscp.AE_TITLE, qr.port(), "", "cors_allowed_origins = [\"" + viewer + "\"]", true)) {
            DicomWebGateway.Answer preflight = gateway.send("OPTIONS", "/studies", "Origin", viewer,
                    "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization, accept");
            assertThat(preflight.status()).as(preflight.text()).isIn(200, 204);
            assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(viewer);
            assertThat(preflight.header("Access-Control-Allow-Methods")).contains("GET").contains("POST");
            assertThat(preflight.header("Access-Control-Allow-Headers")).isEqualTo("authorization, accept");
            assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("600");

            DicomWebGateway.Answer search = gateway.get("/studies", "Origin", viewer, "Authorization", credentials);
            assertThat(search.status()).as(search.text()).isEqualTo(200);
            assertThat(search.header("Access-Control-Allow-Origin")).isEqualTo(viewer);
            assertThat(search.header("Access-Control-Expose-Headers")).contains("Warning");

            DicomWebGateway.Answer refused = gateway.get("/studies", "Origin", viewer);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("Access-Control-Allow-Origin")).as("the viewer may read its 401").isEqualTo(viewer);

            DicomWebGateway.Answer stranger = gateway.send("OPTIONS", "/studies", "Origin", "https://elsewhere.example.org",
                    "Access-Control-Request-Method", "GET");
            assertThat(stranger.status()).isEqualTo(401);
            assertThat(stranger.header("Access-Control-Allow-Origin")).isNull();
        }
    }

    @Test
    void anOriginThatIsNoOriginIsAStartupProblemNamingTheKey() {
        assertThatThrownBy(() -> new DicomWebGateway(Files.createDirectories(directory.resolve("bad-cors")),
                threads.executor(), Dcmqrscp.AE_TITLE, qr.port(), "", "cors_allowed_origins = [\"ohif.example.org/viewer\"]",
                false)).hasMessageContaining("cors_allowed_origins").hasMessageContaining("ohif.example.org/viewer");
    }
}
