package org.harmonyee.dicom.net.tls;

import java.nio.file.Path;
import java.util.List;

/**
 * TLS settings of one side: the key store holding this side's key and certificate (null for a
 * client without a certificate), the trust store holding the certificates it trusts, their type
 * (PKCS12 or JKS), the protocols, and whether an acceptor demands a client certificate.
 * {@code toString} never shows the passwords.
 */
public record TlsConfig(Path keyStore, char[] keyStorePassword, Path trustStore, char[] trustStorePassword,
                        String storeType, List<String> protocols, boolean needClientAuth) {

    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    public TlsConfig {
        if (trustStore == null) {
            throw new IllegalArgumentException("trustStore: DICOM TLS needs the certificates to trust");
        }
        protocols = List.copyOf(protocols);
        for (String protocol : protocols) {
            if (!protocol.equals("TLSv1.3") && !protocol.equals("TLSv1.2")) {
                throw new IllegalArgumentException("protocols: expected TLSv1.3 or TLSv1.2, got " + protocol);
            }
        }
        keyStorePassword = keyStorePassword == null ? new char[0] : keyStorePassword.clone();
        trustStorePassword = trustStorePassword == null ? new char[0] : trustStorePassword.clone();
    }

    /** PKCS12 stores, TLS 1.3 and 1.2, client certificate required. */
    public static TlsConfig pkcs12(Path keyStore, char[] keyStorePassword, Path trustStore, char[] trustStorePassword) {
        return new TlsConfig(keyStore, keyStorePassword, trustStore, trustStorePassword, "PKCS12", DEFAULT_PROTOCOLS, true);
    }

    public TlsConfig withProtocols(List<String> value) {
        return new TlsConfig(keyStore, keyStorePassword, trustStore, trustStorePassword, storeType, value, needClientAuth);
    }

    public TlsConfig withNeedClientAuth(boolean value) {
        return new TlsConfig(keyStore, keyStorePassword, trustStore, trustStorePassword, storeType, protocols, value);
    }

    @Override
    public char[] keyStorePassword() {
        return keyStorePassword.clone();
    }

    @Override
    public char[] trustStorePassword() {
        return trustStorePassword.clone();
    }

    @Override
    public String toString() {
        return "TlsConfig[keyStore=" + keyStore + ", trustStore=" + trustStore + ", protocols=" + protocols
                + ", needClientAuth=" + needClientAuth + "]";
    }
}
