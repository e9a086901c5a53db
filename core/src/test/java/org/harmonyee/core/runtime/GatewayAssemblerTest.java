package org.harmonyee.core.runtime;

import org.harmonyee.core.config.ConfigException;
import org.harmonyee.core.config.ConfigFixture;
import org.harmonyee.core.config.ConfigProblem;
import org.harmonyee.core.config.GatewayConfig;
import org.harmonyee.core.endpoint.PathPrefix;
import org.harmonyee.core.endpoint.PathPrefixEndpoint;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.pipeline.Backend;
import org.harmonyee.core.pipeline.Pipeline;
import org.harmonyee.core.pipeline.RouteSpec;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Assembly with a catalog made here, so that the core is tested with no service module: every
 * type comes from what a module registers, system pipelines included.
 */
class GatewayAssemblerTest {

    @TempDir
    Path directory;

    private final AtomicInteger closed = new AtomicInteger();

    private ServiceCatalog catalog() {
        return new ServiceCatalog()
                .endpoint("door", (config, options, context) -> new PathPrefixEndpoint(config.name(), "door",
                        new RouteSpec(PathPrefix.read(options), RouteSpec.ALL_METHODS), null) {
                    @Override
                    public void close() {
                        closed.incrementAndGet();
                    }
                })
                .backend("answer", (config, options, context) -> new FixedBackend(config.name(),
                        (int) options.integer("status", 200, 100, 599)))
                .middleware("noop", (config, options, context) -> (request, next) -> next.proceed(request))
                .systemPipeline("status", (config, runtime) -> Optional.of(new Pipeline("status", "status page",
                        List.of("default"), List.of(new PathPrefixEndpoint("status", "status",
                        new RouteSpec("/status", RouteSpec.ALL_METHODS), null) {
                }), List.of(), new FixedBackend("status", 204))));
    }

    private GatewayRuntime assemble(ConfigFixture fixture) {
        GatewayConfig config = fixture.read();
        return new GatewayAssembler(catalog(), new BuildContext(config, Runnable::run, null, Clock.systemUTC(), "test"))
                .assemble();
    }

    @Test
    void buildsPipelinesFromRegisteredTypesAndAddsSystemPipelines() {
        ConfigFixture fixture = new ConfigFixture(directory).config(ConfigFixture.BASE).pipeline("p.toml", """
                [pipelines.one]
                networks = ["default"]
                endpoints = ["e"]
                middleware = ["noop"]
                backends = ["b"]
                [endpoints.e]
                service = "door"
                path_prefix = "/one/"
                [backends.b]
                service = "answer"
                status = 201
                """);

        try (GatewayRuntime runtime = assemble(fixture)) {
            assertThat(runtime.pipelines()).extracting(Pipeline::name).containsExactly("one", "status");
            assertThat(runtime.route("default", "/one/a", "POST").pipeline().middleware())
                    .extracting(m -> m.type()).containsExactly("noop");
            assertThat(runtime.route("default", "/status", "GET").pipeline().name()).isEqualTo("status");
            assertThatThrownBy(() -> runtime.route("default", "/two", "GET")).hasMessageContaining("no pipeline");
        }
        assertThat(closed).as("closing the runtime closes what was built").hasValue(1);
    }

    @Test
    void reportsEveryProblemAtOnceAndClosesWhatWasBuilt() {
        ConfigFixture fixture = new ConfigFixture(directory).config(ConfigFixture.BASE + """
                [services.teleport]
                module = ""
                [middleware_types.magic]
                module = ""
                """).pipeline("p.toml", """
                [pipelines.status]
                networks = ["default"]
                endpoints = ["a"]
                middleware = ["nothing"]
                backends = ["up"]
                [endpoints.a]
                service = "door"
                path_prefix = "/status"
                [endpoints.c]
                service = "carrier_pigeon"
                [backends.up]
                service = "answer"
                status = 42
                [middleware.m]
                type = "voodoo"
                """);

        assertThatThrownBy(() -> assemble(fixture)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                        "config.toml: [services.teleport] unknown service type 'teleport'; available: [answer, door, status]",
                        "config.toml: [middleware_types.magic] unknown middleware type 'magic'; available: [noop]",
                        "pipelines/p.toml: [endpoints.c] service: unknown endpoint service 'carrier_pigeon'; available: [door]",
                        "pipelines/p.toml: [backends.up] status: expected 100-599, got 42",
                        "pipelines/p.toml: [middleware.m] type: unknown middleware type 'voodoo'; available: [noop]",
                        "pipelines/p.toml: [pipelines.status] middleware: no [middleware.nothing] is defined",
                        "pipelines/p.toml: [pipelines.status] the name 'status' is reserved for the gateway's own "
                                + "status page pipeline while it is enabled"));
        assertThat(closed).as("the endpoint built before the failure is closed").hasValue(1);
    }

    private record FixedBackend(String name, int status) implements Backend {
        @Override
        public String service() {
            return "answer";
        }

        @Override
        public ResponseEnvelope invoke(RequestEnvelope request) {
            return ResponseEnvelope.of(status);
        }
    }
}
