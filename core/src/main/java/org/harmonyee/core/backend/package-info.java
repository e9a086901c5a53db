/**
 * Built-in backends: {@code echo} (reflects the request as JSON) and {@code http} (streams the
 * request to {@code base_url} and the answer back, untouched). Backend I/O runs on the executor
 * the server supplies; failures are 502 (unreachable) and 504 (timeout) problems.
 */
package org.harmonyee.core.backend;
