package org.harmonyee.core.config;

import java.nio.file.Path;

/**
 * {@code [audit.syslog]}: the audit record repository receiving DICOM PS3.15 audit messages as
 * RFC 5424 syslog messages, octet-counted (RFC 6587) over TCP or over TLS (RFC 5425). With TLS, a
 * trust store (PKCS12 or JKS) may name the certificates trusted besides the JVM's own.
 * {@code toString} never shows the password.
 */
public record SyslogSettings(String host, int port, Transport transport, Path trustStore, String trustStorePassword,
                             String appName) {

    /** How messages travel to the collector. */
    public enum Transport {
        TCP, TLS
    }

    @Override
    public String toString() {
        return "SyslogSettings[host=" + host + ", port=" + port + ", transport=" + transport + ", trustStore="
                + trustStore + ", appName=" + appName + "]";
    }
}
