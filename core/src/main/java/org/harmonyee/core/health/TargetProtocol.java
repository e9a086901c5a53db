package org.harmonyee.core.health;

import org.harmonyee.core.config.Options;

import java.net.URI;

/**
 * What a backend kind tells the target pool about its targets: how an address is written in its
 * options, and how a target is probed. The pool, passive health, failover and the management
 * API's view then work the same for every kind (http, fhir, dicom, ...).
 */
public interface TargetProtocol {

    /** The backend option that holds its single address when it has no {@code targets} (http: base_url). */
    String addressKey();

    /** Reads the single address from the backend's own options; reports a problem when it is invalid. */
    URI backendAddress(Options options);

    /** Reads the address of one {@code [targets.NAME]} table; reports a problem when it is invalid. */
    URI targetAddress(Options options);

    /**
     * The active check a {@code [targets.NAME]} table asks for.
     *
     * @return the probe, or null when the table asks for none (passive health only)
     */
    Probe probe(URI address, Options options);
}
