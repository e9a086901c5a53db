package org.harmonyee.middleware.transform;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.config.ConfigException;
import org.harmonyee.core.config.LogRecorder;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.middleware.ShippedTransforms;
import org.harmonyee.middleware.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** transform and metadata_transform with the shipped specs, through the core's executor. */
class JoltTransformTest {

    private static final String PATIENT = """
            {"id":"123","mrn":"MRN-1","first_name":"Ann","last_name":"Doe","birth_date":"1970-01-01",
             "gender":"F","phone":"555-0100"}""";

    @TempDir
    Path directory;

    private TestGateway gateway;

    @AfterEach
    void stop() {
        gateway.close();
    }

    private TestGateway start(String middlewareTables, String chain) {
        gateway = ShippedTransforms.copyInto(new TestGateway(directory));
        return gateway.start(TestGateway.echoPipeline(chain) + middlewareTables);
    }

    @Test
    void leftTransformReshapesTheRequestTheBackendReceives() {
        start("""
                [middleware.to_fhir]
                type = "transform"
                [middleware.to_fhir.options]
                spec_path = "patient_to_fhir.json"
                apply = "left"
                """, "\"to_fhir\"");

        JsonNode patient = TestGateway.json(gateway.postJson("/patients", PATIENT)).get("body");

        assertThat(patient.get("resourceType").asText()).isEqualTo("Patient");
        assertThat(patient.get("id").asText()).isEqualTo("123");
        assertThat(patient.at("/identifier/0/value").asText()).isEqualTo("MRN-1");
        assertThat(patient.at("/identifier/0/system").asText()).isEqualTo("urn:oid:1.2.36.146.595.217.0.1");
        assertThat(patient.at("/name/0/family").asText()).isEqualTo("DOE");
        assertThat(patient.at("/name/0/given").isArray()).isTrue();
        assertThat(patient.at("/name/0/given/0").asText()).isEqualTo("Ann");
        assertThat(patient.get("gender").asText()).isEqualTo("female");
        assertThat(patient.has("telecom")).isFalse();
    }

    @Test
    void rightTransformReshapesTheResponseTheClientReceives() throws Exception {
        HttpServer fhir = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 5);
        fhir.createContext("/", exchange -> {
            byte[] bundle = """
                    {"resourceType":"Bundle","total":2,"entry":[{"resource":{"id":"a"}},{"resource":{"id":"b"}}]}"""
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/fhir+json");
            exchange.getResponseHeaders().set("ETag", "W/\"1\"");
            exchange.sendResponseHeaders(200, bundle.length);
            exchange.getResponseBody().write(bundle);
            exchange.close();
        });
        fhir.start();
        try {
            gateway = ShippedTransforms.copyInto(new TestGateway(directory));
            gateway.start("""
                    [pipelines.p]
                    networks = ["default"]
                    endpoints = ["e"]
                    middleware = ["summary"]
                    backends = ["fhir"]
                    [endpoints.e]
                    service = "http"
                    path_prefix = "/"
                    [backends.fhir]
                    service = "http"
                    base_url = "http://127.0.0.1:%d"
                    [middleware.summary]
                    type = "transform"
                    spec_path = "bundle_summary.json"
                    apply = "right"
                    """.formatted(fhir.getAddress().getPort()));

            ResponseEnvelope response = gateway.get("/Patient");

            assertThat(response.contentType()).contains("application/fhir+json");
            assertThat(response.headers().contains("ETag")).as("the old bytes' ETag is dropped").isFalse();
            JsonNode summary = TestGateway.json(response);
            assertThat(summary.get("source").asText()).isEqualTo("Bundle");
            assertThat(summary.get("count").asInt()).isEqualTo(2);
            assertThat(summary.get("ids")).extracting(JsonNode::asText).containsExactly("a", "b");
        } finally {
            fhir.stop(0);
        }
    }

    @Test
    void aFailingTransformIs500UnlessFailOnErrorIsFalse() {
        gateway = new TestGateway(directory).file("transforms/explode.json",
                "[{\"operation\":\"org.harmonyee.middleware.transform.ExplodingTransform\"}]");
        gateway.start("""
                [pipelines.strict]
                networks = ["default"]
                endpoints = ["strict"]
                middleware = ["strict"]
                backends = ["echo"]
                [pipelines.lenient]
                networks = ["default"]
                endpoints = ["lenient"]
                middleware = ["lenient"]
                backends = ["echo"]
                [endpoints.strict]
                service = "http"
                path_prefix = "/strict"
                [endpoints.lenient]
                service = "http"
                path_prefix = "/lenient"
                [backends.echo]
                service = "echo"
                [middleware.strict]
                type = "transform"
                spec_path = "explode.json"
                [middleware.lenient]
                type = "transform"
                spec_path = "explode.json"
                fail_on_error = false
                """);

        ResponseEnvelope strict = gateway.postJson("/strict", "{\"a\":1}");
        assertThat(strict.status()).isEqualTo(500);
        assertThat(TestGateway.text(strict)).contains("middleware-failure").contains("transform 'strict' failed")
                .doesNotContain("exploded on purpose");

        ResponseEnvelope lenient = gateway.postJson("/lenient", "{\"a\":1}");
        assertThat(lenient.status()).isEqualTo(200);
        assertThat(TestGateway.json(lenient).at("/body/a").asInt()).as("left untransformed").isEqualTo(1);
    }

    @Test
    void bothSidesWithInjectedContext() {
        gateway = new TestGateway(directory).file("transforms/context.json", """
                [{"operation":"shift","spec":{"data":"data.original","context":{"request":{"method":"data.method",
                  "metadata":{"auth.user":"data.user"}},"response":{"status":"data.status"}}}}]""");
        gateway.start("""
                [pipelines.p]
                networks = ["default"]
                endpoints = ["e"]
                middleware = ["ctx"]
                [endpoints.e]
                service = "http"
                path_prefix = "/"
                [middleware.ctx]
                type = "transform"
                spec_path = "context.json"
                apply = "left"
                inject_context = true
                """);
        var request = TestGateway.request("POST", "/x", "{\"a\":1}");
        request.metadata().put("auth.user", "ann");

        gateway.send(request);

        JsonNode transformed = request.normalized().orElseThrow();
        assertThat(transformed.get("method").asText()).isEqualTo("POST");
        assertThat(transformed.get("user").asText()).isEqualTo("ann");
        assertThat(transformed.at("/original/a").asInt()).isEqualTo(1);
    }

    @Test
    void aRustSpecReadsRequestDetailsTargetDetailsAndResponseDetails() {
        gateway = new TestGateway(directory).file("transforms/rust_context.json", """
                [{"operation":"shift","spec":{
                  "data":{"resourceType":"data.resourceType"},
                  "context":{
                    "request_details":{"method":"data.method","uri":"data.uri",
                      "query_params":{"patient":{"0":"data.patient"}},"headers":{"x-site":"data.site"},
                      "cookies":{"session":"data.session"}},
                    "target_details":{"uri":"data.target_uri","method":"data.target_method"},
                    "response_details":{"status":"data.status","headers":{"content-type":"data.type"}}}}}]""");
        gateway.start("""
                [pipelines.p]
                networks = ["default"]
                endpoints = ["e"]
                middleware = ["fhir_to_dicom"]
                backends = ["echo"]
                [endpoints.e]
                service = "http"
                [endpoints.e.options]
                path_prefix = "/fhir"
                [backends.echo]
                service = "echo"
                [middleware.fhir_to_dicom]
                type = "transform"
                [middleware.fhir_to_dicom.options]
                spec_path = "rust_context.json"
                inject_context = true
                """);
        var request = org.harmonyee.core.envelope.RequestEnvelope.builder("t1", "POST", "/fhir/ImagingStudy")
                .rawQuery("patient=PID1").query("patient", java.util.List.of("PID1")).cookie("session", "s1")
                .header("X-Site", "north").header("Content-Type", "application/json")
                .body(org.harmonyee.core.envelope.Body.of("{\"resourceType\":\"ImagingStudy\"}"
                        .getBytes(StandardCharsets.UTF_8))).build();

        ResponseEnvelope response = gateway.send(request);

        JsonNode left = request.normalized().orElseThrow();
        assertThat(left.get("resourceType").asText()).isEqualTo("ImagingStudy");
        assertThat(left.get("method").asText()).isEqualTo("POST");
        assertThat(left.get("uri").asText()).isEqualTo("/fhir/ImagingStudy?patient=PID1");
        assertThat(left.get("patient").asText()).isEqualTo("PID1");
        assertThat(left.get("site").asText()).isEqualTo("north");
        assertThat(left.get("session").asText()).isEqualTo("s1");
        assertThat(left.get("target_uri").asText()).isEqualTo("/ImagingStudy");
        assertThat(left.get("target_method").asText()).isEqualTo("POST");
        assertThat(left.has("status")).as("no response on the request side").isFalse();
        JsonNode right = TestGateway.json(response);
        assertThat(right.get("status").asInt()).isEqualTo(200);
        assertThat(right.get("type").asText()).isEqualTo("application/json");
        assertThat(right.get("uri").asText()).isEqualTo("/fhir/ImagingStudy?patient=PID1");
        assertThat(right.has("target_uri")).as("target_details is the request side's").isFalse();
    }

    @Test
    void metadataTransformTakesTheRustMetadataTargetAndRefusesTargetDetailsSayingWhatToChange() {
        gateway = ShippedTransforms.copyInto(new TestGateway(directory));
        gateway.start("""
                [middleware.meta]
                type = "metadata_transform"
                [middleware.meta.options]
                spec_path = "metadata_set_dimse_op.json"
                transform_target = "metadata"
                """);
        gateway.close();

        gateway = ShippedTransforms.copyInto(new TestGateway(directory));
        assertThatThrownBy(() -> gateway.start("""
                [middleware.query_to_target]
                type = "metadata_transform"
                [middleware.query_to_target.options]
                spec_path = "metadata_set_dimse_op.json"
                transform_target = "target_details"
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("[middleware.query_to_target.options] transform_target: only \"metadata\" is"
                        + " supported, got 'target_details'")
                .hasMessageContaining("write the spec over the metadata object");
    }

    @Test
    void aSpecWrittenForTheRustTargetDetailsChangesNothingAndSaysWhyOnce() {
        gateway = new TestGateway(directory).file("transforms/rust_dimse_op.json", """
                [{"operation":"default","spec":{"metadata":{"dimse_op":"find","query_level":"STUDY"}}}]""");
        gateway.start(TestGateway.echoPipeline("\"meta\"") + """
                [middleware.meta]
                type = "metadata_transform"
                [middleware.meta.options]
                spec_path = "rust_dimse_op.json"
                """);
        try (LogRecorder log = LogRecorder.of(MetadataTransform.class)) {
            JsonNode first = TestGateway.json(gateway.get("/a"));
            gateway.get("/b");

            assertThat(first.at("/metadata/dimse_op").isMissingNode()).isTrue();
            assertThat(log.warnings()).singleElement().asString().contains("metadata_transform 'meta' writes a"
                    + " \"metadata\" object").contains("write the spec over the metadata object");
        }
    }

    @Test
    void anInvalidSpecStopsTheStartup() {
        gateway = new TestGateway(directory).file("transforms/invalid.json", "[{\"operation\":\"java.lang.Object\"}]")
                .file("transforms/notjson.json", "[{");
        assertThatThrownBy(() -> gateway.start("""
                [middleware.bad]
                type = "transform"
                spec_path = "invalid.json"
                [middleware.ugly]
                type = "transform"
                spec_path = "notjson.json"
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("[middleware.bad] spec_path:").hasMessageContaining("not a valid JOLT specification")
                .hasMessageContaining("[middleware.ugly] spec_path:").hasMessageContaining("is not valid JSON");
    }

    @Test
    void badOptionsStopTheStartup() {
        gateway = new TestGateway(directory);
        assertThatThrownBy(() -> gateway.start("""
                [middleware.missing]
                type = "transform"
                spec_path = "nowhere.json"
                [middleware.sideways]
                type = "transform"
                spec_path = "nowhere.json"
                apply = "sideways"
                [middleware.nospec]
                type = "metadata_transform"
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("pipelines/p.toml: [middleware.missing] spec_path: cannot read")
                .hasMessageContaining("pipelines/p.toml: [middleware.sideways] apply: expected one of [both, left, right], got 'sideways'")
                .hasMessageContaining("pipelines/p.toml: [middleware.nospec] spec_path: required, missing");
    }

    @Test
    void withoutApplyATransformRunsOnBothSidesAsInRustHarmony() {
        new TestGateway(directory).file("transforms/mark.json", """
                [{"operation": "default", "spec": {"marked": "yes"}}]""");
        start("""
                [middleware.mark]
                type = "transform"
                spec_path = "mark.json"
                """, "\"mark\"");

        JsonNode response = TestGateway.json(gateway.postJson("/x", "{\"a\":1}"));

        assertThat(response.at("/body/marked").asText()).as("request side").isEqualTo("yes");
        assertThat(response.at("/marked").asText()).as("response side").isEqualTo("yes");
    }

    @Test
    void metadataTransformSetsDimseOpAndKeepsTheRest() {
        start("""
                [middleware.dimse]
                type = "metadata_transform"
                spec_path = "metadata_set_dimse_op.json"
                """, "\"dimse\"");

        var request = TestGateway.request("GET", "/ImagingStudy?patient=123", null);
        request.metadata().put("dimse_op", "get");
        request.metadata().put("patient", "123");

        JsonNode metadata = TestGateway.json(gateway.send(request)).get("metadata");

        assertThat(metadata.get("dimse_op").asText()).as("overwritten").isEqualTo("find");
        assertThat(metadata.get("dimse_query_level").asText()).isEqualTo("STUDY");
        assertThat(metadata.get("patient").asText()).as("kept").isEqualTo("123");
    }
}
