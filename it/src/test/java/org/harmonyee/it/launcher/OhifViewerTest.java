package org.harmonyee.it.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.harmonyee.dicom.net.peers.Orthanc;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The OHIF viewer (3.13.2, its built dist served by nginx from another origin) with the gateway's
 * DICOMweb as its only data source, the gateway launched as a user launches it and bridging to
 * Orthanc's DIMSE holding the test dataset's CT chest study (Orthanc answers Modalities in Study,
 * which OHIF needs to offer a viewer for a study; dcmqrscp leaves it empty); Debian's chromium, driven headless by puppeteer-core
 * ({@code src/test-tools/browser/ohif-view.mjs}), opens the study list, opens the CT chest study
 * in the basic viewer and waits for the viewport to draw. The test asserts on what the page showed
 * (the study's row, a viewport canvas with OHIF's window/level overlay, no request refused) and on
 * the screenshot's pixels inside the viewport (an image: many gray levels, not one flat color, not
 * an error panel), kept as {@code it/target/ohif/ohif-ct-chest.png}. The same gateway and Orthanc
 * serve dicomweb-client, the DICOMweb client library of OHIF and other viewers, run in Node
 * ({@link DicomWebClientRun}). The browser tools are installed by {@code ./harmony test}
 * ({@code src/test-tools/browser/install.sh}).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class OhifViewerTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path BROWSER = ROOT.resolve("src/test-tools/browser");
    private static final Path SCREENSHOT = Path.of("target/ohif/ohif-ct-chest.png").toAbsolutePath();
    private static final String STUDY_DESCRIPTION = "CT CHEST W/O CONTRAST";

    @TempDir
    static Path directory;

    private static final List<AutoCloseable> started = new ArrayList<>();
    private static String ctChestStudy;
    private static int httpPort;
    private static int viewerPort;

    /** Orthanc holding the CT chest study, and the gateway bridging DICOMweb to it: both tests' peers. */
    @BeforeAll
    static void start() throws Exception {
        if (!Files.exists(BROWSER.resolve("ohif/.version")) || !Files.exists(BROWSER.resolve("node_modules/puppeteer-core"))
                || !Files.exists(BROWSER.resolve("node_modules/dicomweb-client"))) {
            fail("the browser test tools are missing: run ./harmony test, or " + BROWSER.resolve("install.sh"));
        }
        Orthanc pacs = Orthanc.start(Files.createDirectories(directory.resolve("pacs")), Map.of("HARMONY", 104));
        started.add(pacs);
        ctChestStudy = storeTheCtChestStudy(pacs);

        httpPort = LaunchedGateway.freePort();
        viewerPort = LaunchedGateway.freePort();
        LaunchedGateway gateway = LaunchedGateway.start(config(pacs.port(), "http://127.0.0.1:" + viewerPort),
                directory.resolve("state"),
                Map.of("HARMONY_HTTP_PORT", Integer.toString(httpPort),
                        "HARMONY_MANAGEMENT_PORT", Integer.toString(LaunchedGateway.freePort()),
                        "HARMONY_STORAGE_PATH", directory.resolve("storage").toString()));
        started.add(gateway);
        gateway.readUntil("Harmony EE started", LaunchedGateway.STARTUP);
        awaitStudies("http://127.0.0.1:" + httpPort + "/dicom-web/studies?limit=1");
    }

    @AfterAll
    static void stop() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    void ohifShowsTheStudyListOpensTheCtStudyAndDrawsItsImage() throws Exception {
        String viewerOrigin = "http://127.0.0.1:" + viewerPort;
        StaticViewer viewer = StaticViewer.start(directory.resolve("viewer"), BROWSER.resolve("ohif"), viewerPort,
                appConfig("http://127.0.0.1:" + httpPort + "/dicom-web"));
        started.add(viewer);

        Files.createDirectories(SCREENSHOT.getParent());
        Files.deleteIfExists(SCREENSHOT);
        Process browser = new ProcessBuilder("node", BROWSER.resolve("ohif-view.mjs").toString(), viewerOrigin,
                STUDY_DESCRIPTION, SCREENSHOT.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(browser.waitFor(5, TimeUnit.MINUTES)).isTrue();
        JsonNode report = new ObjectMapper().readTree(output.lines().reduce((first, last) -> last).orElse("{}"));

        assertThat(report.path("step").asText()).as(output).isEqualTo("done");
        assertThat(browser.exitValue()).isZero();
        assertThat(report.path("studyListRows").asInt()).as("the study list's row of the CT study").isEqualTo(1);
        assertThat(report.path("url").asText()).contains("/viewer").contains("StudyInstanceUIDs=");
        assertThat(report.path("windowLevel").asText()).as("OHIF's overlay of the drawn image")
                .matches("W:\\s*400\\s*L:\\s*40");
        assertThat(report.path("failedRequests")).as("requests the page saw fail").isEmpty();
        assertThat(viewer.accessLog()).contains("GET /app-config.js");

        BufferedImage screenshot = ImageIO.read(SCREENSHOT.toFile());
        JsonNode box = report.path("viewport");
        BufferedImage viewport = screenshot.getSubimage(box.path("x").asInt(), box.path("y").asInt(),
                Math.min(box.path("width").asInt(), screenshot.getWidth() - box.path("x").asInt()),
                Math.min(box.path("height").asInt(), screenshot.getHeight() - box.path("y").asInt()));
        PixelFigures figures = PixelFigures.of(viewport);
        assertThat(figures.grayLevels()).as("distinct gray levels in the viewport: a CT slice, not a flat panel")
                .isGreaterThan(64);
        assertThat(figures.standardDeviation()).as("contrast in the viewport").isGreaterThan(20);
        assertThat(figures.brightShare()).as("share of the viewport brighter than 100: the body, not black")
                .isBetween(0.05, 0.9);
    }

    /**
     * Waits for the DICOMweb door to answer a search with 200. Not "Harmony EE ready": that also waits
     * for /health/ready, whose C-ECHO probe of Orthanc did not come ready within minutes on a CI
     * machine at load ~26 (while searches were answered), which is the readiness check's concern,
     * not the viewer's.
     */
    private static void awaitStudies(String search) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + LaunchedGateway.STARTUP.toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = http.send(HttpRequest.newBuilder(URI.create(search)).header("Accept", "application/dicom+json")
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                return;
            }
            Thread.sleep(500);
        }
        fail(search + " answered " + status + " until the deadline");
    }

    /**
     * dicomweb-client 0.11.3 ({@code src/test-tools/browser/dicomweb-client.mjs}) against the same
     * gateway: its searches find the CT chest study's series and instances, its retrievals are the
     * stored instances, its metadata names every instance, its frames are the Pixel Data, and a
     * study it stores is then held by Orthanc as sent.
     */
    @Test
    void dicomwebClientSearchesRetrievesAndStoresThroughTheGateway() throws Exception {
        DicomWebClientRun.assertSearchRetrieveStore("http://127.0.0.1:" + httpPort + "/dicom-web", ctChestStudy,
                BROWSER.resolve("dicomweb-client.mjs"), Files.createDirectories(directory.resolve("dicomweb-client")));
    }

    /** Stores the CT chest study and answers its Study Instance UID. */
    private static String storeTheCtChestStudy(Orthanc pacs) throws Exception {
        String study = TestDataset.instances().stream().filter(i -> i.file().toString().contains("/stA/"))
                .findFirst().orElseThrow().studyInstanceUid();
        for (TestDataset.Instance instance : TestDataset.instances()) {
            if (instance.studyInstanceUid().equals(study)) {
                pacs.store(instance.file());
            }
        }
        return study;
    }

    private static Path config(int pacsPort, String viewerOrigin) throws Exception {
        Path folder = Files.createDirectories(directory.resolve("config/pipelines"));
        Files.writeString(folder.resolve("dicomweb.toml"), """
                [pipelines.dicomweb]
                networks = ["default"]
                endpoints = ["web"]
                middleware = ["bridge"]
                backends = ["pacs"]

                [endpoints.web]
                service = "dicomweb"

                [endpoints.web.options]
                path_prefix = "/dicom-web"
                cors_allowed_origins = ["%s"]

                [middleware.bridge]
                type = "dicomweb_bridge"

                [backends.pacs]
                service = "dicom"

                [backends.pacs.options]
                aet = "%s"
                host = "127.0.0.1"
                port = %d
                local_aet = "HARMONY"
                """.formatted(viewerOrigin, Orthanc.AE_TITLE, pacsPort));
        Path config = directory.resolve("config/config.toml");
        Files.writeString(config, Files.readString(ROOT.resolve("examples/dicomweb/config.toml")));
        return config;
    }

    /** OHIF's window.config with the gateway as its one DICOMweb data source. */
    private static String appConfig(String root) {
        return """
                window.config = {
                  routerBasename: null,
                  extensions: [],
                  modes: [],
                  showStudyList: true,
                  maxNumberOfWebWorkers: 2,
                  showWarningMessageForCrossOrigin: false,
                  showCPUFallbackMessage: false,
                  showLoadingIndicator: true,
                  investigationalUseDialog: { option: 'never' },
                  defaultDataSourceName: 'harmony',
                  dataSources: [{
                    namespace: '@ohif/extension-default.dataSourcesModule.dicomweb',
                    sourceName: 'harmony',
                    configuration: {
                      friendlyName: 'Harmony EE',
                      name: 'harmony',
                      wadoUriRoot: '%1$s',
                      qidoRoot: '%1$s',
                      wadoRoot: '%1$s',
                      qidoSupportsIncludeField: true,
                      imageRendering: 'wadors',
                      thumbnailRendering: 'thumbnail',
                      enableStudyLazyLoad: true,
                      supportsFuzzyMatching: false,
                      supportsWildcard: true,
                      bulkDataURI: { enabled: true },
                      omitQuotationForMultipartRequest: false,
                    },
                  }],
                };
                """.formatted(root);
    }

    /** Figures of a screenshot region's luminance. */
    private record PixelFigures(int grayLevels, double standardDeviation, double brightShare) {

        static PixelFigures of(BufferedImage image) {
            boolean[] seen = new boolean[256];
            long count = 0;
            long bright = 0;
            double sum = 0;
            double squares = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    int luminance = (int) Math.round(0.299 * (rgb >> 16 & 0xFF) + 0.587 * (rgb >> 8 & 0xFF)
                            + 0.114 * (rgb & 0xFF));
                    seen[luminance] = true;
                    count++;
                    bright += luminance > 100 ? 1 : 0;
                    sum += luminance;
                    squares += (double) luminance * luminance;
                }
            }
            int levels = 0;
            for (boolean level : seen) {
                levels += level ? 1 : 0;
            }
            double mean = sum / count;
            return new PixelFigures(levels, Math.sqrt(squares / count - mean * mean), (double) bright / count);
        }
    }
}
