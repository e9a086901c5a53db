package org.harmonyee.middleware.jwt;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads a PEM "PUBLIC KEY" (SubjectPublicKeyInfo) or "CERTIFICATE" with the JDK alone. */
final class PemKeys {

    private PemKeys() {
    }

    static PublicKey publicKey(String pem) {
        try {
            if (pem.contains("-----BEGIN CERTIFICATE-----")) {
                return CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der(pem, "CERTIFICATE"))).getPublicKey();
            }
            if (pem.contains("-----BEGIN PUBLIC KEY-----")) {
                return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        throw new IllegalArgumentException("expected -----BEGIN PUBLIC KEY----- or -----BEGIN CERTIFICATE-----");
    }

    private static byte[] der(String pem, String label) {
        int start = pem.indexOf("-----BEGIN " + label + "-----") + ("-----BEGIN " + label + "-----").length();
        int end = pem.indexOf("-----END " + label + "-----", start);
        if (end < 0) {
            throw new IllegalArgumentException("no -----END " + label + "----- line");
        }
        return Base64.getMimeDecoder().decode(pem.substring(start, end));
    }
}
