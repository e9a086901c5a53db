package org.harmonyee.it;

import io.restassured.response.Response;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The FHIR endpoint and backend against a real HAPI FHIR server, through the deployed gateway. */
@ExtendWith(ArquillianExtension.class)
class FhirIT {

    private static FhirServer server;

    @Deployment(testable = false)
    static Archive<?> gateway() {
        return Deployments.gateway();
    }

    @BeforeAll
    static void startFhirServer() throws Exception {
        server = FhirServer.start();
    }

    @AfterAll
    static void stopFhirServer() throws Exception {
        server.close();
    }

    private static String fhir() {
        return Gateway.publicUrl() + "/fhir";
    }

    private static Response create(String family, String identifier) {
        String patient = "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"urn:test\",\"value\":\"" + identifier
                + "\"}],\"name\":[{\"family\":\"" + family + "\",\"given\":[\"Ann\"]}]}";
        return given().contentType("application/fhir+json").body(patient).post(fhir() + "/Patient");
    }

    @Test
    void createAndReadThroughTheGateway() {
        Response created = create("Created", "c-1");

        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.header("Location");
        assertThat(location).startsWith(fhir() + "/Patient/");
        String id = location.substring((fhir() + "/Patient/").length()).split("/")[0];

        Response read = given().get(fhir() + "/Patient/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.contentType()).startsWith("application/fhir+json");
        assertThat(read.jsonPath().getString("name[0].family")).isEqualTo("Created");

        Response xml = given().get(fhir() + "/Patient/" + id + "?_format=xml");
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.contentType()).startsWith("application/fhir+xml");
        assertThat(xml.asString()).contains("<family value=\"Created\"");
    }

    @Test
    void searchPagesThroughTheGateway() {
        for (int i = 0; i < 12; i++) {
            assertThat(create("Paging", "p-" + i).statusCode()).isEqualTo(201);
        }
        Set<String> ids = new HashSet<>();
        String next = fhir() + "/Patient?family=Paging&_count=5";
        int pages = 0;
        while (next != null) {
            Response page = given().urlEncodingEnabled(false).get(next);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.jsonPath().getString("resourceType")).isEqualTo("Bundle");
            page.jsonPath().getList("entry.resource.id", String.class).forEach(ids::add);
            List<Map<String, String>> links = page.jsonPath().getList("link");
            links.forEach(link -> assertThat(link.get("url")).as(link.get("relation")).startsWith(fhir()));
            page.jsonPath().getList("entry.fullUrl", String.class)
                    .forEach(fullUrl -> assertThat(fullUrl).startsWith(fhir() + "/Patient/"));
            next = links.stream().filter(link -> link.get("relation").equals("next")).map(link -> link.get("url"))
                    .findFirst().orElse(null);
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(12);
    }

    @Test
    void conditionalCreateFindsTheExistingResource() {
        String patient = "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"urn:test\",\"value\":\"once\"}]}";
        Response first = given().contentType("application/fhir+json").header("If-None-Exist", "identifier=urn:test|once")
                .body(patient).post(fhir() + "/Patient");
        Response second = given().contentType("application/fhir+json").header("If-None-Exist", "identifier=urn:test|once")
                .body(patient).post(fhir() + "/Patient");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
    }

    @Test
    void errorsAreOperationOutcomes() {
        Response missing = given().get(fhir() + "/Patient/999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");

        Response notFhir = given().contentType("text/plain").body("hello").post(fhir() + "/Patient");
        assertThat(notFhir.statusCode()).isEqualTo(415);
        assertThat(notFhir.contentType()).startsWith("application/fhir+json");
        assertThat(notFhir.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");
        assertThat(notFhir.jsonPath().getString("issue[0].code")).isEqualTo("not-supported");

        Response down = given().get(Gateway.publicUrl() + "/fhirdown/Patient/1");
        assertThat(down.statusCode()).isEqualTo(502);
        assertThat(down.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");
        assertThat(down.jsonPath().getString("issue[0].code")).isEqualTo("transient");
        assertThat(down.jsonPath().getString("issue[0].diagnostics")).contains("unreachable");

        Response badFormat = given().get(fhir() + "/Patient/1?_format=yaml");
        assertThat(badFormat.statusCode()).isEqualTo(415);
        assertThat(badFormat.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");
    }
}
