package org.harmonyee.services.dicomweb;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.content.MediaTypes;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.peers.Orthanc;
import org.harmonyee.dicom.net.peers.SameInstances;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code dicomweb} backend in front of Orthanc's own DICOMweb: searches answer what Orthanc
 * answers directly but for its URLs, which name the gateway; retrievals are the stored instances;
 * metadata's BulkDataURIs lead through the gateway to Orthanc's bytes; STOW-RS through the gateway
 * stores into an empty Orthanc; a stopped Orthanc is a 502 problem.
 */
@Timeout(600)
class OrthancDicomWebBackendTest {

    /** The gateway's base as the caller reaches it: the tests send {@code Host: viewer.example}. */
    private static final String GATEWAY = "http://viewer.example" + DicomWebGateway.PREFIX;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path directory;
    private static TestThreads threads;
    private static Orthanc orthanc;
    private static DicomWebGateway gateway;
    private static List<TestDataset.Instance> instances;

    @BeforeAll
    static void start() throws Exception {
        threads = new TestThreads("dicomweb-backend");
        orthanc = Orthanc.startWithDicomWeb(Files.createDirectories(directory.resolve("orthanc")), Map.of());
        instances = TestDataset.instances();
        for (TestDataset.Instance instance : instances) {
            HttpResponse<String> stored = HTTP.send(HttpRequest.newBuilder(orthancUri(orthanc, "/instances"))
                    .POST(HttpRequest.BodyPublishers.ofFile(instance.file())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        }
        gateway = proxy(directory.resolve("gateway"), orthanc, "", "", Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (orthanc != null) {
            orthanc.close();
        }
        threads.close();
    }

    private static DicomWebGateway proxy(Path folder, Orthanc server, String middleware, String tables,
                                         Map<String, String> files) throws Exception {
        return proxy(folder, threads, "http://127.0.0.1:" + server.httpPort() + "/dicom-web", middleware, tables, files);
    }

    /** A gateway whose pipeline passes to the DICOMweb server at {@code baseUrl}, with these middleware names and tables. */
    static DicomWebGateway proxy(Path folder, TestThreads threads, String baseUrl, String middleware, String tables,
                                 Map<String, String> files) throws Exception {
        String pipeline = DicomWebGateway.pipeline(middleware, "orthanc", "", """
                [backends.orthanc]
                service = "dicomweb"
                [backends.orthanc.options]
                base_url = "%s"
                %s
                """.formatted(baseUrl, tables));
        return new DicomWebGateway(Files.createDirectories(folder), threads.executor(), pipeline, files);
    }

    static URI orthancUri(Orthanc server, String path) {
        return URI.create("http://127.0.0.1:" + server.httpPort() + path);
    }

    /** Orthanc's own answer with its base URL put where the gateway's is. */
    private static String direct(String pathAndQuery, String accept) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(orthancUri(orthanc, "/dicom-web" + pathAndQuery))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("Orthanc: " + pathAndQuery).isEqualTo(200);
        return answer.body().replace("http://127.0.0.1:" + orthanc.httpPort() + "/dicom-web", GATEWAY);
    }

    private static DicomWebGateway.Answer ours(String pathAndQuery, String accept) {
        return gateway.get(pathAndQuery, "Accept", accept, "Host", "viewer.example");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.harmonyee.services.dicomweb.OrthancDicomWebTest#catalogue")
    void aSearchAnswersWhatOrthancAnswersWithTheGatewaysUrls(String query, String tag) throws Exception {
        DicomWebGateway.Answer ours = ours(query, "application/dicom+json");

        assertThat(ours.status()).as(ours.text()).isEqualTo(200);
        assertThat(ours.header("Content-Type")).isEqualTo("application/dicom+json");
        JsonNode expected = Json.parse(direct(query, "application/dicom+json").getBytes(StandardCharsets.UTF_8));
        assertThat(Json.parse(ours.body())).isEqualTo(expected);
        if (query.equals("/studies")) {
            assertThat(expected.get(0).path("00081190").path("Value").path(0).asText()).startsWith(GATEWAY + "/studies/");
        }
    }

    /** Orthanc names itself by a {@code Forwarded} host it is sent; the gateway's prefix still replaces its root. */
    @Test
    void urlsOrthancBuildsFromAForwardedHostAreRewrittenToo() throws Exception {
        DicomWebGateway.Answer answer = gateway.get("/studies", "Forwarded", "host=viewer.example;proto=https",
                "X-Forwarded-Prefix", "/pacs");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode studies = Json.parse(answer.body());
        assertThat(studies).isNotEmpty().allSatisfy(study -> assertThat(study.path("00081190").path("Value").path(0).asText())
                .startsWith("https://viewer.example/pacs/dicom-web/studies/"));
    }

    @Test
    void aRetrievedStudySeriesAndInstanceAreTheStoredInstances() throws Exception {
        TestDataset.Instance jpeg = instances.stream().filter(i -> i.transferSyntaxUid().equals(UID.JPEGBaseline8Bit))
                .findFirst().orElseThrow();
        String study = "/studies/" + jpeg.studyInstanceUid();
        String series = study + "/series/" + jpeg.seriesInstanceUid();
        String instance = series + "/instances/" + jpeg.sopInstanceUid();
        String any = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";

        assertRetrieved(study, any, instances.stream().filter(i -> i.studyInstanceUid().equals(jpeg.studyInstanceUid())).toList());
        assertRetrieved(series, any, instances.stream().filter(i -> i.seriesInstanceUid().equals(jpeg.seriesInstanceUid())).toList());
        assertRetrieved(instance, "multipart/related; type=\"application/dicom\"; transfer-syntax=" + UID.JPEGBaseline8Bit,
                List.of(jpeg));
    }

    private static void assertRetrieved(String path, String accept, List<TestDataset.Instance> expected) throws Exception {
        DicomWebGateway.Answer answer = ours(path, accept);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        String type = answer.header("Content-Type");
        assertThat(MediaTypes.parameter(type, "type")).contains("application/dicom");
        List<MultipartParts.Part> parts = MultipartParts.of(answer.body(), MediaTypes.parameter(type, "boundary").orElseThrow());
        Path received = Files.createDirectories(directory.resolve("wado" + path.hashCode()));
        for (int i = 0; i < parts.size(); i++) {
            assertThat(parts.get(i).headers().get("content-type")).startsWith("application/dicom");
            Files.write(received.resolve(i + ".dcm"), parts.get(i).content());
        }
        assertThat(parts).as(path).hasSize(expected.size());
        SameInstances.assertReceived(expected, received);
    }

    @Test
    void metadataIsOrthancsWithBulkDataUrisThatLeadThroughTheGatewayToOrthancsBytes() throws Exception {
        TestDataset.Instance first = instances.get(0);
        String metadata = "/studies/" + first.studyInstanceUid() + "/metadata";

        DicomWebGateway.Answer ours = ours(metadata, "application/dicom+json");

        assertThat(ours.status()).as(ours.text()).isEqualTo(200);
        assertThat(ours.header("Content-Length")).isNull();
        JsonNode answer = Json.parse(ours.body());
        assertThat(answer).isEqualTo(Json.parse(direct(metadata, "application/dicom+json").getBytes(StandardCharsets.UTF_8)));
        List<String> bulkData = new ArrayList<>();
        answer.forEach(instance -> instance.forEach(element -> {
            if (element.has("BulkDataURI")) {
                bulkData.add(element.get("BulkDataURI").asText());
            }
        }));
        assertThat(bulkData).isNotEmpty().allSatisfy(uri -> assertThat(uri).startsWith(GATEWAY + "/studies/"));

        String accept = "multipart/related; type=\"application/octet-stream\"";
        String pixelData = bulkData.stream().filter(uri -> uri.toLowerCase().endsWith("7fe00010")).findFirst().orElseThrow();
        DicomWebGateway.Answer fetched = ours(pixelData.substring(GATEWAY.length()), accept);
        HttpResponse<byte[]> theirs = HTTP.send(HttpRequest.newBuilder(orthancUri(orthanc, "/dicom-web"
                + pixelData.substring(GATEWAY.length()))).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fetched.status()).as(fetched.text()).isEqualTo(200);
        assertThat(theirs.statusCode()).isEqualTo(200);
        List<MultipartParts.Part> ourParts = MultipartParts.of(fetched.body(),
                MediaTypes.parameter(fetched.header("Content-Type"), "boundary").orElseThrow());
        List<MultipartParts.Part> theirParts = MultipartParts.of(theirs.body(), MediaTypes.parameter(
                theirs.headers().firstValue("Content-Type").orElseThrow(), "boundary").orElseThrow());
        assertThat(ourParts).hasSameSizeAs(theirParts).isNotEmpty();
        for (int i = 0; i < ourParts.size(); i++) {
            assertThat(ourParts.get(i).content()).isEqualTo(theirParts.get(i).content());
        }
    }

    @Test
    void framesAreOrthancsOwn() throws Exception {
        TestDataset.Instance native1 = instances.stream().filter(i -> i.transferSyntaxUid().equals(UID.ExplicitVRLittleEndian))
                .findFirst().orElseThrow();
        String frames = "/studies/" + native1.studyInstanceUid() + "/series/" + native1.seriesInstanceUid()
                + "/instances/" + native1.sopInstanceUid() + "/frames/1";
        String accept = "multipart/related; type=\"application/octet-stream\"";

        DicomWebGateway.Answer ours = ours(frames, accept);
        HttpResponse<byte[]> theirs = HTTP.send(HttpRequest.newBuilder(orthancUri(orthanc, "/dicom-web" + frames))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(ours.status()).isEqualTo(200);
        assertThat(MultipartParts.of(ours.body(), MediaTypes.parameter(ours.header("Content-Type"), "boundary").orElseThrow())
                .get(0).content()).isEqualTo(MultipartParts.of(theirs.body(), MediaTypes.parameter(
                theirs.headers().firstValue("Content-Type").orElseThrow(), "boundary").orElseThrow()).get(0).content());
    }

    @Test
    void errorsAreProblemsWithTheServersStatus() {
        DicomWebGateway.Answer unknown = ours("/studies/1.2.3.4/metadata", "application/dicom+json");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(unknown.text()).contains("answered 404").doesNotContain("Exception");

        assertThat(ours("/studies/" + instances.get(0).studyInstanceUid() + "/metadata",
                "multipart/related; type=\"application/dicom+xml\"").status()).isEqualTo(406);
        assertThat(ours("/system", "application/json").status()).isEqualTo(404);
        DicomWebGateway.Answer post = gateway.send("POST", "/series", "Host", "viewer.example");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(gateway.send("OPTIONS", "/studies").header("Allow")).isEqualTo("GET, HEAD, OPTIONS, POST");
    }

    @Test
    void authenticationPathFilterAndTransformsWorkInFrontOfIt() throws Exception {
        String tables = DicomWebGateway.BASIC_AUTH + """
                [middleware.filter]
                type = "path_filter"
                [middleware.filter.options]
                rules = ["/studies", "/studies/{study}/series"]

                [middleware.strip]
                type = "transform"
                [middleware.strip.options]
                spec_path = "no-patient-name.json"
                apply = "right"
                """;
        try (DicomWebGateway guarded = proxy(directory.resolve("guarded"), orthanc, "\"auth\", \"filter\", \"strip\"",
                tables, Map.of("transforms/no-patient-name.json", "[{\"operation\": \"remove\", \"spec\": {\"00100010\": \"\"}}]"))) {
            String credentials = "Basic " + java.util.Base64.getEncoder().encodeToString("viewer:secret".getBytes(StandardCharsets.UTF_8));

            assertThat(guarded.get("/studies").status()).isEqualTo(401);
            DicomWebGateway.Answer filtered = guarded.get("/instances", "Authorization", credentials);
            assertThat(filtered.status()).isEqualTo(404);
            assertThat(filtered.header("Content-Type")).isEqualTo("application/problem+json");
            DicomWebGateway.Answer studies = guarded.get("/studies", "Authorization", credentials);
            assertThat(studies.status()).as(studies.text()).isEqualTo(200);
            JsonNode matches = Json.parse(studies.body());
            JsonNode direct = Json.parse(direct("/studies", "application/dicom+json").getBytes(StandardCharsets.UTF_8));
            assertThat(matches).hasSameSizeAs(direct).isNotEmpty();
            assertThat(direct.get(0).has("00100010")).isTrue();
            matches.forEach(match -> {
                assertThat(match.has("00100010")).isFalse();
                assertThat(match.has("0020000D")).isTrue();
            });
        }
    }

    @Test
    void headAnswersTheStatusAndHeadersOfGet() {
        DicomWebGateway.Answer head = gateway.send("HEAD", "/studies/" + instances.get(0).studyInstanceUid(),
                "Accept", "multipart/related; type=\"application/dicom\"; transfer-syntax=*");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Type")).startsWith("multipart/related");
        assertThat(head.body()).isEmpty();
        DicomWebGateway.Answer search = gateway.send("HEAD", "/studies");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.header("Content-Type")).isEqualTo("application/dicom+json");
        assertThat(search.body()).isEmpty();
    }

    @Test
    void storedThroughTheGatewayIntoAnEmptyOrthanc() throws Exception {
        try (Orthanc empty = Orthanc.startWithDicomWeb(Files.createDirectories(directory.resolve("empty")), Map.of());
             DicomWebGateway stow = proxy(directory.resolve("stow-gateway"), empty, "", "", Map.of())) {
            List<TestDataset.Instance> sent = instances.stream()
                    .filter(i -> i.studyInstanceUid().equals(instances.get(0).studyInstanceUid())).toList();

            DicomWebGateway.Answer stored = stow.post("/studies", new StowBodies().files(sent.stream()
                    .map(TestDataset.Instance::file).toList()).body(), "Content-Type", StowBodies.CONTENT_TYPE,
                    "Accept", "application/dicom+json", "Host", "viewer.example");

            assertThat(stored.status()).as(stored.text()).isEqualTo(200);
            JsonNode response = Json.parse(stored.body());
            List<String> urls = StreamSupport.stream(response.path("00081199").path("Value").spliterator(), false)
                    .map(item -> item.path("00081190").path("Value").path(0).asText()).toList();
            assertThat(urls).hasSize(sent.size()).allSatisfy(url -> assertThat(url).startsWith(GATEWAY + "/studies/"));
            HttpResponse<String> held = HTTP.send(HttpRequest.newBuilder(orthancUri(empty, "/instances")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(Json.parse(held.body().getBytes(StandardCharsets.UTF_8))).hasSize(sent.size());
            DicomWebGateway.Answer retrieved = stow.get("/studies/" + sent.get(0).studyInstanceUid(),
                    "Accept", "multipart/related; type=\"application/dicom\"; transfer-syntax=*");
            List<MultipartParts.Part> parts = MultipartParts.of(retrieved.body(),
                    MediaTypes.parameter(retrieved.header("Content-Type"), "boundary").orElseThrow());
            Path received = Files.createDirectories(directory.resolve("stow-held"));
            for (int i = 0; i < parts.size(); i++) {
                Files.write(received.resolve(i + ".dcm"), parts.get(i).content());
            }
            SameInstances.assertReceived(sent, received);
        }
    }

    @Test
    void anOrthancThatAsksForCredentialsGetsTheGatewaysOwn() throws Exception {
        try (Orthanc guarded = Orthanc.startWithDicomWeb(Files.createDirectories(directory.resolve("guarded")), Map.of(),
                Map.of("gateway", "s3cret"));
             DicomWebGateway withCredentials = proxy(directory.resolve("credentials-gateway"), guarded, "",
                     "upstream_username = \"gateway\"\nupstream_password = \"s3cret\"", Map.of());
             DicomWebGateway without = proxy(directory.resolve("no-credentials-gateway"), guarded, "", "", Map.of())) {
            HttpResponse<String> direct = HTTP.send(HttpRequest.newBuilder(orthancUri(guarded, "/dicom-web/studies"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(direct.statusCode()).as("Orthanc asks for credentials").isEqualTo(401);

            DicomWebGateway.Answer allowed = withCredentials.get("/studies", "Authorization", "Basic Y2FsbGVyOng=");
            assertThat(allowed.status()).as(allowed.text()).isEqualTo(200);
            assertThat(allowed.header("Content-Type")).isEqualTo("application/dicom+json");

            DicomWebGateway.Answer refused = without.get("/studies");
            assertThat(refused.status()).isEqualTo(502);
            assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(refused.text()).contains("backend 'orthanc'");
        }
    }

    @Test
    void aStoppedOrthancIsABadGatewayProblem() throws Exception {
        Orthanc stopped = Orthanc.startWithDicomWeb(Files.createDirectories(directory.resolve("stopped")), Map.of());
        try (DicomWebGateway down = proxy(directory.resolve("down-gateway"), stopped, "", "", Map.of())) {
            assertThat(down.get("/studies").status()).isEqualTo(200);
            stopped.close();

            for (String path : List.of("/studies", "/studies/1.2.3/series/4.5/instances/6.7")) {
                DicomWebGateway.Answer answer = down.get(path);
                assertThat(answer.status()).as(path).isIn(502, 503);
                assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
                assertThat(answer.text()).contains("backend 'orthanc'").doesNotContain("at org.");
            }
        } finally {
            stopped.close();
        }
    }
}
