/**
 * Built-in endpoint services: {@code http} (the HTTP passthrough door's endpoint) and
 * {@code management}. Each declares its routes and prepares envelopes; the JAX-RS door in the war
 * module does the HTTP I/O.
 */
package org.harmonyee.core.endpoint;
