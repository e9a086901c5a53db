/**
 * {@code transform} and {@code metadata_transform}: Bazaarvoice JOLT specifications, read from
 * {@code spec_path} (relative to {@code transforms_path}) and compiled once at startup, applied to
 * the normalized JSON or to the metadata on the request side ({@code left}), the response side
 * ({@code right}) or both. A failing transform is a 500, or with {@code fail_on_error = false}
 * a logged warning and the data left untransformed.
 */
package org.harmonyee.middleware.transform;
