package org.harmonyee.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.harmonyee.core.content.MediaTypes;
import org.harmonyee.dicom.net.peers.SameInstances;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DICOMweb deployed: the {@code dicomweb} endpoint and {@code dicomweb_bridge} found through the
 * service catalog of the WAR (Payara Micro) and the EAR's lib/ (WildFly), the HTTP door streaming
 * the bridge's JSON arrays and multipart bodies and a STOW-RS request body, over real HTTP, with the
 * test's archive as the PACS; and the {@code dicomweb} backend passing to that DICOMweb service as to
 * any DICOMweb server ({@code pipelines/dicomweb-proxy.toml}).
 */
@ExtendWith(ArquillianExtension.class)
class DicomWebIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestPacs pacs;
    private static Path stored;
    private static List<TestDataset.Instance> instances;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static Archive<?> gateway() {
        return Deployments.gateway();
    }

    @BeforeAll
    static void startPacs() throws Exception {
        stored = Files.createTempDirectory("it-dicomweb-stored");
        pacs = TestPacs.start(Gateway.port("IT_PACS_PORT"), stored);
        instances = TestDataset.instances();
    }

    @AfterAll
    static void stopPacs() {
        pacs.close();
    }

    private HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        return request(method, "/dicom-web" + path, headers);
    }

    /** Through the pipeline whose {@code dicomweb} backend passes to the gateway's own {@code /dicom-web}. */
    private HttpResponse<byte[]> proxied(String method, String path, String... headers) throws Exception {
        return request(method, "/dicom-web-proxy" + path, headers);
    }

    private HttpResponse<byte[]> request(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Gateway.publicUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Set<String> uids(byte[] body, String tag) throws Exception {
        return StreamSupport.stream(JSON.readTree(body).spliterator(), false)
                .map(match -> match.path(tag).path("Value").path(0).asText()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void searchForStudiesFindsEveryStudyOfThePacs() throws Exception {
        HttpResponse<byte[]> studies = send("GET", "/studies", "Accept", "application/dicom+json");

        assertThat(studies.statusCode()).isEqualTo(200);
        assertThat(studies.headers().firstValue("Content-Type")).contains("application/dicom+json");
        assertThat(uids(studies.body(), "0020000D")).isEqualTo(instances.stream()
                .map(TestDataset.Instance::studyInstanceUid).collect(Collectors.toCollection(TreeSet::new)));
        assertThat(send("GET", "/studies?PatientID=NOBODY").statusCode()).isEqualTo(204);
    }

    @Test
    void aSeriesIsRetrievedAsOnePartPerInstanceAndItsMetadataPointsAtTheCallersHost() throws Exception {
        TestDataset.Instance one = instances.get(0);
        long expected = instances.stream().filter(i -> i.seriesInstanceUid().equals(one.seriesInstanceUid())).count();
        String series = "/studies/" + one.studyInstanceUid() + "/series/" + one.seriesInstanceUid();

        HttpResponse<byte[]> retrieved = send("GET", series, "Accept",
                "multipart/related; type=\"application/dicom\"; transfer-syntax=*");
        assertThat(retrieved.statusCode()).isEqualTo(200);
        String type = retrieved.headers().firstValue("Content-Type").orElseThrow();
        assertThat(MediaTypes.essence(type)).isEqualTo("multipart/related");
        assertThat(MediaTypes.parameter(type, "type")).as("WildFly reorders the parameters").contains("application/dicom");
        String boundary = MediaTypes.parameter(type, "boundary").orElseThrow();
        String body = new String(retrieved.body(), StandardCharsets.ISO_8859_1);
        Matcher parts = Pattern.compile("--" + Pattern.quote(boundary) + "\r\nContent-Type: application/dicom;"
                + " transfer-syntax=[0-9.]+\r\n\r\n.{128}DICM", Pattern.DOTALL).matcher(body);
        assertThat(parts.results().count()).isEqualTo(expected);
        assertThat(body).endsWith("--" + boundary + "--\r\n");

        HttpResponse<byte[]> metadata = send("GET", series + "/metadata", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "viewer.example.org");
        assertThat(metadata.statusCode()).isEqualTo(200);
        JsonNode instances = JSON.readTree(metadata.body());
        assertThat(instances).hasSize((int) expected);
        assertThat(instances.get(0).path("7FE00010").path("BulkDataURI").asText())
                .startsWith("https://viewer.example.org/dicom-web/studies/" + one.studyInstanceUid());
    }

    @Test
    void optionsHeadAndWhatCannotBeMet() throws Exception {
        HttpResponse<byte[]> options = send("OPTIONS", "/studies");
        assertThat(options.statusCode()).isEqualTo(200);
        assertThat(options.headers().firstValue("Allow")).contains("GET, HEAD, OPTIONS, POST");

        HttpResponse<byte[]> head = send("HEAD", "/studies");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).contains("application/dicom+json");
        assertThat(head.body()).isEmpty();

        HttpResponse<byte[]> notAcceptable = send("GET", "/studies", "Accept", "application/dicom+xml");
        assertThat(notAcceptable.statusCode()).isEqualTo(406);
        assertThat(notAcceptable.headers().firstValue("Content-Type")).contains("application/problem+json");
        HttpResponse<byte[]> badDate = send("GET", "/studies?StudyDate=yesterday");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(new String(badDate.body(), StandardCharsets.UTF_8)).contains("StudyDate");
        assertThat(send("POST", "/studies").statusCode()).isEqualTo(415);
        assertThat(send("POST", "/studies/1.2.3/series").statusCode()).isEqualTo(405);
    }

    @Test
    void aSeriesStoredByStowRsStreamsThroughTheDoorToThePacsAsSent() throws Exception {
        TestDataset.Instance one = instances.get(0);
        List<TestDataset.Instance> series = instances.stream()
                .filter(i -> i.seriesInstanceUid().equals(one.seriesInstanceUid())).toList();
        String boundary = "it-stow";
        List<InputStream> pieces = new ArrayList<>();
        for (TestDataset.Instance instance : series) {
            pieces.add(ascii("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n"));
            pieces.add(Files.newInputStream(instance.file()));
            pieces.add(ascii("\r\n"));
        }
        pieces.add(ascii("--" + boundary + "--\r\n"));

        HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(URI.create(Gateway.publicUrl()
                        + "/dicom-web/studies/" + one.studyInstanceUid()))
                .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .header("Accept", "application/dicom+json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(pieces))))
                .build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(answer.statusCode()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/dicom+json");
        JsonNode references = JSON.readTree(answer.body()).path("00081199").path("Value");
        assertThat(references).hasSize(series.size());
        SameInstances.assertReceived(series, stored);
    }

    @Test
    void theDicomWebBackendPassesToADicomWebServerWithItsUrlsUnderItsOwnPrefix() throws Exception {
        TestDataset.Instance one = instances.get(0);
        String series = "/studies/" + one.studyInstanceUid() + "/series/" + one.seriesInstanceUid();
        long expected = instances.stream().filter(i -> i.seriesInstanceUid().equals(one.seriesInstanceUid())).count();

        HttpResponse<byte[]> studies = proxied("GET", "/studies", "Accept", "application/dicom+json");
        assertThat(studies.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(studies.body())).isEqualTo(JSON.readTree(send("GET", "/studies").body()));

        HttpResponse<byte[]> retrieved = proxied("GET", series, "Accept",
                "multipart/related; type=\"application/dicom\"; transfer-syntax=*");
        assertThat(retrieved.statusCode()).isEqualTo(200);
        String type = retrieved.headers().firstValue("Content-Type").orElseThrow();
        assertThat(MediaTypes.parameter(type, "type")).contains("application/dicom");
        assertThat(parts(retrieved.body(), MediaTypes.parameter(type, "boundary").orElseThrow())).hasSize((int) expected)
                .allSatisfy(part -> assertThat(part.substring(128, 132)).isEqualTo("DICM"));

        HttpResponse<byte[]> metadata = proxied("GET", series + "/metadata", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "viewer.example.org");
        assertThat(metadata.statusCode()).isEqualTo(200);
        String bulkData = JSON.readTree(metadata.body()).get(0).path("7FE00010").path("BulkDataURI").asText();
        String prefix = "https://viewer.example.org/dicom-web-proxy";
        assertThat(bulkData).startsWith(prefix + "/studies/" + one.studyInstanceUid());
        String octets = "multipart/related; type=\"application/octet-stream\"";
        HttpResponse<byte[]> throughProxy = proxied("GET", bulkData.substring(prefix.length()), "Accept", octets);
        HttpResponse<byte[]> direct = send("GET", bulkData.substring(prefix.length()), "Accept", octets);
        assertThat(throughProxy.statusCode()).isEqualTo(200);
        assertThat(parts(throughProxy.body(), MediaTypes.parameter(throughProxy.headers().firstValue("Content-Type")
                .orElseThrow(), "boundary").orElseThrow())).isNotEmpty().isEqualTo(parts(direct.body(), MediaTypes
                .parameter(direct.headers().firstValue("Content-Type").orElseThrow(), "boundary").orElseThrow()));

        HttpResponse<byte[]> head = proxied("HEAD", series);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(proxied("GET", "/studies/1.2.3/metadata").statusCode()).isEqualTo(404);
    }

    /** The contents of a multipart body's parts, as ISO-8859-1 text (one char a byte). */
    private static List<String> parts(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        List<String> parts = new ArrayList<>();
        String[] pieces = text.split(Pattern.quote("--" + boundary), -1);
        for (int i = 1; i < pieces.length - 1; i++) {
            String piece = pieces[i];
            parts.add(piece.substring(piece.indexOf("\r\n\r\n") + 4, piece.length() - 2));
        }
        return parts;
    }

    private static InputStream ascii(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }
}
