package org.harmonyee.server.backend;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.pipeline.Backend;
import org.harmonyee.core.pipeline.BackendInvoker;

/**
 * Runs backend calls as a stateless EJB: pooled by the server, under its security context, and
 * outside any transaction because a backend call is remote I/O of unbounded duration. The
 * no-interface view passes envelopes by reference, so streamed bodies flow through untouched.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BackendBean implements BackendInvoker {

    @Override
    @BackendObserved
    public ResponseEnvelope invoke(Backend backend, RequestEnvelope request) {
        return backend.invoke(request);
    }
}
