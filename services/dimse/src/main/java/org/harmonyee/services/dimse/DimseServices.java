package org.harmonyee.services.dimse;

import org.harmonyee.core.runtime.ServiceCatalog;
import org.harmonyee.core.runtime.ServiceModule;

/**
 * Registers the {@code dicom} backend and endpoint, also under their Rust Harmony names
 * {@code dicom_scu} (backend) and {@code dicom_scp} (endpoint), {@code mock_dicom}, the {@code dicom}
 * backend with a built-in PACS, and the {@code dimse_filter} middleware.
 */
public final class DimseServices implements ServiceModule {

    @Override
    public void register(ServiceCatalog catalog) {
        catalog.backend(DimseBackend.SERVICE, DimseBackend::create);
        catalog.backend(DimseBackend.SCU_SERVICE, DimseBackend::create);
        catalog.backend(MockDicomBackend.SERVICE, MockDicomBackend::create);
        catalog.endpoint(DicomEndpoint.SERVICE, DicomEndpoint::create);
        catalog.endpoint(DicomEndpoint.SCP_SERVICE, DicomEndpoint::create);
        catalog.middleware(DimseFilter.TYPE, DimseFilter::create);
    }
}
