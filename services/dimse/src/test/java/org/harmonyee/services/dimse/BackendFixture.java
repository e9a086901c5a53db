package org.harmonyee.services.dimse;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.ConfigException;
import org.harmonyee.core.config.ConfigFixture;
import org.harmonyee.core.config.GatewayConfig;
import org.harmonyee.core.config.Problems;
import org.harmonyee.core.pipeline.Backend;
import org.harmonyee.core.runtime.BuildContext;
import org.harmonyee.core.runtime.GatewayAssembler;
import org.harmonyee.core.runtime.ServiceCatalog;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Builds {@code dicom} backends from TOML the way the gateway does: the files read by the
 * configuration reader, the backend made by the factory this module registers through
 * {@code ServiceModule}. Each backend is named {@code pacs}; the fixture closes what it built.
 */
final class BackendFixture implements AutoCloseable {

    private final Path directory;
    private final Executor executor;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "dimse-test-health");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Backend> built = new ArrayList<>();
    private int count;

    BackendFixture(Path directory, Executor executor) {
        this.directory = directory;
        this.executor = executor;
    }

    /** The TOML of a backend table {@code [backends.pacs]} with {@code service = "dicom"} and these lines. */
    static String pacs(String optionLines) {
        return "[backends.pacs]\nservice = \"dicom\"\n" + optionLines + "\n";
    }

    /** A backend {@code pacs} calling the AE at 127.0.0.1:{@code port}, with more option lines. */
    static String pacs(String aet, int port, String moreLines) {
        return pacs("aet = \"" + aet + "\"\nhost = \"127.0.0.1\"\nport = " + port + "\n" + moreLines);
    }

    DimseBackend backend(String toml) {
        return backend(toml, Map.of());
    }

    /** Builds the backend {@code pacs} of {@code toml} (plus its targets), with these environment variables. */
    DimseBackend backend(String toml, Map<String, String> environment) {
        return (DimseBackend) build(toml, environment);
    }

    /** Builds the backend {@code pacs} of {@code toml}, of whatever service it names. */
    Backend build(String toml, Map<String, String> environment) {
        GatewayConfig config = new ConfigFixture(directory.resolve("config-" + (++count))).config(ConfigFixture.BASE)
                .pipeline("pacs.toml", toml).read(environment);
        ComponentConfig table = config.backends().get("pacs");
        Problems problems = new Problems();
        BuildContext context = new BuildContext(config, executor, scheduler, Clock.systemUTC(), "test");
        Backend backend = ServiceCatalog.standard(getClass().getClassLoader()).backend(table.type()).orElseThrow()
                .create(table, table.options(problems), context);
        built.add(backend);
        problems.throwIfAny();
        return backend;
    }

    /** What the assembler, as the server and {@code ./harmony validate} run it, reports for {@code toml}. */
    String problems(String toml) {
        GatewayConfig config = new ConfigFixture(directory.resolve("config-" + (++count))).config(ConfigFixture.BASE)
                .pipeline("pacs.toml", toml).read();
        try {
            new GatewayAssembler(ServiceCatalog.standard(getClass().getClassLoader()),
                    new BuildContext(config, executor, null, Clock.systemUTC(), "test")).assemble().close();
            return "";
        } catch (ConfigException e) {
            return e.getMessage();
        }
    }

    @Override
    public void close() {
        built.forEach(Backend::close);
        scheduler.shutdownNow();
    }
}
