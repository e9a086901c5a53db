package org.harmonyee.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JMIX package index lives in the server's database (the default datasource: Payara's H2,
 * WildFly's ExampleDS), not in the deployment: a package built before a redeploy is served by its
 * study after it, with the PACS gone. The package is encrypted, so its zip does not name its
 * study: only the index row written when it was built does. Without that row the gateway would
 * have to build the package again, and the PACS being closed, answer 502.
 */
@ExtendWith(ArquillianExtension.class)
class JmixIndexIT {

    private static final String GATEWAY = "gateway";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ArquillianResource
    private Deployer deployer;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(name = GATEWAY, managed = false, testable = false)
    static Archive<?> gateway() {
        return Deployments.gateway();
    }

    @Test
    void aSealedPackageIsServedByItsStudyAfterARedeployWithThePacsGone() throws Exception {
        String study = TestDataset.instances().get(0).studyInstanceUid();
        deployer.deploy(GATEWAY);
        try {
            HttpResponse<byte[]> built;
            try (TestPacs pacs = TestPacs.start(Gateway.port("IT_PACS_PORT"))) {
                built = byStudy(study);
                assertThat(built.statusCode()).as(new String(built.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            }
            assertThat(entryNames(built.body())).contains("payload.enc").doesNotContain("payload/metadata.json");

            undeploy();
            deployer.deploy(GATEWAY);

            HttpResponse<byte[]> served = byStudy(study);
            assertThat(served.statusCode()).as(new String(served.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            assertThat(served.body()).isEqualTo(built.body());
            HttpResponse<byte[]> manifest = send("/" + packageId(built.body()) + "/manifest");
            assertThat(manifest.statusCode()).isEqualTo(200);
        } finally {
            undeploy();
        }
    }

    /** Undeploys, and waits until the gateway's ports are free again (see {@link GatewayPorts}). */
    private void undeploy() throws InterruptedException {
        deployer.undeploy(GATEWAY);
        GatewayPorts.awaitReleased();
    }

    private HttpResponse<byte[]> byStudy(String study) throws Exception {
        return send("?studyInstanceUid=" + study);
    }

    private HttpResponse<byte[]> send(String pathAndQuery) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(Gateway.publicUrl() + "/jmix-sealed/api/jmix" + pathAndQuery))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<String> entryNames(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static String packageId(byte[] zip) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals("manifest.json")) {
                    return JSON.readTree(in.readAllBytes()).path("id").asText();
                }
            }
        }
        throw new AssertionError("the package has no manifest.json");
    }
}
