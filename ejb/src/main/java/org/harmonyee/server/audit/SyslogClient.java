package org.harmonyee.server.audit;

import org.harmonyee.core.config.SyslogSettings;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends RFC 5424 syslog messages to one collector over TCP with octet-counting framing
 * (RFC 6587 3.4.1), or over TLS (RFC 5425, the same framing). The connection is opened on the first
 * message and again after a failure, but not sooner than {@link #RETRY_AFTER} after a failed
 * attempt, so that an unreachable collector does not make the writer wait on every message; a
 * message that cannot be sent is reported to the caller, which counts it. Used by one thread only
 * (the audit trail's writer).
 */
final class SyslogClient implements AutoCloseable {

    /** Facility 10 (security/authorization), severity 5 (notice), as IHE ATNA asks of audit messages. */
    static final int PRIORITY = 10 * 8 + 5;
    /** The MSGID that tells a collector the message is an RFC 3881/DICOM audit message (IHE ITI TF-2a 3.20.7). */
    static final String MSG_ID = "IHE+RFC-3881";
    /** How long after a failed connection the next attempt waits. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(2);
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final SyslogSettings settings;
    private final String hostName;
    private final String processId = Long.toString(ProcessHandle.current().pid());
    private final Duration retryAfter;
    private Socket socket;
    private OutputStream out;
    private long nextAttempt = System.nanoTime();

    SyslogClient(SyslogSettings settings, String hostName) {
        this(settings, hostName, RETRY_AFTER);
    }

    SyslogClient(SyslogSettings settings, String hostName, Duration retryAfter) {
        this.settings = settings;
        this.hostName = hostName;
        this.retryAfter = retryAfter;
    }

    /** Sends one message; on failure the connection is dropped, to be opened again for the next. */
    void send(Instant time, String message) throws IOException {
        byte[] frame = frame(time, message);
        if (out == null && System.nanoTime() - nextAttempt < 0) {
            throw new IOException("the collector was unreachable; the next attempt is after "
                    + retryAfter.toMillis() + " ms");
        }
        try {
            if (out == null) {
                connect();
            }
            out.write(frame);
            out.flush();
        } catch (IOException | GeneralSecurityException e) {
            close();
            nextAttempt = System.nanoTime() + retryAfter.toNanos();
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    /** {@code LENGTH SP SYSLOG-MSG}, the message being {@code HEADER SP "-" SP BOM MSG} (no structured data). */
    byte[] frame(Instant time, String message) {
        byte[] header = ("<" + PRIORITY + ">1 " + time + " " + hostName + " " + settings.appName() + " " + processId
                + " " + MSG_ID + " - ").getBytes(StandardCharsets.US_ASCII);
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        int length = header.length + BOM.length + body.length;
        byte[] prefix = (length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[prefix.length + length];
        System.arraycopy(prefix, 0, frame, 0, prefix.length);
        System.arraycopy(header, 0, frame, prefix.length, header.length);
        System.arraycopy(BOM, 0, frame, prefix.length + header.length, BOM.length);
        System.arraycopy(body, 0, frame, prefix.length + header.length + BOM.length, body.length);
        return frame;
    }

    private void connect() throws IOException, GeneralSecurityException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(settings.host(), settings.port()), CONNECT_TIMEOUT_MS);
        if (settings.transport() == SyslogSettings.Transport.TLS) {
            SSLSocket tls = (SSLSocket) sslContext().getSocketFactory()
                    .createSocket(plain, settings.host(), settings.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            socket = tls;
        } else {
            socket = plain;
        }
        out = socket.getOutputStream();
    }

    private SSLContext sslContext() throws IOException, GeneralSecurityException {
        if (settings.trustStore() == null) {
            return SSLContext.getDefault();
        }
        KeyStore trusted = KeyStore.getInstance(settings.trustStore().toString().endsWith(".jks") ? "JKS" : "PKCS12");
        try (InputStream in = Files.newInputStream(settings.trustStore())) {
            trusted.load(in, settings.trustStorePassword().toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // the connection is being dropped either way
        } finally {
            socket = null;
            out = null;
        }
    }
}
