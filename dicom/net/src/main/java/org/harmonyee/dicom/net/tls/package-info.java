/**
 * DICOM over TLS (PS3.15 B.1, BCP 195): {@link org.harmonyee.dicom.net.tls.TlsConfig} names the key
 * and trust stores and the protocols (TLS 1.3 and 1.2 by default), {@link org.harmonyee.dicom.net.tls.DicomTls}
 * makes the sockets for requestors and acceptors, with client authentication optional. It knows
 * nothing of associations; peers are trusted by certificate, not by host name, as DICOM does.
 */
package org.harmonyee.dicom.net.tls;
