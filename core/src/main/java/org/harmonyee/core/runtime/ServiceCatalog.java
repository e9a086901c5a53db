package org.harmonyee.core.runtime;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The service and middleware types a configuration may name, by type name, and the system
 * pipelines the gateway adds by itself. The core registers none: every type comes from a
 * {@link ServiceModule}, so the services and middleware modules on the class path make the catalog.
 */
public final class ServiceCatalog {

    private final Map<String, EndpointFactory> endpoints = new TreeMap<>();
    private final Map<String, BackendFactory> backends = new TreeMap<>();
    private final Map<String, MiddlewareFactory> middleware = new TreeMap<>();
    private final Map<String, SystemPipelineFactory> systemPipelines = new TreeMap<>();

    /** The types of every {@link ServiceModule} visible to the class loader. */
    public static ServiceCatalog standard(ClassLoader loader) {
        ServiceCatalog catalog = new ServiceCatalog();
        ServiceLoader.load(ServiceModule.class, loader).forEach(module -> module.register(catalog));
        return catalog;
    }

    public ServiceCatalog endpoint(String service, EndpointFactory factory) {
        endpoints.put(service, factory);
        return this;
    }

    public ServiceCatalog backend(String service, BackendFactory factory) {
        backends.put(service, factory);
        return this;
    }

    public ServiceCatalog middleware(String type, MiddlewareFactory factory) {
        middleware.put(type, factory);
        return this;
    }

    /** Adds a pipeline the gateway builds by itself; {@code service} is its {@code [services.NAME]} name. */
    public ServiceCatalog systemPipeline(String service, SystemPipelineFactory factory) {
        systemPipelines.put(service, factory);
        return this;
    }

    public Optional<EndpointFactory> endpoint(String service) {
        return Optional.ofNullable(endpoints.get(service));
    }

    public Optional<BackendFactory> backend(String service) {
        return Optional.ofNullable(backends.get(service));
    }

    public Optional<MiddlewareFactory> middleware(String type) {
        return Optional.ofNullable(middleware.get(type));
    }

    public Set<String> endpointServices() {
        return endpoints.keySet();
    }

    public Set<String> backendServices() {
        return backends.keySet();
    }

    public Set<String> middlewareTypes() {
        return middleware.keySet();
    }

    public Collection<SystemPipelineFactory> systemPipelines() {
        return systemPipelines.values();
    }

    /** Whether any endpoint, backend or system pipeline service has this name (for {@code [services.NAME]}). */
    public boolean knowsService(String service) {
        return endpoints.containsKey(service) || backends.containsKey(service) || systemPipelines.containsKey(service);
    }

    /** Every service name, sorted, for messages that list what is available. */
    public Set<String> services() {
        Set<String> names = new TreeSet<>(endpoints.keySet());
        names.addAll(backends.keySet());
        names.addAll(systemPipelines.keySet());
        return names;
    }
}
