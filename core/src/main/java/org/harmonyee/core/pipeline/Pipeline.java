package org.harmonyee.core.pipeline;

import java.util.List;

/**
 * A configured pipeline, assembled and ready: its endpoints, its middleware in declared order,
 * and the backend that receives what passes (null: the endpoint answers,
 * {@link Endpoint#answerWithoutBackend}).
 */
public record Pipeline(String name, String description, List<String> networks, List<Endpoint> endpoints,
                       List<NamedMiddleware> middleware, Backend backend) {
}
