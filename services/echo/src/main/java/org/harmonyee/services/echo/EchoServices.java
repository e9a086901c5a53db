package org.harmonyee.services.echo;

import org.harmonyee.core.runtime.ServiceCatalog;
import org.harmonyee.core.runtime.ServiceModule;

/** Registers service {@code echo}, as a backend and as an endpoint. */
public final class EchoServices implements ServiceModule {

    @Override
    public void register(ServiceCatalog catalog) {
        catalog.backend(EchoBackend.SERVICE, EchoBackend::create);
        catalog.endpoint(EchoBackend.SERVICE, EchoEndpoint::create);
    }
}
