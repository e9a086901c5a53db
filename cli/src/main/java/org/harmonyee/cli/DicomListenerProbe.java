package org.harmonyee.cli;

import org.harmonyee.core.config.DicomListener;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.association.Timeouts;
import org.harmonyee.dicom.net.service.DicomClient;
import org.harmonyee.dicom.net.service.Proposal;
import org.harmonyee.dicom.net.service.RemoteAE;
import org.harmonyee.dicom.net.service.ScuAssociation;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Whether a network's DICOM listener is up: the resource adapter binds it after the web module
 * answers, so the HTTP probe alone says ready too early. A plain listener is ready when it accepts
 * an association for a C-ECHO to its own AE title, which it answers by itself once its endpoints
 * are active (it may reject associations until then); the association is released at once. A TLS
 * listener is ready when its port accepts a connection, as this command holds no certificate the
 * listener would trust.
 */
final class DicomListenerProbe {

    static final String CALLING_AE_TITLE = "HARMONY_READY";

    private final DicomListener listener;
    private final String host;
    private final Duration timeout;

    DicomListenerProbe(DicomListener listener, Duration timeout) {
        this.listener = listener;
        this.host = AwaitReadyCommand.loopbackFor(listener.bindAddress());
        this.timeout = timeout;
    }

    /** What the readiness line names: {@code dicom://AET@host:port}, {@code dicoms://} with TLS. */
    String address() {
        return (listener.tls().isPresent() ? "dicoms://" : "dicom://") + listener.aeTitle() + "@" + host + ":"
                + listener.bindPort();
    }

    boolean ready() {
        return listener.tls().isPresent() ? accepts() : answersAssociation();
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, listener.bindPort()), (int) timeout.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean answersAssociation() {
        AssociationSettings settings = AssociationSettings.DEFAULT.withTimeouts(new Timeouts(timeout, timeout, timeout,
                timeout, timeout));
        DicomClient client = new DicomClient(CALLING_AE_TITLE, settings, DicomListenerProbe::daemon, null);
        RemoteAE listenerAe = RemoteAE.plain(listener.aeTitle(), host, listener.bindPort());
        try (ScuAssociation association = client.open(listenerAe, Proposal.verification())) {
            return association.isOpen();
        } catch (IOException e) {
            return false;
        }
    }

    /** The association's reader, on a daemon thread: a probe never keeps the command alive. */
    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "harmony-await-ready-dicom");
        thread.setDaemon(true);
        thread.start();
    }
}
