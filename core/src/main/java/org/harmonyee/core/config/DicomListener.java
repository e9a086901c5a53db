package org.harmonyee.core.config;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code [network.NAME.dicom]}: the network's DICOM listener, opened by the resource adapter. Its
 * {@code aeTitle} is the called AE title the gateway answers to by default.
 *
 * @param bindPort        the port, or {@link NetworkConfig#INVALID_PORT} when bind_port was invalid (already reported)
 * @param maxAssociations concurrent associations; one more is rejected transiently (local-limit-exceeded)
 * @param tls             DICOM over TLS, or empty for plain TCP
 * @param acseTimeout     ARTIM: the wait for the A-ASSOCIATE-RQ, and for the close after a release
 * @param dimseTimeout    the longest silence while a response is outstanding; zero means none
 * @param idleTimeout     the longest silence with nothing outstanding; zero means none
 */
public record DicomListener(String bindAddress, int bindPort, String aeTitle, int maxAssociations,
                            Optional<DicomTlsSettings> tls, Duration acseTimeout, Duration dimseTimeout,
                            Duration idleTimeout, Source source) {
}
