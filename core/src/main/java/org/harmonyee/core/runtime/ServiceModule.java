package org.harmonyee.core.runtime;

/**
 * Contributes service and middleware types to the {@link ServiceCatalog}. Modules are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/org.harmonyee.core.runtime.ServiceModule}),
 * so a library such as the DICOM services adds its types by being on the class path.
 */
public interface ServiceModule {

    void register(ServiceCatalog catalog);
}
