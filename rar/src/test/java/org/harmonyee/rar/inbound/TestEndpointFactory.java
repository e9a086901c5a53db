package org.harmonyee.rar.inbound;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import org.harmonyee.rar.api.DicomMessageListener;

import javax.transaction.xa.XAResource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A MessageEndpointFactory as a container makes one for a message-driven bean: each endpoint is a
 * proxy implementing MessageEndpoint and the listener interface, delegating to {@code listener};
 * it counts every endpoint created, every beforeDelivery, afterDelivery and release.
 */
final class TestEndpointFactory implements MessageEndpointFactory {

    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger before = new AtomicInteger();
    final AtomicInteger after = new AtomicInteger();
    final AtomicInteger released = new AtomicInteger();
    private final DicomMessageListener listener;

    TestEndpointFactory(DicomMessageListener listener) {
        this.listener = listener;
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource) throws UnavailableException {
        created.incrementAndGet();
        return (MessageEndpoint) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MessageEndpoint.class, DicomMessageListener.class}, this::invoke);
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) throws UnavailableException {
        return createEndpoint(xaResource);
    }

    private Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
        switch (method.getName()) {
            case "beforeDelivery" -> before.incrementAndGet();
            case "afterDelivery" -> after.incrementAndGet();
            case "release" -> released.incrementAndGet();
            case "toString" -> {
                return "endpoint of " + listener;
            }
            default -> {
                try {
                    return method.invoke(listener, arguments);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        return null;
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
        return false;
    }

    @Override
    public String getActivationName() {
        return "test-" + System.identityHashCode(this);
    }

    @Override
    public Class<?> getEndpointClass() {
        return listener.getClass();
    }
}
