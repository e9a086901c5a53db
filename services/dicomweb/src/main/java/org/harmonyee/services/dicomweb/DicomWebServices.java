package org.harmonyee.services.dicomweb;

import org.harmonyee.core.runtime.ServiceCatalog;
import org.harmonyee.core.runtime.ServiceModule;

/**
 * Registers the {@code dicomweb} endpoint, the middleware {@code dicomweb_bridge} (also {@code dicomweb})
 * and the {@code dicomweb} backend.
 */
public final class DicomWebServices implements ServiceModule {

    @Override
    public void register(ServiceCatalog catalog) {
        catalog.endpoint(DicomWebEndpoint.SERVICE, DicomWebEndpoint::create);
        catalog.middleware(DicomWebBridge.TYPE, DicomWebBridge::create);
        catalog.middleware(DicomWebBridge.ALIAS, DicomWebBridge::create);
        catalog.backend(DicomWebBackend.SERVICE, DicomWebBackend::create);
    }
}
