/**
 * The DICOM door: the message-driven bean the resource adapter delivers to. It decides which
 * associations the gateway accepts and answers DIMSE requests.
 *
 * <p>Owns: the gateway's side of the {@code org.harmonyee.rar.api} contract. Today it answers
 * C-ECHO itself and fails every other operation honestly; the next step turns each request into an
 * envelope and makes the one call, {@code pipelines.execute(network, envelope)}, through the
 * {@code dicom} endpoint.
 *
 * <p>Must not touch: sockets, associations or the DICOM toolkit (the adapter owns them); pipelines'
 * work (the core does it).
 */
package org.harmonyee.server.dimse;
