/**
 * The DICOM door: the message-driven bean the resource adapter delivers to, and {@link
 * org.harmonyee.server.dimse.DimseDoor}, which decides which associations the gateway accepts (the
 * called AE title selects a {@code dicom} endpoint's pipeline) and turns each routed request into an
 * envelope for the one call, {@code pipelines.execute(network, envelope)}, answering in DIMSE.
 *
 * <p>Owns: the gateway's side of the {@code org.harmonyee.rar.api} contract. Must not touch:
 * sockets, associations or the DICOM toolkit (the adapter owns them); pipelines' work (the core and
 * the services do it).
 */
package org.harmonyee.server.dimse;
