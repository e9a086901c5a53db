package org.harmonyee.core.pipeline;

import org.harmonyee.core.content.BodyLimit;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one exchange through a pipeline: endpoint preparation, the middleware around-chain, the
 * backend, endpoint finishing. Every door calls {@link #execute}; it never throws: failures come
 * back as the endpoint's rendering of the problem.
 */
public final class PipelineExecutor {

    private static final Logger LOG = Logger.getLogger(PipelineExecutor.class.getName());

    private final BackendInvoker invoker;

    public PipelineExecutor(BackendInvoker invoker) {
        this.invoker = invoker;
    }

    public ResponseEnvelope execute(Route route, RequestEnvelope request) {
        Endpoint endpoint = route.endpoint();
        try {
            endpoint.prepare(request);
            ResponseEnvelope response = link(route, 0).proceed(request);
            ChangedBody.render(response);
            endpoint.finish(request, response);
            return response;
        } catch (GatewayException failure) {
            LOG.log(failure.type().httpStatus() >= 500 ? Level.WARNING : Level.FINE, failure,
                    () -> request.exchangeId() + ": " + failure.type().uri() + ": " + failure.detail());
            return endpoint.renderFailure(failure, request);
        } catch (RuntimeException unexpected) {
            GatewayException wrapped = BodyLimit.unwrap(unexpected);
            if (wrapped != null) {
                LOG.log(Level.FINE, unexpected, () -> request.exchangeId() + ": " + wrapped.type().uri());
                return endpoint.renderFailure(wrapped, request);
            }
            LOG.log(Level.SEVERE, unexpected, () -> request.exchangeId() + ": unexpected failure in pipeline "
                    + route.pipeline().name());
            return endpoint.renderFailure(new GatewayException(ProblemType.INTERNAL,
                    "internal error; the gateway log has the details of exchange " + request.exchangeId()), request);
        } finally {
            request.body().discard();
        }
    }

    private Chain link(Route route, int index) {
        List<NamedMiddleware> middleware = route.pipeline().middleware();
        if (index == middleware.size()) {
            return request -> {
                ResponseEnvelope response = callBackend(route.pipeline().backend(), request);
                route.endpoint().adopt(response);
                return response;
            };
        }
        NamedMiddleware current = middleware.get(index);
        Chain next = link(route, index + 1);
        return request -> {
            try {
                return current.middleware().handle(request, next);
            } catch (GatewayException failure) {
                throw failure;
            } catch (RuntimeException unexpected) {
                GatewayException wrapped = BodyLimit.unwrap(unexpected);
                if (wrapped != null) {
                    throw wrapped;
                }
                LOG.log(Level.SEVERE, unexpected, () -> request.exchangeId() + ": middleware '" + current.name()
                        + "' (" + current.type() + ") failed");
                throw new GatewayException(ProblemType.MIDDLEWARE_FAILURE,
                        "middleware '" + current.name() + "' failed", unexpected);
            }
        };
    }

    private ResponseEnvelope callBackend(Backend backend, RequestEnvelope request) {
        if (backend == null) {
            return ResponseEnvelope.of(200);
        }
        return invoker.invoke(backend, request);
    }
}
