package org.harmonyee.dicom.net.service;

/** A remote application entity: AE title, host, port, and whether it speaks DICOM over TLS. */
public record RemoteAE(String aeTitle, String host, int port, boolean tls) {

    public RemoteAE {
        if (aeTitle == null || aeTitle.isBlank() || aeTitle.strip().length() > 16) {
            throw new IllegalArgumentException("aeTitle: expected 1-16 characters, got \"" + aeTitle + "\"");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port: expected 1-65535, got " + port);
        }
    }

    public static RemoteAE plain(String aeTitle, String host, int port) {
        return new RemoteAE(aeTitle, host, port, false);
    }
}
