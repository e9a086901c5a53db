package org.harmonyee.it.launcher;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One gateway with its heap capped at 256 MB for every test that passes something large through
 * it: launched by the first test that asks for it, kept for the rest of the run, stopped when the
 * run ends. Its PACS is the toolkit's folder archive serving the {@link LargeStudy} (1 GiB), its
 * pipelines: {@code jmix} (JMIX packages built from the PACS), {@code dicomweb} (the DICOMweb bridge to
 * the PACS under {@code /dicom-web}) and {@code big} (an HTTP passthrough to {@link #upstreamPort()},
 * where a test starts its own upstream) on network {@code public}, and the
 * DICOM router {@value #ROUTER_AET} to the PACS on network {@code imaging}. A test takes it as a
 * parameter ({@code @ExtendWith(LargeStudyGateway.Shared.class)}); a new case is a new method, a new
 * route a pipeline file in {@link #writeConfig}. Its console holds every earlier test's exchanges
 * too: a test that finds no OutOfMemoryError there has checked the whole run so far.
 */
final class LargeStudyGateway implements AutoCloseable {

    static final String ROUTER_AET = "BIG_ROUTER";

    private final Path directory;
    private final int httpPort = LaunchedGateway.freePort();
    private final int dicomPort = LaunchedGateway.freePort();
    private final int upstreamPort = LaunchedGateway.freePort();
    private LargeStudy pacs;
    private LaunchedGateway gateway;

    private LargeStudyGateway(Path directory) throws IOException {
        this.directory = directory;
    }

    private static LargeStudyGateway launch() throws Exception {
        LargeStudyGateway large = new LargeStudyGateway(Files.createTempDirectory("harmony-large-study-"));
        try {
            large.pacs = LargeStudy.serve(large.directory.resolve("pacs"));
            large.gateway = LaunchedGateway.start(large.writeConfig(), large.directory.resolve("state"),
                    Map.of("HARMONY_JAVA_OPTS", "-Xmx256m"));
            // "Harmony EE ready" also waits for the DICOM listener to answer an A-ASSOCIATE.
            large.gateway.readUntil("Harmony EE ready", LaunchedGateway.STARTUP);
            return large;
        } catch (Exception | AssertionError e) {
            large.close();
            throw e;
        }
    }

    /** The study the PACS serves. */
    LargeStudy pacs() {
        return pacs;
    }

    /** {@code http://127.0.0.1:PORT} + {@code path} on network {@code public}. */
    URI http(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    /** The DICOM router's port on network {@code imaging}. */
    int dicomPort() {
        return dicomPort;
    }

    /** Where pipeline {@code big} sends its requests: the test that uses it listens there. */
    int upstreamPort() {
        return upstreamPort;
    }

    /** Every line the gateway's console has shown since it was launched. */
    List<String> console() {
        return gateway.console();
    }

    @Override
    public void close() throws Exception {
        try {
            if (gateway != null) {
                gateway.close();
            }
        } finally {
            if (pacs != null) {
                pacs.close();
            }
            Launches.delete(directory);
        }
    }

    private Path writeConfig() throws IOException {
        Path pipelines = Files.createDirectories(directory.resolve("pipelines"));
        Files.writeString(pipelines.resolve("pacs.toml"), """
                [backends.pacs]
                service = "dicom"
                aet = "%s"
                host = "127.0.0.1"
                port = %d
                local_aet = "BIG_GATEWAY"
                dimse_timeout_ms = 120000
                """.formatted(LargeStudy.PACS_AET, pacs.port()));
        Files.writeString(pipelines.resolve("jmix.toml"), """
                [pipelines.jmix]
                networks = ["public"]
                endpoints = ["jmix_http"]
                middleware = ["builder"]
                backends = ["pacs"]
                [endpoints.jmix_http]
                service = "jmix"
                path_prefix = "/jmix"
                [middleware.builder]
                type = "jmix_builder"
                """);
        Files.writeString(pipelines.resolve("router.toml"), """
                [pipelines.router]
                networks = ["imaging"]
                endpoints = ["router_scp"]
                backends = ["pacs"]
                [endpoints.router_scp]
                service = "dicom"
                local_aet = "%s"
                """.formatted(ROUTER_AET));
        Files.writeString(pipelines.resolve("dicomweb.toml"), """
                [pipelines.dicomweb]
                networks = ["public"]
                endpoints = ["dicomweb"]
                middleware = ["bridge"]
                backends = ["pacs"]
                [endpoints.dicomweb]
                service = "dicomweb"
                [endpoints.dicomweb.options]
                path_prefix = "/dicom-web"
                [middleware.bridge]
                type = "dicomweb_bridge"
                """);
        Files.writeString(pipelines.resolve("big.toml"), """
                [pipelines.big]
                networks = ["public"]
                endpoints = ["big_http"]
                backends = ["upstream"]
                [endpoints.big_http]
                service = "http"
                path_prefix = "/big"
                max_body_size = 2147483648
                [backends.upstream]
                service = "http"
                base_url = "http://127.0.0.1:%d"
                read_timeout_ms = 120000
                """.formatted(upstreamPort));
        return Files.writeString(directory.resolve("config.toml"), """
                [proxy]
                id = "large-study-test"
                pipelines_path = "pipelines"
                [network.public.http]
                bind_address = "127.0.0.1"
                bind_port = %d
                [network.imaging.dicom]
                bind_address = "127.0.0.1"
                bind_port = %d
                aet = "%s"
                [storage.options]
                path = "storage"
                """.formatted(httpPort, dicomPort, ROUTER_AET));
    }

    /** Resolves a test's {@link LargeStudyGateway} parameter: the run's one, launched on first use. */
    static final class Shared implements ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Shared.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == LargeStudyGateway.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(LargeStudyGateway.class, key -> {
                try {
                    return launch();
                } catch (Exception e) {
                    throw new IllegalStateException("the large-study gateway did not start", e);
                }
            }, LargeStudyGateway.class);
        }
    }
}
