package org.harmonyee.core.config;

import java.nio.file.Path;

/**
 * The TLS keys of {@code [network.NAME.dicom]} with {@code tls = true}: the listener's key store
 * (its key and certificate), the trust store of the certificates it accepts from callers, and
 * whether a caller must present one. PKCS12 or JKS. {@code toString} never shows the passwords.
 */
public record DicomTlsSettings(Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword,
                               boolean requireClientCert) {

    @Override
    public String toString() {
        return "DicomTlsSettings[keyStore=" + keyStore + ", trustStore=" + trustStore + ", requireClientCert="
                + requireClientCert + "]";
    }
}
