package org.harmonyee.it;

import io.restassured.response.Response;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each hostile or broken body against a running gateway with the default content limits: the exact
 * status and problem type, nothing forwarded, and the gateway still answering afterwards.
 */
@ExtendWith(ArquillianExtension.class)
class BadInputCatalogueIT {

    private static final int MAX_BODY = 10 * 1024 * 1024;

    private static UpstreamServer upstream;

    @Deployment(testable = false)
    static Archive<?> gateway() {
        return Deployments.gateway();
    }

    @BeforeAll
    static void startUpstream() throws IOException {
        upstream = UpstreamServer.start();
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
    }

    @AfterEach
    void gatewayStillAnswers() {
        assertThat(given().get(Gateway.publicUrl() + "/echo/health").statusCode()).isEqualTo(200);
    }

    private static Response post(String contentType, String body) {
        return given().contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .post(Gateway.publicUrl() + "/strict");
    }

    @Test
    void xxeWithAFileEntityIsRefused() {
        Response response = post("application/xml",
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>");

        HttpPipelineIT.assertProblem(response, 400, "malformed-request");
        assertThat(response.asString()).contains("DOCTYPE").doesNotContain("root:");
    }

    @Test
    void xxeWithAUrlEntityIsRefusedAndNothingIsFetched() {
        String entity = "http://127.0.0.1:" + Gateway.port("IT_UPSTREAM_PORT") + "/up/entity";
        HttpPipelineIT.assertProblem(post("text/xml", "<!DOCTYPE r [<!ENTITY x SYSTEM \"" + entity + "\">]><r>&x;</r>"),
                400, "malformed-request");
        HttpPipelineIT.assertProblem(post("text/xml", "<!DOCTYPE r SYSTEM \"" + entity + "\"><r/>"),
                400, "malformed-request");
        assertThat(upstream.entityFetches()).isZero();
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        HttpPipelineIT.assertProblem(post("application/xml", dtd + "]><lolz>&lol9;</lolz>"), 400, "malformed-request");
    }

    @Test
    void xmlDeeperThanTheLimitIsRefused() {
        String deep = "<e>".repeat(101) + "</e>".repeat(101);
        Response response = post("application/xml", deep);

        HttpPipelineIT.assertProblem(response, 400, "malformed-request");
        assertThat(response.jsonPath().getString("detail")).contains("max_xml_depth (100)");
        assertThat(post("application/xml", "<e>".repeat(100) + "</e>".repeat(100)).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedXmlJsonAndCsvAreBadRequests() {
        HttpPipelineIT.assertProblem(post("application/xml", "<a><b></a>"), 400, "malformed-request");
        HttpPipelineIT.assertProblem(post("application/json", "{\"a\": [1, 2"), 400, "malformed-request");
        HttpPipelineIT.assertProblem(post("text/csv", "a,b\n\"open,1\n"), 400, "malformed-request");
    }

    @Test
    void csvOverTheRowLimitIsTooLarge() {
        Response response = post("text/csv", "id\n" + "1\n".repeat(10_001));

        HttpPipelineIT.assertProblem(response, 413, "payload-too-large");
        assertThat(response.jsonPath().getString("detail")).contains("max_csv_rows (10000)");
        assertThat(post("text/csv", "id\n" + "1\n".repeat(10_000)).statusCode()).isEqualTo(200);
    }

    @Test
    void formulaCellsAreNeutralized() {
        Response response = post("text/csv", "name,cmd\nDoe,=HYPERLINK(\"http://x\")\nRoe,+1\n");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("body[0].cmd")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(response.jsonPath().getString("body[1].cmd")).isEqualTo("'+1");
    }

    @Test
    void elevenFilesAreTooMany() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            body.append("--b0undary\r\nContent-Disposition: form-data; name=\"file").append(i)
                    .append("\"; filename=\"f").append(i).append(".txt\"\r\nContent-Type: text/plain\r\n\r\nx\r\n");
        }
        Response response = post("multipart/form-data; boundary=b0undary", body + "--b0undary--\r\n");

        HttpPipelineIT.assertProblem(response, 413, "payload-too-large");
        assertThat(response.jsonPath().getString("detail")).contains("max_multipart_files (10)");
    }

    @Test
    void aThousandAndOneFormFieldsAreTooMany() {
        StringBuilder form = new StringBuilder("f0=0");
        for (int i = 1; i < 1001; i++) {
            form.append("&f").append(i).append('=').append(i);
        }
        Response response = given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .body(form.toString()).post(Gateway.publicUrl() + "/strict");

        HttpPipelineIT.assertProblem(response, 413, "payload-too-large");
        assertThat(response.jsonPath().getString("detail")).contains("max_form_fields (1000)");
    }

    @Test
    void oneByteOverMaxBodySizeIsTooLargeWithContentLength() {
        Response response = given().contentType("application/octet-stream").body(new byte[MAX_BODY + 1])
                .post(Gateway.publicUrl() + "/strict");

        HttpPipelineIT.assertProblem(response, 413, "payload-too-large");
    }

    @Test
    void oneByteOverMaxBodySizeIsTooLargeChunked() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Gateway.publicUrl() + "/strict"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Zeros(MAX_BODY + 1)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("urn:harmonyee:problem:payload-too-large");
    }

    @Test
    void anUnknownCharsetIsUnsupported() {
        HttpPipelineIT.assertProblem(post("text/csv; charset=x-unknown-8", "a\n1\n"), 415, "unsupported-media-type");
    }

    @Test
    void multipartWithoutBoundaryIsABadRequest() {
        HttpPipelineIT.assertProblem(post("multipart/form-data", "--x\r\n\r\n--x--"), 400, "malformed-request");
    }

    /** Bytes of zero, as a stream of a given length (sent chunked). */
    private static final class Zeros extends InputStream {
        private long remaining;

        Zeros(long length) {
            this.remaining = length;
        }

        @Override
        public int read() {
            return remaining-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
            remaining -= n;
            return n;
        }
    }
}
