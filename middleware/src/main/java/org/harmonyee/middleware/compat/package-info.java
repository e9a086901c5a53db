/**
 * The small middleware types the Rust Harmony ships for demos and diagnostics, so that its
 * configurations load with the same meaning: {@code passthru} (marks both sides of the exchange in
 * the metadata), {@code json_extractor} and its alias {@code json} (the request's JSON view taken
 * from the body whatever its Content-Type says) and {@code connect} (Aurabox Connect, which has no
 * effect in either gateway: accepted with a startup warning).
 *
 * <p>Must not touch: protocols, services, or the other middleware packages. docs/middleware.md and
 * docs/compatibility.md say what each does and how it differs from the Rust Harmony.
 */
package org.harmonyee.middleware.compat;
