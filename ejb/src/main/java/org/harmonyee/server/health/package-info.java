/**
 * MicroProfile Health of the gateway: liveness ({@link GatewayLiveness}) and readiness
 * ({@link GatewayReadiness}: assembled, and every {@code [network.NAME.dicom]} listener bound, as
 * the resource adapter publishes them; {@link BackendReadiness}: each backend's targets as its
 * probes last saw them). The server serves them where it puts health (Payara {@code /health},
 * WildFly's management interface); the web module also answers them on the management network.
 *
 * <p>Must not touch: the gateway's state; checks only read it, and never do I/O of their own.
 */
package org.harmonyee.server.health;
