package org.harmonyee.services.management;

import org.harmonyee.core.runtime.ServiceCatalog;
import org.harmonyee.core.runtime.ServiceModule;

/**
 * Registers the management API as a system pipeline of the service {@code management}, and
 * {@code /metrics} beside it as one of the service {@code metrics}.
 */
public final class ManagementServices implements ServiceModule {

    @Override
    public void register(ServiceCatalog catalog) {
        catalog.systemPipeline(ManagementPipeline.SERVICE, ManagementPipeline::create);
        catalog.systemPipeline(MetricsPipeline.SERVICE, MetricsPipeline::create);
    }
}
