package org.harmonyee.core.runtime;

import org.harmonyee.core.backend.EchoBackend;
import org.harmonyee.core.backend.HttpBackend;
import org.harmonyee.core.endpoint.HttpEndpoint;
import org.harmonyee.core.fhir.FhirBackend;
import org.harmonyee.core.fhir.FhirEndpoint;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** The service and middleware types a configuration may name, by type name. */
public final class ServiceCatalog {

    private final Map<String, EndpointFactory> endpoints = new TreeMap<>();
    private final Map<String, BackendFactory> backends = new TreeMap<>();
    private final Map<String, MiddlewareFactory> middleware = new TreeMap<>();

    /** The built-in types plus those of every {@link ServiceModule} visible to the class loader. */
    public static ServiceCatalog standard(ClassLoader loader) {
        ServiceCatalog catalog = new ServiceCatalog();
        catalog.endpoint(HttpEndpoint.SERVICE, HttpEndpoint::create);
        catalog.backend(HttpBackend.SERVICE, HttpBackend::create);
        catalog.backend(EchoBackend.SERVICE, EchoBackend::create);
        catalog.endpoint(FhirEndpoint.SERVICE, FhirEndpoint::create);
        catalog.backend(FhirBackend.SERVICE, FhirBackend::create);
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

    /** Whether any endpoint or backend service has this name (for {@code [services.NAME]}). */
    public boolean knowsService(String service) {
        return endpoints.containsKey(service) || backends.containsKey(service);
    }
}
