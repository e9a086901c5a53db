package org.harmonyee.services.http;

import org.harmonyee.core.runtime.ServiceCatalog;
import org.harmonyee.core.runtime.ServiceModule;

/** Registers the {@code http} endpoint and backend. */
public final class HttpServices implements ServiceModule {

    @Override
    public void register(ServiceCatalog catalog) {
        catalog.endpoint(HttpEndpoint.SERVICE, HttpEndpoint::create);
        catalog.backend(HttpBackend.SERVICE, HttpBackend::create);
    }
}
