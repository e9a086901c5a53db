package org.harmonyee.services.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Headers;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.health.HealthSettings;
import org.harmonyee.core.health.Strategy;
import org.harmonyee.core.health.Target;
import org.harmonyee.core.health.TargetPool;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The FHIR server's base URL becomes the gateway's public one, as the client addressed it. */
class ServerUrlRewriterTest {

    private static final String SERVER = "http://fhir.internal:8080/fhir";
    private static final String GATEWAY = "https://gw.example.org:8443/ehr/fhir";
    private static final long BOUND = 64 * 1024;

    private static ServerUrlRewriter rewriter(long bound, String... serverBases) {
        List<Target> targets = Arrays.stream(serverBases).map(base -> new Target(base, URI.create(base), 1,
                HealthSettings.passive(), null)).toList();
        TargetPool pool = new TargetPool("fhir", targets, Strategy.FAILOVER, 0, Duration.ZERO, Clock.systemUTC());
        return new ServerUrlRewriter(pool, bound);
    }

    private static ServerUrlRewriter rewriter() {
        return rewriter(BOUND, SERVER + "/");
    }

    /** GET /ehr/fhir/Patient through the endpoint at /ehr/fhir, over https to gw.example.org:8443. */
    private static RequestEnvelope request() {
        RequestEnvelope request = RequestEnvelope.builder("x", "GET", "/ehr/fhir/Patient").path("/Patient")
                .header("Host", "gw.example.org:8443").build();
        request.metadata().put("scheme", "https");
        return request;
    }

    private static ResponseEnvelope fhirJson(int status, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return new ResponseEnvelope(status, new Headers().set("Content-Type", "application/fhir+json;charset=utf-8")
                .set("Content-Length", String.valueOf(bytes.length)), Body.stream(new ByteArrayInputStream(bytes), bytes.length));
    }

    private static JsonNode body(ResponseEnvelope response) throws IOException {
        return Json.parse(response.body().bytes());
    }

    private static String searchset(String base) {
        return """
                {"resourceType":"Bundle","type":"searchset",
                 "link":[{"relation":"self","url":"%1$s/Patient?name=doe"},
                         {"relation":"next","url":"%1$s?_getpages=4f1c&_getpagesoffset=20"}],
                 "entry":[{"fullUrl":"%1$s/Patient/1","resource":{"resourceType":"Patient","id":"1"},
                           "response":{"status":"200 OK","location":"%1$s/Patient/1/_history/3"}},
                          {"fullUrl":"%1$s","search":{"mode":"match"}}]}""".formatted(base);
    }

    @Test
    void bundleLinksFullUrlsAndEntryLocationsLeadBackThroughTheGateway() throws IOException {
        ResponseEnvelope response = fhirJson(200, searchset(SERVER));

        rewriter().rewrite(request(), response);

        JsonNode bundle = body(response);
        assertThat(bundle.get("link").findValuesAsText("url")).containsExactly(
                GATEWAY + "/Patient?name=doe", GATEWAY + "?_getpages=4f1c&_getpagesoffset=20");
        assertThat(bundle.get("entry").findValuesAsText("fullUrl")).containsExactly(GATEWAY + "/Patient/1", GATEWAY);
        assertThat(bundle.at("/entry/0/response/location").asText()).isEqualTo(GATEWAY + "/Patient/1/_history/3");
        assertThat(bundle.at("/entry/0/resource/id").asText()).isEqualTo("1");
    }

    @Test
    void aRewrittenBundleDropsTheStaleLengthAndIsTheUnchangedJsonView() throws IOException {
        ResponseEnvelope response = fhirJson(200, searchset(SERVER));

        rewriter().rewrite(request(), response);

        assertThat(response.headers().contains("Content-Length")).isFalse();
        assertThat(response.body().isRepeatable()).isTrue();
        assertThat(response.normalized()).contains(body(response));
        assertThat(response.normalizedChanged()).isFalse();
    }

    @Test
    void locationHeadersLeadBackThroughTheGateway() {
        ResponseEnvelope response = new ResponseEnvelope(201, new Headers()
                .set("Location", SERVER + "/Patient/9/_history/1")
                .set("Content-Location", SERVER + "/Patient/9"), Body.empty());

        rewriter().rewrite(request(), response);

        assertThat(response.headers().all("Location")).containsExactly(GATEWAY + "/Patient/9/_history/1");
        assertThat(response.headers().all("Content-Location")).containsExactly(GATEWAY + "/Patient/9");
    }

    @Test
    void urlsOfOtherHostsAndLookAlikePathsAreLeftAlone() throws IOException {
        String json = """
                {"resourceType":"Bundle","type":"collection",
                 "link":[{"relation":"self","url":"http://other.example/fhir/Patient?name=doe"},
                         {"relation":"next","url":"%s-archive/Patient?page=2"}],
                 "entry":[{"fullUrl":"urn:uuid:7d3c0a1e-5f2b-4c8e-9a61-0b3e2f4d5c6a"},
                          {"fullUrl":"https://fhir.internal:8080/fhir/Patient/2"}]}""".formatted(SERVER);
        ResponseEnvelope response = fhirJson(200, json);
        response.headers().set("Location", "http://other.example/fhir/Patient/9");

        rewriter().rewrite(request(), response);

        assertThat(body(response)).isEqualTo(Json.parse(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.headers().first("Location")).contains("http://other.example/fhir/Patient/9");
    }

    @Test
    void aResourceThatIsNotABundleKeepsItsBytesExactly() throws IOException {
        String patient = "{ \"resourceType\" : \"Patient\", \"id\" : \"1\",\n"
                + "  \"link\" : [ { \"url\" : \"" + SERVER + "/Patient/2\" } ] }";
        ResponseEnvelope response = fhirJson(200, patient);
        response.headers().set("Content-Location", SERVER + "/Patient/1");

        rewriter().rewrite(request(), response);

        assertThat(new String(response.body().bytes(), StandardCharsets.UTF_8)).isEqualTo(patient);
        assertThat(response.headers().first("Content-Length")).isPresent();
        assertThat(response.headers().first("Content-Location")).contains(GATEWAY + "/Patient/1");
        assertThat(response.normalized().orElseThrow().get("id").asText()).isEqualTo("1");
    }

    @Test
    void anXmlBundleIsLeftAlone() {
        byte[] xml = ("<Bundle xmlns=\"http://hl7.org/fhir\"><link><relation value=\"self\"/><url value=\""
                + SERVER + "/Patient\"/></link></Bundle>").getBytes(StandardCharsets.UTF_8);
        ResponseEnvelope response = new ResponseEnvelope(200,
                new Headers().set("Content-Type", "application/fhir+xml"), Body.of(xml));

        rewriter().rewrite(request(), response);

        assertThat(response.body().bytes()).isEqualTo(xml);
    }

    @Test
    void anEncodedBodyIsNotReadButItsHeadersAreRewritten() {
        byte[] gzip = {0x1f, (byte) 0x8b, 8, 0, 0, 0};
        ResponseEnvelope response = new ResponseEnvelope(200, new Headers()
                .set("Content-Type", "application/fhir+json").set("Content-Encoding", "gzip")
                .set("Content-Location", SERVER + "/Patient?page=2"), Body.stream(new ByteArrayInputStream(gzip), -1));

        rewriter().rewrite(request(), response);

        assertThat(response.body().isRepeatable()).as("still the unread stream").isFalse();
        assertThat(response.body().bytes()).isEqualTo(gzip);
        assertThat(response.headers().first("Content-Location")).contains(GATEWAY + "/Patient?page=2");
    }

    @Test
    void withoutAHostHeaderNothingIsRewritten() {
        RequestEnvelope noHost = RequestEnvelope.builder("x", "GET", "/ehr/fhir/Patient").path("/Patient").build();
        String json = searchset(SERVER);
        ResponseEnvelope response = fhirJson(200, json);
        response.headers().set("Location", SERVER + "/Patient/1");

        rewriter().rewrite(noHost, response);

        assertThat(new String(response.body().bytes(), StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(response.headers().first("Location")).contains(SERVER + "/Patient/1");
    }

    @Test
    void plainHttpIsAssumedWhenTheDoorNamesNoSchemeAndARootPrefixAddsNoPath() throws IOException {
        RequestEnvelope request = RequestEnvelope.builder("x", "GET", "/Patient").path("/Patient")
                .header("Host", "gw.local").build();
        ResponseEnvelope response = fhirJson(200, searchset(SERVER));

        rewriter().rewrite(request, response);

        assertThat(body(response).at("/link/0/url").asText()).isEqualTo("http://gw.local/Patient?name=doe");
    }

    @Test
    void everyTargetOfThePoolIsRecognised() throws IOException {
        String replica = "http://fhir-replica.internal:8080/fhir";
        ResponseEnvelope response = fhirJson(200, searchset(replica));

        rewriter(BOUND, SERVER, replica).rewrite(request(), response);

        assertThat(body(response).at("/entry/0/fullUrl").asText()).isEqualTo(GATEWAY + "/Patient/1");
    }

    @Test
    void aBundleExactlyAtTheBoundIsRewritten() throws IOException {
        String json = searchset(SERVER);
        long size = json.getBytes(StandardCharsets.UTF_8).length;
        ResponseEnvelope response = fhirJson(200, json);

        rewriter(size, SERVER).rewrite(request(), response);

        assertThat(body(response).at("/link/0/url").asText()).isEqualTo(GATEWAY + "/Patient?name=doe");
    }

    @Test
    void aResourceLargerThanTheBoundStreamsOnUntouchedWithItsLocationRewritten() throws IOException {
        String json = searchset(SERVER);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ResponseEnvelope declared = fhirJson(200, json);
        declared.headers().set("Location", SERVER + "/Patient/1");
        ResponseEnvelope unknownLength = new ResponseEnvelope(200, new Headers().set("Content-Type",
                "application/fhir+json"), Body.stream(new ByteArrayInputStream(bytes), -1));

        rewriter(bytes.length - 1, SERVER).rewrite(request(), declared);
        rewriter(bytes.length - 1, SERVER).rewrite(request(), unknownLength);

        assertThat(declared.body().bytes()).isEqualTo(bytes);
        assertThat(declared.headers().first("Location")).contains(GATEWAY + "/Patient/1");
        assertThat(unknownLength.body().bytes()).as("the bytes read to find out are sent on first").isEqualTo(bytes);
    }
}
