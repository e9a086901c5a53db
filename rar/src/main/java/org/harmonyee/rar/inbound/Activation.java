package org.harmonyee.rar.inbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkManager;
import org.harmonyee.core.config.GatewayConfig;
import org.harmonyee.core.config.NetworkConfig;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * One endpoint activation: the DICOM listeners of the configuration it read, all delivering to its
 * factory's endpoints. A listener whose port is taken keeps trying (see {@link NetworkListener#open});
 * any other failure to open closes those already open, so a failed activation leaves no
 * half-started server behind.
 */
final class Activation implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Activation.class.getName());

    private final List<NetworkListener> listeners = new ArrayList<>();

    Activation(GatewayConfig config, MessageEndpointFactory factory, WorkManager workManager) throws ResourceException {
        EndpointDelivery delivery = new EndpointDelivery(factory);
        for (NetworkConfig network : config.networks().values()) {
            if (network.dicom().isPresent()) {
                listeners.add(new NetworkListener(network.name(), network.dicom().get(), workManager, delivery));
            }
        }
        if (listeners.isEmpty()) {
            LOG.log(Level.INFO, () -> config.file() + " has no [network.NAME.dicom]: no DICOM listener to open");
        }
    }

    void open() throws ResourceException {
        List<NetworkListener> opened = new ArrayList<>();
        try {
            for (NetworkListener listener : listeners) {
                listener.open();
                opened.add(listener);
            }
        } catch (ResourceException e) {
            opened.forEach(NetworkListener::close);
            throw e;
        }
    }

    List<NetworkListener> listeners() {
        return List.copyOf(listeners);
    }

    @Override
    public void close() {
        listeners.forEach(NetworkListener::close);
    }
}
