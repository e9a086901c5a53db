/**
 * The inbound resource adapter (Jakarta Connectors 2.1): {@link org.harmonyee.rar.inbound.DicomResourceAdapter}
 * keeps the server's WorkManager, and on each endpoint activation reads the gateway's configuration
 * and opens one {@code AssociationAcceptor} per {@code [network.NAME.dicom]}, its associations
 * running as Work; each association decision and DIMSE request is delivered to a fresh
 * MessageEndpoint of the activation's factory.
 *
 * <p>Owns: activations and their listeners, the Executor over the WorkManager, the mapping of the
 * toolkit's SCP handler SPI onto {@link org.harmonyee.rar.api}. State is kept per activation, never in
 * one shared field.
 *
 * <p>Must not touch: pipelines, routing or any gateway service (the message-driven bean does that);
 * EJB, CDI or any container API beyond Jakarta Connectors.
 */
package org.harmonyee.rar.inbound;
