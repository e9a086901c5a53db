package org.harmonyee.services.jmix.format;

import org.harmonyee.services.jmix.crypto.ManifestSignature;

import java.security.PublicKey;

/**
 * The optional security of the packages a builder writes (§4 of the JMIX reference).
 *
 * @param encryptFor the recipient's X25519 public key: the payload goes into {@code payload.enc}
 *                   encrypted for it; null for a plain payload
 * @param signer     signs the manifest ({@code manifest.jws} and the sender's assertion); null for none
 */
public record PackageSecurity(PublicKey encryptFor, ManifestSignature signer) {

    public static final PackageSecurity NONE = new PackageSecurity(null, null);
}
