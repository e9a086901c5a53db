package org.harmonyee.middleware;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.config.ConfigReader;
import org.harmonyee.core.config.Problems;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.pipeline.BackendInvoker;
import org.harmonyee.core.pipeline.PipelineExecutor;
import org.harmonyee.core.runtime.BuildContext;
import org.harmonyee.core.runtime.GatewayAssembler;
import org.harmonyee.core.runtime.GatewayRuntime;
import org.harmonyee.core.runtime.ServiceCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A real gateway assembled from TOML in a temporary directory (config.toml, pipelines/p.toml,
 * transforms/*.json), run through the core's executor without a server.
 */
public final class TestGateway implements AutoCloseable {

    private final Path directory;
    private final PipelineExecutor executor = new PipelineExecutor(BackendInvoker.DIRECT);
    private GatewayRuntime runtime;

    public TestGateway(Path directory) {
        this.directory = directory;
    }

    public TestGateway file(String relative, String content) {
        try {
            Path file = directory.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes config.toml and the pipeline file, then assembles the gateway (throws ConfigException). */
    public TestGateway start(String pipelines) {
        file("config.toml", """
                [proxy]
                id = "middleware-test"
                transforms_path = "transforms"
                [network.default.http]
                bind_address = "127.0.0.1"
                bind_port = 18080
                [storage.options]
                path = "storage"
                """);
        file("pipelines/p.toml", pipelines);
        runtime = new GatewayAssembler(ServiceCatalog.standard(getClass().getClassLoader()),
                new BuildContext(new ConfigReader(Map.<String, String>of()::get).load(directory.resolve("config.toml"),
                        new Problems()), Runnable::run, null, Clock.systemUTC(), "test")).assemble();
        return this;
    }

    /** Pipeline {@code p}: an http endpoint at "/", the middleware {@code chain} (quoted names), the echo backend. */
    public static String echoPipeline(String chain) {
        return """
                [pipelines.p]
                networks = ["default"]
                endpoints = ["e"]
                middleware = [%s]
                backends = ["echo"]
                [endpoints.e]
                service = "http"
                path_prefix = "/"
                [backends.echo]
                service = "echo"
                """.formatted(chain);
    }

    public ResponseEnvelope send(RequestEnvelope request) {
        return executor.execute(runtime.route("default", request.fullPath(), request.method()), request);
    }

    public ResponseEnvelope get(String path, String... headers) {
        return send(request("GET", path, null, headers));
    }

    public ResponseEnvelope postJson(String path, String json, String... headers) {
        return send(request("POST", path, json, headers));
    }

    public static RequestEnvelope request(String method, String path, String json, String... headers) {
        int query = path.indexOf('?');
        RequestEnvelope.Builder builder = RequestEnvelope.builder(Long.toHexString(System.nanoTime()), method,
                query < 0 ? path : path.substring(0, query)).rawQuery(query < 0 ? null : path.substring(query + 1));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        if (json != null) {
            builder.header("Content-Type", "application/json").body(Body.of(json.getBytes(StandardCharsets.UTF_8)));
        }
        return builder.build();
    }

    public static JsonNode json(ResponseEnvelope response) {
        try {
            return Json.parse(response.body().bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(ResponseEnvelope response) {
        return new String(response.body().bytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (runtime != null) {
            runtime.close();
        }
    }
}
