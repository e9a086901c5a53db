/**
 * Service {@code management}: the read-only management API, a system pipeline of its own on the
 * management network ({@code [management]}), answering {@code GET {base_path}/info},
 * {@code /pipelines}, {@code /routes} and {@code /backends} as JSON; and service {@code metrics},
 * {@code GET /metrics} on the same network, the server's metrics in the Prometheus text format. Both
 * run through the same executor as every other pipeline, with no middleware. {@link ManagementResources}
 * lists the management API's own resources, for its OpenAPI description as well.
 *
 * <p>Must not touch: the state it describes; it reads the running gateway and changes nothing.
 */
package org.harmonyee.services.management;
