package org.harmonyee.core.runtime;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.ConfigException;
import org.harmonyee.core.config.ConfigReader;
import org.harmonyee.core.config.GatewayConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.config.PipelineConfig;
import org.harmonyee.core.config.Problems;
import org.harmonyee.core.config.Source;
import org.harmonyee.core.config.TypeDeclaration;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.pipeline.Backend;
import org.harmonyee.core.pipeline.Endpoint;
import org.harmonyee.core.pipeline.NamedMiddleware;
import org.harmonyee.core.pipeline.Pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Builds a {@link GatewayRuntime} from a configuration: every endpoint, backend and middleware is
 * built once, pipelines are wired, routes are laid per network. Every problem found on the way is
 * collected; if there is any, everything built is closed and a {@link ConfigException} lists them.
 */
public final class GatewayAssembler {

    private static final System.Logger LOG = System.getLogger(GatewayAssembler.class.getName());

    private final ServiceCatalog catalog;
    private final BuildContext context;
    private final Problems problems;
    private final List<AutoCloseable> built = new ArrayList<>();

    public GatewayAssembler(ServiceCatalog catalog, BuildContext context) {
        this(catalog, context, new Problems());
    }

    /**
     * An assembler that adds its problems to those found while reading: a component whose table
     * already has a problem is not built (so nothing is reported twice), everything else is, and
     * {@link #assemble()} throws with the whole list.
     */
    public GatewayAssembler(ServiceCatalog catalog, BuildContext context, Problems readingProblems) {
        this.catalog = catalog;
        this.context = context;
        this.problems = readingProblems;
    }

    /**
     * Reads a configuration and assembles it in one pass, the way the server starts and
     * {@code ./harmony validate} checks: every problem of every file, table and key at once.
     *
     * @param context the build context for the configuration that was read
     */
    public static GatewayRuntime readAndAssemble(Path configFile, ServiceCatalog catalog,
                                                 Function<GatewayConfig, BuildContext> context) {
        Problems problems = new Problems();
        GatewayConfig config = new ConfigReader(System::getenv).collect(configFile, problems);
        return new GatewayAssembler(catalog, context.apply(config), problems).assemble();
    }

    public GatewayRuntime assemble() {
        GatewayConfig config = context.config();
        config.services().values().forEach(this::checkServiceDeclaration);
        config.middlewareTypes().values().forEach(this::checkMiddlewareDeclaration);
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        config.endpoints().forEach((name, component) -> build(component, catalog.endpoint(component.type()),
                "service", "endpoint service", catalog.endpointServices()).ifPresent(e -> endpoints.put(name, e)));
        Map<String, Backend> backends = new LinkedHashMap<>();
        config.backends().forEach((name, component) -> build(component, catalog.backend(component.type()),
                "service", "backend service", catalog.backendServices()).ifPresent(b -> backends.put(name, b)));
        Map<String, NamedMiddleware> middleware = new LinkedHashMap<>();
        config.middleware().forEach((name, component) -> buildMiddleware(component, middleware));

        Map<String, Pipeline> pipelines = new LinkedHashMap<>();
        for (PipelineConfig pipeline : config.pipelines().values()) {
            pipelines.put(pipeline.name(), wire(pipeline, endpoints, backends, middleware));
        }
        AtomicReference<GatewayRuntime> runtime = new AtomicReference<>();
        for (SystemPipelineFactory factory : catalog.systemPipelines()) {
            factory.create(config, runtime::get).ifPresent(system -> addSystemPipeline(system, pipelines));
        }
        RoutePlanner planner = new RoutePlanner(config, problems);
        var routes = planner.plan(pipelines.values());
        if (!problems.isEmpty()) {
            closeAll();
            throw new ConfigException(problems.list());
        }
        runtime.set(new GatewayRuntime(config, pipelines, routes, built, context.clock().instant(),
                context.serverInfo()));
        return runtime.get();
    }

    private void addSystemPipeline(Pipeline system, Map<String, Pipeline> pipelines) {
        PipelineConfig clash = context.config().pipelines().get(system.name());
        if (clash != null) {
            problems.add(clash.source(), null, "the name '" + system.name() + "' is reserved for the gateway's own "
                    + system.description() + " pipeline while it is enabled");
        }
        pipelines.put(system.name(), system);
    }

    private void checkServiceDeclaration(TypeDeclaration declaration) {
        if (!catalog.knowsService(declaration.name())) {
            problems.add(declaration.source(), null, "unknown service type '" + declaration.name()
                    + "'; available: " + catalog.services());
        }
    }

    private void checkMiddlewareDeclaration(TypeDeclaration declaration) {
        if (catalog.middleware(declaration.name()).isEmpty()) {
            problems.add(declaration.source(), null, "unknown middleware type '" + declaration.name()
                    + "'; available: " + catalog.middlewareTypes());
        }
    }

    /**
     * Builds one component with its type's factory, unless its table already has a problem (so
     * nothing is reported twice); an unknown type is reported on {@code typeKey}.
     */
    private <T> Optional<T> build(ComponentConfig component, Optional<? extends ComponentFactory<? extends T>> factory,
                                  String typeKey, String kind, Set<String> available) {
        if (problems.concerns(component.source())) {
            return Optional.empty();
        }
        Options options = component.options(problems);
        if (factory.isEmpty()) {
            options.problem(typeKey, "unknown " + kind + " '" + component.type() + "'; available: " + available);
            return Optional.empty();
        }
        T instance = factory.get().create(component, options, context);
        if (instance instanceof AutoCloseable closeable) {
            built.add(closeable);
        }
        return Optional.of(instance);
    }

    private void buildMiddleware(ComponentConfig component, Map<String, NamedMiddleware> middleware) {
        build(component, catalog.middleware(component.type()), "type", "middleware type", catalog.middlewareTypes())
                .ifPresent(instance -> middleware.put(component.name(),
                        new NamedMiddleware(component.name(), component.type(), instance)));
    }

    private Pipeline wire(PipelineConfig pipeline, Map<String, Endpoint> endpoints, Map<String, Backend> backends,
                          Map<String, NamedMiddleware> middleware) {
        List<Endpoint> entry = pipeline.endpoints().stream().filter(endpoints::containsKey).map(endpoints::get).toList();
        List<NamedMiddleware> chain = new ArrayList<>();
        for (String name : pipeline.middleware()) {
            if (!middleware.containsKey(name) && !context.config().middleware().containsKey(name)) {
                builtInByName(pipeline, name, middleware);
            }
            NamedMiddleware instance = middleware.get(name);
            if (instance != null) {
                chain.add(instance);
            }
        }
        List<Backend> exits = pipeline.backends().stream().filter(backends::containsKey).map(backends::get).toList();
        if (exits.size() > 1) {
            LOG.log(System.Logger.Level.WARNING, () -> pipeline.source() + ": lists " + exits.size() + " backends; requests go to the first, '"
                    + exits.get(0).name() + "' (use targets for several servers behind one backend)");
        }
        return new Pipeline(pipeline.name(), pipeline.description(), pipeline.networks(), entry, List.copyOf(chain),
                exits.isEmpty() ? null : exits.get(0));
    }

    /**
     * Harmony's fallback: a pipeline may name a built-in middleware type that has no table; it
     * runs with no options (and reports the options it requires).
     */
    private void builtInByName(PipelineConfig pipeline, String name, Map<String, NamedMiddleware> middleware) {
        if (catalog.middleware(name).isEmpty()) {
            problems.add(pipeline.source(), "middleware", "no [middleware." + name + "] is defined");
            return;
        }
        ComponentConfig implicit = new ComponentConfig(name, name, Json.MAPPER.createObjectNode(),
                new Source(pipeline.source().file(), "middleware." + name), context.config().directory());
        buildMiddleware(implicit, middleware);
    }

    private void closeAll() {
        for (AutoCloseable component : built) {
            try {
                component.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, () -> "closing " + component + " after a failed assembly: " + e);
            }
        }
    }
}
