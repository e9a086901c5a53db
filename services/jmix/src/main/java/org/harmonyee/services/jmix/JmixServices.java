package org.harmonyee.services.jmix;

import org.harmonyee.core.runtime.ServiceCatalog;
import org.harmonyee.core.runtime.ServiceModule;

/** Registers the {@code jmix} endpoint and the middleware {@code jmix_builder}. */
public final class JmixServices implements ServiceModule {

    @Override
    public void register(ServiceCatalog catalog) {
        catalog.endpoint(JmixEndpoint.SERVICE, JmixEndpoint::create);
        catalog.middleware(JmixBuilder.TYPE, JmixBuilder::create);
    }
}
