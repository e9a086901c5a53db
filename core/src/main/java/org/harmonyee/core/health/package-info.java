/**
 * Target pools with pluggable health: several targets behind one backend, chosen by strategy
 * (round_robin, weighted, failover); passive health (a target is marked down after consecutive
 * connection failures and tried again after a cool-down); active checks by the backend's own
 * {@link org.harmonyee.core.health.Probe} (HTTP GET, C-ECHO) with thresholds; and the rule that a
 * request never goes to a down target while an up one exists. All down: 503 with Retry-After.
 *
 * <p>The probe contract: a backend kind supplies a {@link org.harmonyee.core.health.TargetProtocol}
 * (how its addresses are written, how a target is probed) to
 * {@link org.harmonyee.core.health.TargetPools#build}, and exposes the pool through
 * {@link org.harmonyee.core.pipeline.Backend#targets()}; nothing here knows a protocol.
 *
 * <p>Must not touch: request or response content; it only chooses where a backend connects.
 */
package org.harmonyee.core.health;
