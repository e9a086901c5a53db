/**
 * The protocol-neutral request and response envelopes that every door builds and every
 * middleware and backend reads: method, paths, multi-valued case-insensitive headers, query
 * parameters, cookies, string metadata, the original body (bytes or a single-use stream) and the
 * normalized JSON view of it.
 *
 * <p>Owns: the envelope types and the body rule (what a backend receives: the original bytes,
 * unless a middleware replaced the normalized JSON). Must not touch: any protocol, any I/O other
 * than reading a body it was given.
 */
package org.harmonyee.core.envelope;
