package org.harmonyee.services.echo;

import org.harmonyee.core.runtime.ServiceCatalog;
import org.harmonyee.core.runtime.ServiceModule;

/** Registers the {@code echo} backend. */
public final class EchoServices implements ServiceModule {

    @Override
    public void register(ServiceCatalog catalog) {
        catalog.backend(EchoBackend.SERVICE, EchoBackend::create);
    }
}
