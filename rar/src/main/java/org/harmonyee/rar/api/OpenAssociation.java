package org.harmonyee.rar.api;

import java.time.Instant;
import java.util.Map;

/**
 * One association open on a listener of the adapter, as the management API lists it.
 *
 * @param network       the network whose {@code .dicom} listener accepted it
 * @param name          its log name, {@code CALLING->CALLED(n)}
 * @param remoteAddress the caller's {@code host:port}
 * @param tls           whether it runs over TLS
 * @param since         when it was established
 * @param requests      the DIMSE requests received so far, by operation ({@code C-FIND}: 3, ...)
 */
public record OpenAssociation(String network, String name, String callingAETitle, String calledAETitle,
                              String remoteAddress, boolean tls, Instant since, Map<String, Long> requests) {

    public OpenAssociation {
        requests = Map.copyOf(requests);
    }
}
