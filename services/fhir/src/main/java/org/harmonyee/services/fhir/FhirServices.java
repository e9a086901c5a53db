package org.harmonyee.services.fhir;

import org.harmonyee.core.runtime.ServiceCatalog;
import org.harmonyee.core.runtime.ServiceModule;

/** Registers the {@code fhir} endpoint and backend. */
public final class FhirServices implements ServiceModule {

    @Override
    public void register(ServiceCatalog catalog) {
        catalog.endpoint(FhirEndpoint.SERVICE, FhirEndpoint::create);
        catalog.backend(FhirBackend.SERVICE, FhirBackend::create);
    }
}
