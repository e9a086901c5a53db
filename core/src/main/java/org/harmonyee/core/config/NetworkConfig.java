package org.harmonyee.core.config;

import java.util.Optional;

/**
 * {@code [network.NAME]}: a network and its listeners, an HTTP one ({@code .http}), a DICOM one
 * ({@code .dicom}) or both. A network with neither table has the default HTTP listener, as in
 * Harmony; one with only {@code .dicom} has no HTTP listener. Pipelines bound to the network answer
 * only on its listeners.
 */
public record NetworkConfig(String name, Optional<HttpListener> http, Optional<DicomListener> dicom, Source source) {

    /** The port of a listener whose bind_port was invalid (already reported). */
    public static final int INVALID_PORT = 0;
}
