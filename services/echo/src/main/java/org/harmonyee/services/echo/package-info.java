/**
 * Service {@code echo}: a backend that answers every request with the request itself as JSON, and
 * an endpoint that answers the same echo when its pipeline has no backend, for trying pipelines
 * and middleware with no server behind them.
 *
 * <p>Must not touch: any network; it reads only the body the endpoint already bounded.
 */
package org.harmonyee.services.echo;
