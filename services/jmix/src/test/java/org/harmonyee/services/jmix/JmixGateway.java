package org.harmonyee.services.jmix;

import org.harmonyee.core.config.ConfigFixture;
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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A gateway with one JMIX pipeline, assembled from TOML as the server does it: endpoint
 * {@code jmix} at {@code /jmix}, middleware {@code jmix_builder}, a {@code dicom} backend calling
 * the PACS; the store is the default, {@code <storage>/jmix-store}. Requests run through the
 * core's executor, as the HTTP door sends them.
 */
final class JmixGateway implements AutoCloseable {

    static final String PREFIX = "/jmix";
    static final String LOCAL_AET = "HARMONY";

    private final PipelineExecutor executor = new PipelineExecutor(BackendInvoker.DIRECT);
    private final GatewayRuntime runtime;
    private final Path storage;
    private final AtomicInteger exchanges = new AtomicInteger();
    /** As on a server: periodic work runs, and a backend in move mode opens its store SCP (it does not without one). */
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "jmix-gateway-scheduler");
        thread.setDaemon(true);
        return thread;
    });

    /** An answer as a client receives it. */
    record Answer(int status, ResponseEnvelope response, byte[] body) {

        String header(String name) {
            return response.headers().first(name).orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    JmixGateway(Path directory, Executor executor, String pacsAet, int pacsPort, String builderOptions) {
        this(directory, executor, pacsAet, pacsPort, builderOptions, "");
    }

    /** @param backendOptions more options of the {@code dicom} backend, whose {@code local_aet} is {@value #LOCAL_AET} */
    JmixGateway(Path directory, Executor executor, String pacsAet, int pacsPort, String builderOptions,
                String backendOptions) {
        String pipeline = """
                [pipelines.jmix]
                networks = ["default"]
                endpoints = ["jmix"]
                middleware = ["builder"]
                backends = ["pacs"]

                [endpoints.jmix]
                service = "jmix"
                [endpoints.jmix.options]
                path_prefix = "%s"

                [middleware.builder]
                type = "jmix_builder"
                %s

                [backends.pacs]
                service = "dicom"
                [backends.pacs.options]
                aet = "%s"
                host = "127.0.0.1"
                port = %d
                local_aet = "%s"
                %s
                """.formatted(PREFIX, builderOptions, pacsAet, pacsPort, LOCAL_AET, backendOptions);
        var config = new ConfigFixture(directory).config(ConfigFixture.BASE + "[storage.options]\npath = \"storage\"\n")
                .pipeline("jmix.toml", pipeline).read();
        storage = config.storage().path();
        runtime = new GatewayAssembler(ServiceCatalog.standard(getClass().getClassLoader()),
                new BuildContext(config, executor, scheduler, Clock.systemUTC(), "test")).assemble();
    }

    /** The package store: {@code <storage>/jmix-store}. */
    Path store() {
        return storage.resolve("jmix-store");
    }

    Answer get(String pathAndQuery, String... headers) {
        return send("GET", pathAndQuery, null, headers);
    }

    /** Sends a request under the prefix; {@code headers} are name, value pairs. */
    Answer send(String method, String pathAndQuery, byte[] body, String... headers) {
        String full = PREFIX + pathAndQuery;
        int query = full.indexOf('?');
        String path = query < 0 ? full : full.substring(0, query);
        String rawQuery = query < 0 ? null : full.substring(query + 1);
        RequestEnvelope.Builder builder = RequestEnvelope.builder("jmix-" + exchanges.incrementAndGet(), method, path)
                .rawQuery(rawQuery);
        QueryString.parse(rawQuery).forEach(builder::query);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        if (body != null) {
            builder.body(Body.stream(new ByteArrayInputStream(body), body.length));
        }
        RequestEnvelope request = builder.build();
        request.metadata().put("protocol", "http");
        request.metadata().put("client_address", "127.0.0.1");
        ResponseEnvelope response = executor.execute(runtime.route("default", path, method), request);
        return new Answer(response.status(), response, read(response.body()));
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
