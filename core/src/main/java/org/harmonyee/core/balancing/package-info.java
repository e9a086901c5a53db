/**
 * Several targets behind one backend: selection by strategy (round_robin, weighted, failover),
 * passive health (a target is marked down after consecutive connection failures and tried again
 * after a cool-down), active health checks (a periodic GET with thresholds), and the rule that a
 * request never goes to a down target while an up one exists. All down: 503 with Retry-After.
 *
 * <p>Must not touch: request or response content; it only chooses where a backend connects.
 */
package org.harmonyee.core.balancing;
