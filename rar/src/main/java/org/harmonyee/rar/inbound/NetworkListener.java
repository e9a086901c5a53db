package org.harmonyee.rar.inbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.work.WorkManager;
import org.harmonyee.core.config.DicomListener;
import org.harmonyee.core.config.DicomTlsSettings;
import org.harmonyee.dicom.net.association.AcceptorConfig;
import org.harmonyee.dicom.net.association.AssociationAcceptor;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.association.Timeouts;
import org.harmonyee.dicom.net.association.TransferCapabilities;
import org.harmonyee.dicom.net.tls.DicomTls;
import org.harmonyee.dicom.net.tls.TlsConfig;
import org.harmonyee.rar.api.ListeningNetworks;
import org.harmonyee.rar.api.OpenAssociation;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The DICOM listener of one {@code [network.NAME.dicom]}: an AssociationAcceptor whose accept loop,
 * associations and query/retrieve operations run as Work, every called AE title and caller left to
 * the message endpoint's decision ({@link EndpointPolicy}). Its {@link #state()} is what readiness
 * reports: listening, or why not (a port taken is tried again until it is free).
 */
final class NetworkListener implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(NetworkListener.class.getName());

    /** How often a listener whose port is taken tries to bind it again. */
    static final Duration RETRY = Duration.ofSeconds(5);

    private final String network;
    private final DicomListener config;
    private final AssociationAcceptor acceptor;
    private final AssociationActivity activity;
    private final WorkManagerExecutor executor;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile String state = "not bound yet";

    NetworkListener(String network, DicomListener config, WorkManager workManager, EndpointDelivery delivery)
            throws ResourceException {
        this.network = network;
        this.config = config;
        this.executor = new WorkManagerExecutor(workManager, "DICOM " + network + " " + address());
        this.activity = new AssociationActivity(network, config.tls().isPresent());
        this.acceptor = new AssociationAcceptor(acceptorConfig(), new ListenerRequestHandler(network, delivery, executor,
                activity), executor).policy(new EndpointPolicy(network, config.aeTitle(), config.tls().isPresent(), delivery));
    }

    /**
     * Binds and starts accepting. A port that cannot be bound (taken by another process) does not
     * fail: the listener says why in {@link #state()} and tries again every {@link #RETRY} until it
     * is bound or closed. Only a WorkManager that gives no thread fails, naming the network and address.
     */
    void open() throws ResourceException {
        try {
            bind();
        } catch (IOException e) {
            notBound(e);
            LOG.log(Level.WARNING, () -> "network '" + network + "': cannot listen for DICOM on " + address() + ": "
                    + e.getMessage() + "; trying again every " + RETRY.toSeconds() + " s (not ready until then)");
            execute(this::bindWhenFree);
        } catch (RejectedExecutionException e) {
            throw noThread(e);
        }
    }

    /** {@link ListeningNetworks#LISTENING}, or why the port is not bound yet. */
    String state() {
        return state;
    }

    private synchronized void bind() throws IOException {
        if (closed.getCount() == 0) {
            return;
        }
        acceptor.start();
        state = ListeningNetworks.LISTENING;
        LOG.log(Level.INFO, () -> "network '" + network + "' listens for DICOM on " + address() + " as "
                + config.aeTitle() + (config.tls().isPresent() ? " (TLS)" : "") + ", at most "
                + config.maxAssociations() + " associations");
    }

    private void bindWhenFree() {
        try {
            while (!closed.await(RETRY.toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    bind();
                    return;
                } catch (IOException e) {
                    notBound(e);
                } catch (RejectedExecutionException e) {
                    state = "not bound: no thread to accept on " + address();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void notBound(IOException e) {
        state = "not bound: " + address() + ": " + e.getMessage() + " (trying again every " + RETRY.toSeconds() + " s)";
    }

    private void execute(Runnable task) throws ResourceException {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            throw noThread(e);
        }
    }

    private ResourceException noThread(RejectedExecutionException e) {
        return new ResourceException("network '" + network + "': no thread to accept DICOM on " + address(), e);
    }

    /** The associations open on this listener now, with what each has asked. */
    List<OpenAssociation> openAssociations() {
        return activity.snapshot(acceptor.associations());
    }

    /** The network this listener belongs to. */
    String network() {
        return network;
    }

    /** The port listened on (the configured one; a test's 0 becomes the one bound). */
    int port() {
        return acceptor.port();
    }

    /** Stops accepting and aborts every association (A-ABORT), waiting up to ARTIM for them to end. */
    @Override
    public void close() {
        closed.countDown();
        synchronized (this) {
            acceptor.close();
        }
        LOG.log(Level.INFO, () -> "network '" + network + "': DICOM listener on " + address() + " closed");
    }

    private String address() {
        return config.bindAddress() + ":" + config.bindPort();
    }

    private AcceptorConfig acceptorConfig() throws ResourceException {
        Timeouts timeouts = new Timeouts(Timeouts.DEFAULT.connect(), config.acseTimeout(), Timeouts.DEFAULT.request(),
                config.dimseTimeout(), config.idleTimeout());
        return new AcceptorConfig(config.bindAddress(), config.bindPort(), Set.of(), Set.of(),
                TransferCapabilities.defaults(), config.maxAssociations(),
                AssociationSettings.DEFAULT.withTimeouts(timeouts), tls());
    }

    private DicomTls tls() throws ResourceException {
        if (config.tls().isEmpty()) {
            return null;
        }
        DicomTlsSettings settings = config.tls().get();
        try {
            return DicomTls.of(TlsConfig.pkcs12(settings.keyStore(), settings.keyStorePassword().toCharArray(),
                    settings.trustStore(), settings.trustStorePassword().toCharArray())
                    .withNeedClientAuth(settings.requireClientCert()));
        } catch (IOException | GeneralSecurityException e) {
            throw new ResourceException("network '" + network + "': DICOM TLS: " + e.getMessage(), e);
        }
    }
}
