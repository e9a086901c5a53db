package org.harmonyee.core.pipeline;

import org.harmonyee.core.content.BodyLimit;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.util.List;
import java.lang.System.Logger.Level;

/**
 * Runs one exchange through a pipeline: endpoint preparation, the middleware around-chain, the
 * backend, endpoint finishing, and the completion hooks. Every door calls {@link #execute}; it
 * never throws: failures come back as the endpoint's rendering of the problem.
 */
public final class PipelineExecutor {

    private static final System.Logger LOG = System.getLogger(PipelineExecutor.class.getName());

    private final BackendInvoker invoker;

    public PipelineExecutor(BackendInvoker invoker) {
        this.invoker = invoker;
    }

    public ResponseEnvelope execute(Route route, RequestEnvelope request) {
        long started = System.nanoTime();
        Endpoint endpoint = route.endpoint();
        ResponseEnvelope response;
        ProblemType problem = null;
        try {
            endpoint.prepare(request);
            response = link(route, 0).proceed(request);
            ChangedBody.render(response);
            endpoint.finish(request, response);
        } catch (GatewayException failure) {
            LOG.log(failure.type().httpStatus() >= 500 ? Level.WARNING : Level.DEBUG,
                    () -> request.exchangeId() + ": " + failure.type().uri() + ": " + failure.detail(), failure);
            problem = failure.type();
            response = endpoint.renderFailure(failure, request);
        } catch (RuntimeException unexpected) {
            GatewayException failure = internal(route, request, unexpected);
            problem = failure.type();
            response = endpoint.renderFailure(failure, request);
        } finally {
            request.body().discard();
        }
        new Completion(route.pipeline(), request, response, started).notifyWhenEnded(problem);
        return response;
    }

    /** A body limit hit while streaming is that limit's problem; anything else is a 500 with the trace logged. */
    private static GatewayException internal(Route route, RequestEnvelope request, RuntimeException unexpected) {
        GatewayException limit = BodyLimit.unwrap(unexpected);
        if (limit != null) {
            LOG.log(Level.DEBUG, () -> request.exchangeId() + ": " + limit.type().uri(), unexpected);
            return limit;
        }
        LOG.log(Level.ERROR, () -> request.exchangeId() + ": unexpected failure in pipeline "
                + route.pipeline().name(), unexpected);
        return new GatewayException(ProblemType.INTERNAL,
                "internal error; the gateway log has the details of exchange " + request.exchangeId());
    }

    private Chain link(Route route, int index) {
        List<NamedMiddleware> middleware = route.pipeline().middleware();
        if (index == middleware.size()) {
            return request -> {
                ResponseEnvelope response = callBackend(route, request);
                route.endpoint().normalizeResponse(response);
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
                LOG.log(Level.ERROR, () -> request.exchangeId() + ": middleware '" + current.name()
                        + "' (" + current.type() + ") failed", unexpected);
                throw new GatewayException(ProblemType.MIDDLEWARE_FAILURE,
                        "middleware '" + current.name() + "' failed", unexpected);
            }
        };
    }

    private ResponseEnvelope callBackend(Route route, RequestEnvelope request) {
        Backend backend = route.pipeline().backend();
        if (backend == null) {
            return route.endpoint().answerWithoutBackend(request);
        }
        return invoker.invoke(backend, request);
    }
}
