package org.harmonyee.services.management;

import org.harmonyee.core.runtime.ServiceCatalog;
import org.harmonyee.core.runtime.ServiceModule;

/** Registers the management API as a system pipeline of the service {@code management}. */
public final class ManagementServices implements ServiceModule {

    @Override
    public void register(ServiceCatalog catalog) {
        catalog.systemPipeline(ManagementPipeline.SERVICE, ManagementPipeline::create);
    }
}
