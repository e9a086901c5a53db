package org.harmonyee.core.content;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.config.ContentLimits;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentNormalizerTest {

    @TempDir
    Path spool;

    private ContentNormalizer normalizer(long maxBody) {
        return new ContentNormalizer(new ContentLimits(maxBody, 3, 5, 2, 5), spool);
    }

    private static RequestEnvelope request(String contentType, byte[] body) {
        RequestEnvelope.Builder builder = RequestEnvelope.builder("x", "POST", "/")
                .body(Body.stream(new ByteArrayInputStream(body), -1));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return builder.build();
    }

    private JsonNode normalize(String contentType, String body) {
        RequestEnvelope request = request(contentType, body.getBytes(StandardCharsets.UTF_8));
        normalizer(1 << 20).normalize(request);
        assertThat(request.body().bytes()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        return request.normalized().orElseThrow();
    }

    private void assertRefused(String contentType, String body, int status, String detail) {
        RequestEnvelope request = request(contentType, body.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> normalizer(1 << 20).normalize(request))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.type().httpStatus()).isEqualTo(status);
                    assertThat(e.detail()).contains(detail);
                });
    }

    @Test
    void jsonFamilyAndMissingContentTypeAreJson() {
        for (String type : new String[] {"application/json", "application/fhir+json; charset=utf-8",
                "application/dicom+json", null}) {
            assertThat(normalize(type, "{\"resourceType\":\"Patient\"}").get("resourceType").asText()).isEqualTo("Patient");
        }
        assertRefused("application/json", "{\n \"a\": ]", 400, "line 2");
        assertRefused("application/json", "{} {}", 400, "malformed JSON");
    }

    @Test
    void xmlBecomesJsonWithAttributesTextAndRepeatedElements() {
        JsonNode json = normalize("text/xml", """
                <?xml version="1.0"?>
                <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope">
                  <patient id="p1" active="true"><name>Doe</name><name>Roe</name>
                    <note lang="en">free text</note><empty/></patient>
                </soap:Envelope>""");

        JsonNode envelope = json.get("soap:Envelope");
        assertThat(envelope.get("@xmlns:soap").asText()).isEqualTo("http://www.w3.org/2003/05/soap-envelope");
        JsonNode patient = envelope.get("patient");
        assertThat(patient.get("@id").asText()).isEqualTo("p1");
        assertThat(patient.get("name")).hasSize(2);
        assertThat(patient.get("name").get(1).asText()).isEqualTo("Roe");
        assertThat(patient.get("note").get("@lang").asText()).isEqualTo("en");
        assertThat(patient.get("note").get("#text").asText()).isEqualTo("free text");
        assertThat(patient.get("empty").asText()).isEmpty();
    }

    @Test
    void xmlWithEntitiesOrTooDeepIsRefused() {
        assertRefused("application/xml", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>",
                400, "DOCTYPE");
        assertRefused("application/xml", "<!DOCTYPE r [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]><r>&b;</r>", 400, "DOCTYPE");
        assertRefused("application/xml", "<a><b><c><d><e><f>deep</f></e></d></c></b></a>", 400, "max_xml_depth (5)");
        assertRefused("application/xml", "<a><b></a>", 400, "malformed XML");
        assertThat(normalize("application/soap+xml", "<a><b><c><d><e>ok</e></d></c></b></a>")).isNotNull();
    }

    @Test
    void csvBecomesRowsWithFormulasNeutralized() {
        JsonNode rows = normalize("text/csv", "name,amount,formula\nDoe,-5,=SUM(A1:A2)\n\"Roe, R\",7,@cmd\n");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("amount").asText()).isEqualTo("'-5");
        assertThat(rows.get(0).get("formula").asText()).isEqualTo("'=SUM(A1:A2)");
        assertThat(rows.get(1).get("name").asText()).isEqualTo("Roe, R");
        assertThat(rows.get(1).get("formula").asText()).isEqualTo("'@cmd");
        assertRefused("text/csv", "a\n1\n2\n3\n4\n", 413, "max_csv_rows (3)");
        assertRefused("text/csv", "a,b\n1\n", 400, "has 1 fields");
        assertRefused("text/csv", "a,b\n\"unterminated,1\n", 400, "malformed CSV");
    }

    @Test
    void formsBecomeFlatObjectsWithArrays() {
        JsonNode form = normalize("application/x-www-form-urlencoded", "name=Doe%5EJohn&tag=a&tag=b&ids[]=1&empty");

        assertThat(form.get("name").asText()).isEqualTo("Doe^John");
        assertThat(form.get("tag")).hasSize(2);
        assertThat(form.get("ids").isArray()).isTrue();
        assertThat(form.get("ids").get(0).asText()).isEqualTo("1");
        assertThat(form.get("empty").asText()).isEmpty();
        assertRefused("application/x-www-form-urlencoded", "a=1&b=2&c=3&d=4&e=5&f=6", 413, "max_form_fields (5)");
        assertRefused("application/x-www-form-urlencoded", "a=%zz", 400, "malformed percent-encoding");
    }

    @Test
    void multipartListsFieldsAndHashesFiles() {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"patient\"\r\n\r\nDoe\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"scan\"; filename=\"a.dcm\"\r\n"
                + "Content-Type: application/dicom\r\n\r\n\r\n--XyBinary\r\r\ncontent\r\n--XyZ--\r\n";

        JsonNode multipart = normalize("multipart/form-data; boundary=XyZ", body);

        assertThat(multipart.get("fields").get("patient").asText()).isEqualTo("Doe");
        JsonNode file = multipart.get("files").get(0);
        assertThat(file.get("field").asText()).isEqualTo("scan");
        assertThat(file.get("filename").asText()).isEqualTo("a.dcm");
        assertThat(file.get("content_type").asText()).isEqualTo("application/dicom");
        String content = "\r\n--XyBinary\r\r\ncontent";
        assertThat(file.get("size").asLong()).isEqualTo(content.length());
        assertThat(file.get("sha256").asText()).isEqualTo(sha256(content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void multipartWithoutBoundaryTruncatedOrWithTooManyFilesIsRefused() {
        assertRefused("multipart/form-data", "--a\r\n\r\n", 400, "without a boundary");
        assertRefused("multipart/form-data; boundary=b",
                "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nunterminated", 400, "truncated");
        StringBuilder three = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            three.append("--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"").append(i)
                    .append(".txt\"\r\n\r\nx\r\n");
        }
        assertRefused("multipart/form-data; boundary=b", three + "--b--\r\n", 413, "max_multipart_files (2)");
    }

    @Test
    void binaryIsDescribedAndSpooledOffTheHeapAboveTheThreshold() throws IOException {
        byte[] bytes = new byte[Spooler.IN_MEMORY + 1000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        RequestEnvelope request = request("application/pdf", bytes);

        normalizer(1 << 20).normalize(request);

        JsonNode described = request.normalized().orElseThrow();
        assertThat(described.get("size").asLong()).isEqualTo(bytes.length);
        assertThat(described.get("sha256").asText()).isEqualTo(sha256(bytes));
        assertThat(request.body().isBuffered()).isFalse();
        assertThat(request.body().isRepeatable()).isTrue();
        try (InputStream first = request.body().open(); InputStream second = request.body().open()) {
            assertThat(first.readAllBytes()).isEqualTo(bytes);
            assertThat(second.readAllBytes()).isEqualTo(bytes);
        }
        try (var files = Files.list(spool)) {
            assertThat(files.count()).isEqualTo(1);
        }
        request.body().discard();
        try (var files = Files.list(spool)) {
            assertThat(files.count()).isZero();
        }
    }

    @Test
    void otherMediaTypesAreDescribedWithoutHash() {
        JsonNode described = normalize("application/hl7-v2", "MSH|^~\\&|");

        assertThat(described.get("content_type").asText()).isEqualTo("application/hl7-v2");
        assertThat(described.get("size").asLong()).isEqualTo(9);
        assertThat(described.has("sha256")).isFalse();
    }

    @Test
    void charsetsAreHonouredAndUnknownOnesAre415() {
        byte[] latin1 = "{\"name\":\"M\u00fcller\"}".getBytes(StandardCharsets.ISO_8859_1);
        RequestEnvelope request = request("application/json; charset=ISO-8859-1", latin1);
        normalizer(1 << 20).normalize(request);
        assertThat(request.normalized().orElseThrow().get("name").asText()).isEqualTo("M\u00fcller");

        assertRefused("text/csv; charset=klingon-8", "a\n1\n", 415, "unsupported charset 'klingon-8'");
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413WithoutReading() {
        InputStream never = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("must not be read");
            }
        };
        RequestEnvelope request = RequestEnvelope.builder("x", "POST", "/").header("Content-Type", "image/png")
                .body(Body.stream(never, 2048)).build();

        assertThatThrownBy(() -> normalizer(1024).normalize(request))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.type().httpStatus()).isEqualTo(413));
    }

    @Test
    void anUndeclaredLengthIsCutOffOneByteOverTheLimit() {
        for (String type : new String[] {"application/json", "application/octet-stream", "text/csv",
                "multipart/form-data; boundary=b"}) {
            RequestEnvelope request = request(type, new byte[1025]);
            assertThatThrownBy(() -> normalizer(1024).normalize(request)).as(type)
                    .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.type().httpStatus()).isEqualTo(413));
        }
    }

    private static String sha256(byte[] bytes) {
        MessageDigest digest = Spooler.sha256();
        return HexFormat.of().formatHex(digest.digest(bytes));
    }
}
