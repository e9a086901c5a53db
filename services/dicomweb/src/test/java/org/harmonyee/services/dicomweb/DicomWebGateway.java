package org.harmonyee.services.dicomweb;

import org.harmonyee.core.config.ConfigFixture;
import org.harmonyee.core.content.MediaTypes;
import org.harmonyee.core.content.ResultRendering;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.QueryString;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.pipeline.BackendInvoker;
import org.harmonyee.core.pipeline.PipelineExecutor;
import org.harmonyee.core.runtime.BuildContext;
import org.harmonyee.core.runtime.GatewayAssembler;
import org.harmonyee.core.runtime.GatewayRuntime;
import org.harmonyee.core.runtime.ServiceCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A gateway with one DICOMweb pipeline, assembled from TOML as the server does it: endpoint
 * {@code dicomweb} at {@code /dicom-web}, then by default middleware {@code dicomweb_bridge} and a
 * {@code dicom} backend calling the PACS, or any pipeline given. Requests run through the core's executor; streamed answers are rendered
 * as the HTTP door renders them (multipart/related with the answer's boundary, else a JSON array).
 */
final class DicomWebGateway implements AutoCloseable {

    static final String PREFIX = "/dicom-web";
    /** Middleware {@code auth}: basic_auth of user {@code viewer}, password {@code secret}. */
    static final String BASIC_AUTH = """
            [middleware.auth]
            type = "basic_auth"
            [middleware.auth.options]
            username = "viewer"
            password = "secret"

            """;

    private final PipelineExecutor executor = new PipelineExecutor(BackendInvoker.DIRECT);
    /** The server's scheduler: a backend's timers and its move-mode store SCP need one, as on a server. */
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "dicomweb-gateway-scheduler");
        thread.setDaemon(true);
        return thread;
    });
    private final GatewayRuntime runtime;
    private int exchanges;

    /** An answer as a client receives it. */
    record Answer(int status, ResponseEnvelope response, byte[] body) {

        String header(String name) {
            return response.headers().first(name).orElse(null);
        }

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    DicomWebGateway(Path directory, Executor executor, String pacsAet, int pacsPort, String bridgeOptions) {
        this(directory, executor, pacsAet, pacsPort, bridgeOptions, "", false);
    }

    /**
     * @param endpointOptions TOML lines for the endpoint's options table
     * @param basicAuth       whether {@code basic_auth} (user {@code viewer}, password {@code secret})
     *                        comes before the bridge
     */
    DicomWebGateway(Path directory, Executor executor, String pacsAet, int pacsPort, String bridgeOptions,
                    String endpointOptions, boolean basicAuth) {
        this(directory, executor, bridgePipeline(pacsAet, pacsPort, bridgeOptions, endpointOptions, basicAuth), Map.of());
    }

    /**
     * A gateway with one pipeline file.
     *
     * @param pipeline the pipeline file's TOML (its endpoint at {@link #PREFIX}, on network {@code default})
     * @param files    more files below the configuration's folder (such as {@code transforms/x.json}), by path
     */
    DicomWebGateway(Path directory, Executor executor, String pipeline, Map<String, String> files) {
        ConfigFixture fixture = new ConfigFixture(directory).config(ConfigFixture.BASE + "[storage.options]\npath = \"storage\"\n")
                .pipeline("dicomweb.toml", pipeline);
        files.forEach(fixture::file);
        runtime = new GatewayAssembler(ServiceCatalog.standard(getClass().getClassLoader()),
                new BuildContext(fixture.read(), executor, scheduler, Clock.systemUTC(), "test")).assemble();
    }

    private static String bridgePipeline(String pacsAet, int pacsPort, String bridgeOptions, String endpointOptions,
                                         boolean basicAuth) {
        return pipeline(basicAuth ? "\"auth\", \"bridge\"" : "\"bridge\"", "pacs", endpointOptions, BASIC_AUTH + """
                [middleware.bridge]
                type = "dicomweb_bridge"
                %s

                [backends.pacs]
                service = "dicom"
                [backends.pacs.options]
                aet = "%s"
                host = "127.0.0.1"
                port = %d
                local_aet = "HARMONY"
                """.formatted(bridgeOptions, pacsAet, pacsPort));
    }

    /**
     * A pipeline file: endpoint {@code web} ({@code dicomweb} at {@link #PREFIX}) on network
     * {@code default}, then these middleware and this backend, whose tables follow.
     *
     * @param middleware      the middleware names as a TOML list's inside ({@code "auth", "bridge"})
     * @param endpointOptions more TOML lines of the endpoint's options table
     * @param tables          the middleware and backend tables
     */
    static String pipeline(String middleware, String backend, String endpointOptions, String tables) {
        return """
                [pipelines.dicomweb]
                networks = ["default"]
                endpoints = ["web"]
                middleware = [%s]
                backends = ["%s"]

                [endpoints.web]
                service = "dicomweb"
                [endpoints.web.options]
                path_prefix = "%s"
                %s

                """.formatted(middleware, backend, PREFIX, endpointOptions) + tables;
    }

    Answer get(String pathAndQuery, String... headers) {
        return send("GET", pathAndQuery, headers);
    }

    /** Sends a request under the prefix; {@code headers} are name, value pairs. */
    Answer send(String method, String pathAndQuery, String... headers) {
        return send(method, pathAndQuery, Body.empty(), headers);
    }

    /** POSTs {@code body} under the prefix, streamed as the HTTP door streams a request body. */
    Answer post(String pathAndQuery, Body body, String... headers) {
        return send("POST", pathAndQuery, body, headers);
    }

    private Answer send(String method, String pathAndQuery, Body body, String... headers) {
        ResponseEnvelope response = exchange(method, pathAndQuery, body, headers);
        return new Answer(response.status(), response, read(render(response)));
    }

    /** The response to a request under the prefix, its body not read yet. */
    ResponseEnvelope exchange(String method, String pathAndQuery, Body body, String... headers) {
        String full = PREFIX + pathAndQuery;
        int query = full.indexOf('?');
        String path = query < 0 ? full : full.substring(0, query);
        String rawQuery = query < 0 ? null : full.substring(query + 1);
        RequestEnvelope.Builder builder = RequestEnvelope.builder("web-" + (++exchanges), method, path).rawQuery(rawQuery);
        QueryString.parse(rawQuery).forEach(builder::query);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        RequestEnvelope request = builder.body(body).build();
        request.metadata().put("protocol", "http");
        request.metadata().put("scheme", "http");
        return executor.execute(runtime.route("default", path, method), request);
    }

    /** As the HTTP door's ResponseWriter renders a streaming response. */
    static Body render(ResponseEnvelope response) {
        if (response.results().isEmpty()) {
            return response.body();
        }
        String type = response.contentType().orElse("");
        if (MediaTypes.essence(type).equals("multipart/related")) {
            return ResultRendering.multipart(response.results().get(), MediaTypes.parameter(type, "boundary").orElseThrow());
        }
        return ResultRendering.jsonArray(response.results().get());
    }

    private static byte[] read(Body body) {
        try (InputStream in = body.open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        runtime.close();
        scheduler.shutdownNow();
    }
}
