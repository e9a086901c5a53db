package org.harmonyee.server.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import org.harmonyee.core.runtime.GatewayRuntime;

/**
 * The assembled gateway as the doors and the exchange service read it, on every request: a plain
 * application-scoped bean, so that reading it costs a field access rather than an EJB call (with
 * its transaction and security checks). {@link GatewayLifecycle} publishes the runtime once it is
 * assembled and withdraws it when the application stops.
 */
@ApplicationScoped
public class RunningGateway {

    private volatile GatewayRuntime runtime;

    void publish(GatewayRuntime assembled) {
        this.runtime = assembled;
    }

    GatewayRuntime withdraw() {
        GatewayRuntime current = runtime;
        runtime = null;
        return current;
    }

    /** Whether the gateway is assembled and not yet stopped. */
    public boolean running() {
        return runtime != null;
    }

    /**
     * The running gateway.
     *
     * @throws IllegalStateException before it is assembled or after it stopped
     */
    public GatewayRuntime runtime() {
        GatewayRuntime current = runtime;
        if (current == null) {
            throw new IllegalStateException("the gateway is not running");
        }
        return current;
    }
}
