package org.harmonyee.services.dicomweb;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.content.MediaTypes;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.TagUtils;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.json.BulkDataUris;
import org.harmonyee.dicom.json.DicomJsonWriter;
import org.harmonyee.dicom.net.peers.Dcmqrscp;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * STOW-RS of DICOM JSON with bulk data into an empty dcmqrscp, as a client that holds metadata and
 * pixel data apart sends it: the metadata array first, then each binary value above 1 KiB as an
 * {@code application/octet-stream} part named by its BulkDataURI. Each instance is stored, then
 * retrieved through WADO-RS and compared attribute by attribute with the original file (as DICOM
 * JSON with every binary inline; the Specific Character Set, UTF-8 after DICOM JSON, aside). A
 * BulkDataURI without its part is 400 with nothing stored; a compressed bulk part is 415.
 */
@Timeout(300)
class DcmqrscpStowJsonTest {

    private static final String CLIENT_BULK = "http://client.example/bulk/";

    @TempDir
    static Path directory;
    private static BridgedPacs<Dcmqrscp> bridged;
    private static DicomWebGateway gateway;
    private static List<TestDataset.Instance> series;

    @BeforeAll
    static void start() throws Exception {
        bridged = BridgedPacs.emptyDcmqrscp(directory);
        gateway = bridged.gateway();
        TestDataset.Instance first = TestDataset.instances().stream()
                .filter(i -> i.transferSyntaxUid().equals(UID.ExplicitVRLittleEndian)).findFirst().orElseThrow();
        series = TestDataset.instances().stream().filter(i -> i.seriesInstanceUid().equals(first.seriesInstanceUid())
                && i.transferSyntaxUid().equals(UID.ExplicitVRLittleEndian)).limit(4).toList();
    }

    @AfterAll
    static void stop() throws Exception {
        if (bridged != null) {
            bridged.close();
        }
    }

    private static Attributes read(Path file) throws IOException {
        try (DicomInputStream in = DicomInputStream.open(file)) {
            in.fileMetaInformation();
            return in.readDataset();
        }
    }

    /** A data set as DICOM JSON, its binary values written as {@code uris} says. */
    private static JsonNode json(Attributes dataset, BulkDataUris uris) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = Json.MAPPER.getFactory().createGenerator(out)) {
            new DicomJsonWriter(generator, uris).write(dataset);
        }
        return Json.parse(out.toByteArray());
    }

    private static JsonNode comparable(Attributes dataset) throws IOException {
        ObjectNode json = (ObjectNode) json(dataset, BulkDataUris.INLINE);
        json.remove("00080005");
        return json;
    }

    /** The body for {@code instances}: their metadata, then their bulk data parts. */
    private static StowBodies body(List<TestDataset.Instance> instances) throws IOException {
        Map<String, byte[]> bulk = new LinkedHashMap<>();
        StringBuilder metadata = new StringBuilder("[");
        for (TestDataset.Instance instance : instances) {
            Attributes dataset = read(instance.file());
            JsonNode json = json(dataset, (set, element, length) -> {
                if (length <= 1024) {
                    return null;
                }
                String uri = CLIENT_BULK + instance.sopInstanceUid() + "/" + TagUtils.toHex(element.tag());
                bulk.put(uri, element.bytes());
                return uri;
            });
            metadata.append(metadata.length() > 1 ? "," : "").append(Json.MAPPER.writeValueAsString(json));
        }
        StowBodies body = new StowBodies().part(StowJsonUpload.DICOM_JSON,
                new ByteArrayInputStream(metadata.append("]").toString().getBytes(StandardCharsets.UTF_8)));
        bulk.forEach((uri, bytes) -> body.part("application/octet-stream", uri, bytes));
        assertThat(bulk).as("the pixel data of each instance goes as bulk data").hasSizeGreaterThanOrEqualTo(instances.size());
        return body;
    }

    @Test
    void instancesStoredFromDicomJsonAndBulkDataAreRetrievedEqualAttributeByAttribute() throws Exception {
        DicomWebGateway.Answer stored = gateway.post("/studies", body(series).body(),
                "Content-Type", StowBodies.JSON_CONTENT_TYPE, "Accept", "application/dicom+json");

        assertThat(stored.status()).as(stored.text()).isEqualTo(200);
        JsonNode referenced = Json.parse(stored.body()).path("00081199").path("Value");
        assertThat(StreamSupport.stream(referenced.spliterator(), false)
                .map(item -> item.path("00081155").path("Value").path(0).asText()).collect(Collectors.toSet()))
                .isEqualTo(series.stream().map(TestDataset.Instance::sopInstanceUid).collect(Collectors.toSet()));

        for (TestDataset.Instance instance : series) {
            DicomWebGateway.Answer retrieved = gateway.get("/studies/" + instance.studyInstanceUid() + "/series/"
                    + instance.seriesInstanceUid() + "/instances/" + instance.sopInstanceUid(),
                    "Accept", "multipart/related; type=\"application/dicom\"; transfer-syntax=*");
            assertThat(retrieved.status()).as(retrieved.text()).isEqualTo(200);
            List<MultipartParts.Part> parts = MultipartParts.of(retrieved.body(),
                    MediaTypes.parameter(retrieved.header("Content-Type"), "boundary").orElseThrow());
            Path file = Files.write(directory.resolve(instance.sopInstanceUid() + ".dcm"), parts.get(0).content());
            assertThat(comparable(read(file))).as(instance.sopInstanceUid()).isEqualTo(comparable(read(instance.file())));
        }
    }

    @Test
    void aBulkDataUriWithoutItsPartIs400AndNothingIsStored() throws Exception {
        TestDataset.Instance other = TestDataset.instances().stream()
                .filter(i -> i.transferSyntaxUid().equals(UID.ExplicitVRLittleEndian)
                        && !i.seriesInstanceUid().equals(series.get(0).seriesInstanceUid())).findFirst().orElseThrow();
        String metadata = "[" + Json.MAPPER.writeValueAsString(json(read(other.file()),
                (set, element, length) -> length > 1024 ? CLIENT_BULK + "missing/" + TagUtils.toHex(element.tag()) : null))
                + "]";

        DicomWebGateway.Answer answer = gateway.post("/studies", new StowBodies().part(StowJsonUpload.DICOM_JSON,
                new ByteArrayInputStream(metadata.getBytes(StandardCharsets.UTF_8))).body(),
                "Content-Type", StowBodies.JSON_CONTENT_TYPE);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(Json.parse(answer.body()).path("detail").asText()).contains("BulkDataURI " + CLIENT_BULK + "missing/")
                .contains("names no bulk data part");
        assertThat(gateway.get("/studies/" + other.studyInstanceUid() + "/series/" + other.seriesInstanceUid()
                + "/instances").status()).isEqualTo(204);
    }

    @Test
    void aCompressedBulkDataPartIs415() throws Exception {
        String metadata = "[" + Json.MAPPER.writeValueAsString(json(read(series.get(0).file()),
                (set, element, length) -> length > 1024 ? CLIENT_BULK + "jpeg" : null)) + "]";

        DicomWebGateway.Answer answer = gateway.post("/studies", new StowBodies().part(StowJsonUpload.DICOM_JSON,
                new ByteArrayInputStream(metadata.getBytes(StandardCharsets.UTF_8)))
                .part("image/jpeg", CLIENT_BULK + "jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8}).body(),
                "Content-Type", StowBodies.JSON_CONTENT_TYPE);

        assertThat(answer.status()).isEqualTo(415);
        assertThat(Json.parse(answer.body()).path("type").asText()).isEqualTo("urn:harmonyee:problem:unsupported-media-type");
        assertThat(Set.of(answer.header("Content-Type"))).containsExactly("application/problem+json");
    }
}
