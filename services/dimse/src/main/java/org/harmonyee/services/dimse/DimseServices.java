package org.harmonyee.services.dimse;

import org.harmonyee.core.runtime.ServiceCatalog;
import org.harmonyee.core.runtime.ServiceModule;

/** Registers the {@code dicom} backend, also under its Rust Harmony name {@code dicom_scu}. */
public final class DimseServices implements ServiceModule {

    @Override
    public void register(ServiceCatalog catalog) {
        catalog.backend(DimseBackend.SERVICE, DimseBackend::create);
        catalog.backend(DimseBackend.SCU_SERVICE, DimseBackend::create);
    }
}
