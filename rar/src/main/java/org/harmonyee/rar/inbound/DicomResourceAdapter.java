package org.harmonyee.rar.inbound;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkManager;
import org.harmonyee.core.config.ConfigException;
import org.harmonyee.core.config.ConfigReader;
import org.harmonyee.core.config.GatewayConfig;
import org.harmonyee.rar.api.DicomMessageListener;
import org.harmonyee.rar.api.ListeningNetworks;
import org.harmonyee.rar.api.OpenAssociation;
import org.harmonyee.rar.api.OpenAssociations;

import javax.transaction.xa.XAResource;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The resource adapter hosting the gateway's DICOM listeners. {@link #start} keeps the server's
 * WorkManager; each {@link #endpointActivation} of a {@link DicomMessageListener} bean reads the
 * gateway's configuration and opens its {@code [network.NAME.dicom]} listeners for that bean
 * (state keyed by activation, so a second activation never replaces the first);
 * {@link #endpointDeactivation} and {@link #stop} close them and abort their associations. While it
 * runs, the associations open on its listeners are published in {@link OpenAssociations}, and the
 * state of each listener in {@link ListeningNetworks}: a listener whose port is taken does not fail
 * the activation (and with it the deployment) but is bound as soon as the port is free.
 */
public class DicomResourceAdapter implements ResourceAdapter {

    private static final System.Logger LOG = System.getLogger(DicomResourceAdapter.class.getName());

    private final Map<ActivationKey, Activation> activations = new ConcurrentHashMap<>();
    private final Supplier<List<OpenAssociation>> openAssociations = this::openAssociations;
    private final Supplier<Map<String, String>> listenerStates = this::listenerStates;
    private volatile WorkManager workManager;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        workManager = context.getWorkManager();
        OpenAssociations.publish(openAssociations);
        ListeningNetworks.publish(listenerStates);
        LOG.log(Level.INFO, "Harmony EE DICOM resource adapter started");
    }

    @Override
    public void stop() {
        OpenAssociations.withdraw(openAssociations);
        ListeningNetworks.withdraw(listenerStates);
        activations.keySet().forEach(key -> close(activations.remove(key)));
        LOG.log(Level.INFO, "Harmony EE DICOM resource adapter stopped");
    }

    /** The associations open on every listener of every activation, published in {@link OpenAssociations}. */
    List<OpenAssociation> openAssociations() {
        return activations.values().stream().flatMap(activation -> activation.listeners().stream())
                .flatMap(listener -> listener.openAssociations().stream()).toList();
    }

    /** Each listener's network and state (listening, or why not yet), published in {@link ListeningNetworks}. */
    Map<String, String> listenerStates() {
        return activations.values().stream().flatMap(activation -> activation.listeners().stream())
                .collect(Collectors.toMap(NetworkListener::network, NetworkListener::state, (first, second) -> first));
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof DicomActivationSpec dicomSpec)) {
            throw new NotSupportedException("expected a " + DicomActivationSpec.class.getName() + ", got "
                    + (spec == null ? "null" : spec.getClass().getName()));
        }
        if (workManager == null) {
            throw new ResourceAdapterInternalException("the resource adapter was not started");
        }
        Path file = dicomSpec.configFile(System::getProperty, System::getenv);
        Activation activation = new Activation(read(file), factory, workManager);
        activation.open();
        activations.put(new ActivationKey(factory, spec), activation);
        LOG.log(Level.INFO, () -> "activated " + factory.getActivationName() + ": " + activation.listeners().size()
                + " DICOM listeners from " + file);
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        Activation activation = activations.remove(new ActivationKey(factory, spec));
        close(activation);
    }

    /** Inbound only: no transactions to recover. */
    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    /** The listeners of the activation of {@code factory}, for tests: empty when it is not active. */
    List<NetworkListener> listeners(MessageEndpointFactory factory, ActivationSpec spec) {
        Activation activation = activations.get(new ActivationKey(factory, spec));
        return activation == null ? List.of() : activation.listeners();
    }

    private static GatewayConfig read(Path file) throws ResourceException {
        try {
            return ConfigReader.read(file);
        } catch (ConfigException e) {
            throw new ResourceException(file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static void close(Activation activation) {
        if (activation != null) {
            activation.close();
        }
    }

    /**
     * IronJacamar's archive validation (WildFly) requires a ResourceAdapter to declare equals and
     * hashCode (JCA 1.5 5.3.1); this adapter has no configuration properties, so it equals itself only.
     */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** An activation is its factory and spec, as endpointDeactivation names them (identity, never a copy). */
    private record ActivationKey(MessageEndpointFactory factory, ActivationSpec spec) {

        @Override
        public boolean equals(Object other) {
            return other instanceof ActivationKey key && key.factory == factory && key.spec == spec;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(factory) * 31 + System.identityHashCode(spec);
        }
    }
}
