/**
 * The DIMSE services, both ways. SCU: {@link org.harmonyee.dicom.net.service.DicomClient} opens an
 * {@link org.harmonyee.dicom.net.service.ScuAssociation} to a {@link org.harmonyee.dicom.net.service.RemoteAE}
 * and offers echo, store, find, get and move, each done by its own class (CEchoScu, CStoreScu ...).
 * SCP: {@link org.harmonyee.dicom.net.service.DimseServiceRouter} routes each request of an accepted
 * association to the handler of its service (CEchoScp, CStoreScp, CFindScp ...: the SPI the gateway
 * implements) and writes the one response a handler's {@link org.harmonyee.dicom.net.dimse.DimseException}
 * carries. It owns what a command means; framing and sockets belong to the association package.
 */
package org.harmonyee.dicom.net.service;
