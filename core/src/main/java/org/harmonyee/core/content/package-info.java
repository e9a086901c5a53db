/**
 * Turning bodies into the envelope's normalized JSON, within the configured content limits:
 * size limits enforced while reading (413 without reading the rest), media types recognised from
 * Content-Type, malformed payloads refused with 400. {@code MultipartInput} is the one multipart
 * reader, pulled part by part: form bodies here, STOW-RS uploads in the dicomweb service.
 *
 * <p>Must not touch: routing, middleware, backends. The original bytes always stay available.
 */
package org.harmonyee.core.content;
