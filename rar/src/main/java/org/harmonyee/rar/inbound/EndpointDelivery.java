package org.harmonyee.rar.inbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import org.harmonyee.rar.api.AssociationDecision;
import org.harmonyee.rar.api.AssociationRequest;
import org.harmonyee.rar.api.DicomMessageListener;
import org.harmonyee.rar.api.DimseRequest;
import org.harmonyee.rar.api.DimseResponder;

import java.lang.reflect.Method;
import java.util.function.Function;

/**
 * Delivers one call to a fresh MessageEndpoint of an activation's factory: createEndpoint,
 * beforeDelivery, the listener call, then afterDelivery and release() in {@code finally}, whatever
 * the listener throws, so that no endpoint (an MDB instance, a pool slot) is ever leaked. No
 * XAResource: delivery is not transacted, the bean runs without a transaction.
 */
final class EndpointDelivery {

    private static final Method ON_ASSOCIATION = method("onAssociation", AssociationRequest.class);
    private static final Method ON_REQUEST = method("onRequest", DimseRequest.class, DimseResponder.class);

    private final MessageEndpointFactory factory;

    EndpointDelivery(MessageEndpointFactory factory) {
        this.factory = factory;
    }

    AssociationDecision onAssociation(AssociationRequest request) throws ResourceException {
        return deliver(ON_ASSOCIATION, listener -> listener.onAssociation(request));
    }

    void onRequest(DimseRequest request, DimseResponder responder) throws ResourceException {
        deliver(ON_REQUEST, listener -> {
            listener.onRequest(request, responder);
            return null;
        });
    }

    private <T> T deliver(Method method, Function<DicomMessageListener, T> call) throws ResourceException {
        MessageEndpoint endpoint = factory.createEndpoint(null);
        try {
            endpoint.beforeDelivery(method);
            try {
                return call.apply((DicomMessageListener) endpoint);
            } finally {
                endpoint.afterDelivery();
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the endpoint does not implement " + method, e);
        } finally {
            endpoint.release();
        }
    }

    private static Method method(String name, Class<?>... parameters) {
        try {
            return DicomMessageListener.class.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
