package org.harmonyee.services.dicomweb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.content.MediaTypes;
import org.harmonyee.core.envelope.Json;
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

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridge in front of Orthanc's DIMSE, with Orthanc's own DICOMweb plugin on the same data as
 * the oracle: every QIDO-RS query of the catalogue finds the same studies, series or instances
 * through the gateway as at Orthanc's {@code /dicom-web}, and WADO-RS retrieves every instance as
 * Orthanc stored it.
 */
@Timeout(300)
class OrthancDicomWebTest {

    @TempDir
    static Path directory;
    private static BridgedPacs<Orthanc> bridged;
    private static Orthanc orthanc;
    private static DicomWebGateway gateway;
    private static List<TestDataset.Instance> instances;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        bridged = BridgedPacs.orthanc(directory);
        orthanc = bridged.pacs();
        gateway = bridged.gateway();
        instances = TestDataset.instances();
        for (TestDataset.Instance instance : instances) {
            orthanc.store(instance.file());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (bridged != null) {
            bridged.close();
        }
    }

    private static URI orthancUri(String path) {
        return URI.create("http://127.0.0.1:" + orthanc.httpPort() + path);
    }

    /** Orthanc's own QIDO-RS answer. */
    private static JsonNode oracle(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(orthancUri("/dicom-web" + pathAndQuery))
                .header("Accept", "application/dicom+json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("Orthanc: " + pathAndQuery + ": " + answer.body()).isIn(200, 204);
        return answer.body().isEmpty() ? Json.MAPPER.createArrayNode() : Json.parse(answer.body().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode ours(String pathAndQuery) throws IOException {
        DicomWebGateway.Answer answer = gateway.get(pathAndQuery, "Accept", "application/dicom+json");
        assertThat(answer.status()).as("gateway: " + pathAndQuery + ": " + answer.text()).isIn(200, 204);
        if (answer.status() == 204) {
            assertThat(answer.body()).isEmpty();
            return Json.MAPPER.createArrayNode();
        }
        assertThat(answer.header("Content-Type")).isEqualTo("application/dicom+json");
        return Json.parse(answer.body());
    }

    private static Set<String> uids(JsonNode answer, String tag) {
        return StreamSupport.stream(answer.spliterator(), false).map(match -> match.path(tag).path("Value").path(0).asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String study(String key) {
        return instances.stream().filter(i -> i.patientId().equals(key)).findFirst().orElseThrow().studyInstanceUid();
    }

    private static String mixedStudy() {
        return instances.stream().filter(i -> i.transferSyntaxUid().equals(UID.JPEGBaseline8Bit)).findFirst()
                .orElseThrow().studyInstanceUid();
    }

    private static String seriesOf(String study) {
        return instances.stream().filter(i -> i.studyInstanceUid().equals(study)).findFirst().orElseThrow()
                .seriesInstanceUid();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The catalogue: a query and the tag of the UID that identifies what it finds. */
    static List<String[]> catalogue() throws IOException {
        instances = TestDataset.instances();
        String mixed = mixedStudy();
        String series = seriesOf(mixed);
        String other = study("PAT003");
        List<String[]> queries = new ArrayList<>();
        for (String study : List.of("/studies", "/studies?PatientID=PAT001", "/studies?00100020=PAT003",
                "/studies?PatientName=DOE*", "/studies?StudyDate=20240101-20241231",
                "/studies?StudyDate=-20231231", "/studies?StudyDate=20250101-", "/studies?StudyDate=20230610",
                "/studies?AccessionNumber=ACC2001", "/studies?AccessionNumber=ACC?00*", "/studies?ModalitiesInStudy=CT",
                "/studies?StudyInstanceUID=" + mixed + "," + other, "/studies?PatientID=NOBODY",
                "/studies?includefield=all", "/studies?includefield=StudyDescription,00081030&PatientSex=M",
                "/studies?fuzzymatching=false&PatientID=PAT00*", "/studies?PatientBirthDate=19650312",
                "/studies?ReferringPhysicianName=HOUSE*&StudyDate=20240320")) {
            queries.add(new String[]{study, "0020000D"});
        }
        for (String found : List.of("/series", "/series?Modality=CT", "/series?Modality=US&PatientID=PAT002",
                "/studies/" + mixed + "/series", "/studies/" + mixed + "/series?Modality=OT",
                "/studies/" + other + "/series?SeriesInstanceUID=" + seriesOf(other), "/series?includefield=all")) {
            queries.add(new String[]{found, "0020000E"});
        }
        for (String found : List.of("/studies/" + mixed + "/series/" + series + "/instances", "/studies/" + mixed + "/instances",
                "/instances?SOPInstanceUID=" + instances.get(0).sopInstanceUid(), "/instances?StudyInstanceUID=" + other,
                "/studies/" + mixed + "/series/" + series + "/instances?InstanceNumber=3",
                "/studies/" + other + "/instances?includefield=all")) {
            queries.add(new String[]{found, "00080018"});
        }
        return queries;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void aSearchFindsWhatOrthancsOwnDicomWebFinds(String query, String tag) throws Exception {
        JsonNode ours = ours(query);
        JsonNode oracle = oracle(query);
        assertThat(uids(ours, tag)).isEqualTo(uids(oracle, tag));
        Map<String, JsonNode> oracleByUid = new java.util.HashMap<>();
        oracle.forEach(match -> oracleByUid.put(match.path(tag).path("Value").path(0).asText(), match));
        for (JsonNode match : ours) {
            JsonNode theirs = oracleByUid.get(match.path(tag).path("Value").path(0).asText());
            match.fieldNames().forEachRemaining(key -> {
                if (theirs.has(key) && theirs.get(key).has("Value")) {
                    assertThat(match.get(key).get("Value")).as(query + ": " + key).isEqualTo(theirs.get(key).get("Value"));
                }
            });
        }
    }

    /** UTF-8 in the query, ISO_IR 192 at the PACS (Orthanc's own DICOMweb 1.7 finds nothing for this one). */
    @Test
    void aNameOutsideAsciiMatches() throws Exception {
        JsonNode found = ours("/studies?PatientName=" + encode("Müller*"));

        assertThat(uids(found, "0020000D")).containsExactly(study("PAT003"));
        assertThat(found.get(0).path("00100010").path("Value").path(0).path("Alphabetic").asText()).isEqualTo("Müller^Jürgen");
        assertThat(found.get(0).path("00080005").path("Value").path(0).asText()).isEqualTo("ISO_IR 192");
    }

    @Test
    void limitAndOffsetPageThroughEveryStudyOnce() throws Exception {
        Set<String> paged = new TreeSet<>();
        for (int offset = 0; offset < 4; offset++) {
            JsonNode page = ours("/studies?limit=1&offset=" + offset);
            assertThat(page).hasSize(1);
            paged.addAll(uids(page, "0020000D"));
        }
        assertThat(paged).isEqualTo(uids(oracle("/studies"), "0020000D"));
        assertThat(gateway.get("/studies?offset=4").status()).isEqualTo(204);
    }

    @Test
    void aRetrievedStudyIsEveryInstanceAsStored() throws Exception {
        String mixed = mixedStudy();
        DicomWebGateway.Answer answer = gateway.get("/studies/" + mixed, "Accept",
                "multipart/related; type=\"application/dicom\"; transfer-syntax=*");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        String type = answer.header("Content-Type");
        assertThat(MediaTypes.essence(type)).isEqualTo("multipart/related");
        assertThat(MediaTypes.parameter(type, "type")).contains("application/dicom");
        Path received = Files.createDirectories(directory.resolve("wado-study"));
        List<MultipartParts.Part> parts = MultipartParts.of(answer.body(), MediaTypes.parameter(type, "boundary").orElseThrow());
        for (MultipartParts.Part part : parts) {
            assertThat(part.headers().get("content-type")).startsWith("application/dicom; transfer-syntax=");
            Files.write(received.resolve(parts.indexOf(part) + ".dcm"), part.content());
        }
        List<TestDataset.Instance> expected = instances.stream().filter(i -> i.studyInstanceUid().equals(mixed)).toList();
        assertThat(parts).hasSize(expected.size());
        SameInstances.assertReceived(expected, received);
    }

    @Test
    void aSeriesAndAnInstanceAreRetrievedAsStored() throws Exception {
        TestDataset.Instance one = instances.stream().filter(i -> i.transferSyntaxUid().equals(UID.ExplicitVRLittleEndian))
                .findFirst().orElseThrow();
        List<TestDataset.Instance> series = instances.stream()
                .filter(i -> i.seriesInstanceUid().equals(one.seriesInstanceUid())).toList();
        String seriesPath = "/studies/" + one.studyInstanceUid() + "/series/" + one.seriesInstanceUid();

        assertThat(retrieve(seriesPath, "multipart/related; type=\"application/dicom\"", "wado-series")).hasSize(series.size());
        SameInstances.assertReceived(series, directory.resolve("wado-series"));
        assertThat(retrieve(seriesPath + "/instances/" + one.sopInstanceUid(), "multipart/related; type=\"application/dicom\";"
                + " transfer-syntax=" + UID.ExplicitVRLittleEndian, "wado-instance")).hasSize(1);
        SameInstances.assertReceived(List.of(one), directory.resolve("wado-instance"));
    }

    /** Retrieves into a folder of its own; the parts. */
    private static List<MultipartParts.Part> retrieve(String path, String accept, String folder) throws Exception {
        DicomWebGateway.Answer answer = gateway.get(path, "Accept", accept);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        Path received = Files.createDirectories(directory.resolve(folder));
        List<MultipartParts.Part> parts = MultipartParts.of(answer.body(),
                MediaTypes.parameter(answer.header("Content-Type"), "boundary").orElseThrow());
        for (int i = 0; i < parts.size(); i++) {
            Files.write(received.resolve(i + ".dcm"), parts.get(i).content());
        }
        return parts;
    }

    @Test
    void metadataIsOrthancsModuloBulkData() throws Exception {
        String mixed = mixedStudy();
        for (String path : List.of("/studies/" + mixed + "/metadata", "/studies/" + mixed + "/series/" + seriesOf(mixed)
                + "/metadata")) {
            JsonNode ours = ours(path);
            JsonNode theirs = oracle(path);
            assertThat(uids(ours, "00080018")).as(path).isEqualTo(uids(theirs, "00080018")).isNotEmpty();
            Map<String, JsonNode> theirsByUid = new java.util.HashMap<>();
            theirs.forEach(instance -> theirsByUid.put(instance.path("00080018").path("Value").path(0).asText(), instance));
            for (JsonNode instance : ours) {
                JsonNode oracle = theirsByUid.get(instance.path("00080018").path("Value").path(0).asText());
                Set<String> keys = new TreeSet<>();
                instance.fieldNames().forEachRemaining(keys::add);
                oracle.fieldNames().forEachRemaining(keys::add);
                for (String key : keys) {
                    JsonNode a = instance.path(key);
                    JsonNode b = oracle.path(key);
                    if (!(a.has("BulkDataURI") || a.has("InlineBinary") || b.has("BulkDataURI") || b.has("InlineBinary"))) {
                        assertThat(numbersAsDecimals(a)).as(path + ": " + key).isEqualTo(numbersAsDecimals(b));
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("frameCases")
    void framesAreOrthancsOwn(String sopClass, String syntax, String accept) throws Exception {
        TestDataset.Instance instance = instances.stream().filter(i -> (sopClass.isEmpty() || i.sopClassUid().equals(sopClass))
                && i.transferSyntaxUid().equals(syntax)).findFirst().orElseThrow();
        String frames = "/studies/" + instance.studyInstanceUid() + "/series/" + instance.seriesInstanceUid()
                + "/instances/" + instance.sopInstanceUid() + "/frames/1";

        DicomWebGateway.Answer ours = gateway.get(frames, "Accept", accept);
        HttpResponse<byte[]> theirs = HTTP.send(HttpRequest.newBuilder(orthancUri("/dicom-web" + frames))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(ours.status()).as(ours.text()).isEqualTo(200);
        assertThat(theirs.statusCode()).isEqualTo(200);
        List<MultipartParts.Part> ourParts = MultipartParts.of(ours.body(),
                MediaTypes.parameter(ours.header("Content-Type"), "boundary").orElseThrow());
        List<MultipartParts.Part> theirParts = MultipartParts.of(theirs.body(), MediaTypes.parameter(
                theirs.headers().firstValue("Content-Type").orElseThrow(), "boundary").orElseThrow());
        assertThat(ourParts).hasSize(1).hasSameSizeAs(theirParts);
        assertThat(ourParts.get(0).content()).isEqualTo(theirParts.get(0).content());
    }

    static List<String[]> frameCases() {
        return List.of(new String[]{"1.2.840.10008.5.1.4.1.1.3.1", UID.ExplicitVRLittleEndian,
                        "multipart/related; type=\"application/octet-stream\""},
                new String[]{"", UID.ImplicitVRLittleEndian, "multipart/related; type=\"application/octet-stream\""},
                new String[]{"", UID.JPEGBaseline8Bit,
                        "multipart/related; type=\"image/jpeg\"; transfer-syntax=" + UID.JPEGBaseline8Bit});
    }

    /**
     * An element with its IS and DS values as plain decimal text without trailing zeros: the gateway
     * answers the data set's own decimals (a DS of "5.0" is 5.0) where Orthanc answers 5.
     */
    private static JsonNode numbersAsDecimals(JsonNode element) {
        if (!Set.of("IS", "DS").contains(element.path("vr").asText()) || !element.path("Value").isArray()) {
            return element;
        }
        ObjectNode copy = element.deepCopy();
        ArrayNode values = copy.putArray("Value");
        element.get("Value").forEach(value -> values.add(value.isNumber()
                ? value.decimalValue().stripTrailingZeros().toPlainString() : value.asText()));
        return copy;
    }
}
