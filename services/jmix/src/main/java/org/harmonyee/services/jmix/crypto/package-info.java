/**
 * JMIX's optional security (§4 of the project's JMIX reference, as jmix-rs writes it), with the
 * JDK's own providers only: PEM key files ({@link org.harmonyee.services.jmix.crypto.KeyFiles}),
 * payload encryption to one recipient with X25519, HKDF-SHA256 and AES-256-GCM
 * ({@link org.harmonyee.services.jmix.crypto.PayloadEncryption}, and
 * {@link org.harmonyee.services.jmix.crypto.PayloadDecryption} for a recipient), and Ed25519
 * signatures over the manifest: the compact JWS {@code manifest.jws} and the sender's assertion
 * ({@link org.harmonyee.services.jmix.crypto.ManifestSignature}), checked by
 * {@link org.harmonyee.services.jmix.crypto.ManifestVerification}.
 *
 * <p>Must not touch: zips, the package layout, envelopes, the network or the store; this package
 * knows keys, bytes and the manifest's JSON only.
 */
package org.harmonyee.services.jmix.crypto;
