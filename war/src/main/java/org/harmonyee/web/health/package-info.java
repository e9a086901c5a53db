/**
 * MicroProfile Health on the management network: {@link ManagementHealth} answers
 * {@code /health}, {@code /health/live} and {@code /health/ready} there from the application's
 * health checks, in the MicroProfile Health JSON format, without credentials (probes of load
 * balancers and orchestrators carry none). The server also serves them where it puts health.
 *
 * <p>Must not touch: the checks themselves (the server side owns them), other networks, other paths.
 */
package org.harmonyee.web.health;
