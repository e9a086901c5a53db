package org.harmonyee.middleware.auth;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.envelope.ContainerCaller;
import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.core.pipeline.Chain;
import org.harmonyee.core.pipeline.Middleware;
import org.harmonyee.core.runtime.BuildContext;

import java.util.List;
import java.util.Optional;

/**
 * Type {@code container_auth}: accepts the caller the application server authenticated
 * ({@link RequestEnvelope#containerCaller()}: the Servlet principal of an HTTP request, with the
 * server's role mapping). No such caller is 401 with {@code WWW-Authenticate: Basic realm="..."};
 * with {@code roles}, a caller holding none of them is 403. Sets metadata {@code auth.user} and
 * {@code auth.method} ({@code container}).
 */
public final class ContainerAuth implements Middleware {

    public static final String TYPE = "container_auth";

    private final List<String> roles;
    private final String challenge;

    ContainerAuth(List<String> roles, String realm) {
        this.roles = List.copyOf(roles);
        this.challenge = "Basic realm=\"" + realm.replace("\"", "") + "\", charset=\"UTF-8\"";
    }

    public static ContainerAuth create(ComponentConfig config, Options options, BuildContext context) {
        List<String> roles = options.strings("roles");
        if (roles.stream().anyMatch(String::isBlank)) {
            options.problem("roles", "role names must not be blank");
        }
        return new ContainerAuth(roles, options.string("realm", "harmony"));
    }

    @Override
    public ResponseEnvelope handle(RequestEnvelope request, Chain next) {
        Optional<ContainerCaller> caller = request.containerCaller();
        if (caller.isEmpty()) {
            throw new GatewayException(ProblemType.UNAUTHORIZED, "the server has authenticated no caller for this request")
                    .withHeader("WWW-Authenticate", challenge);
        }
        String name = caller.get().name();
        if (!roles.isEmpty() && roles.stream().noneMatch(caller.get()::inRole)) {
            throw new GatewayException(ProblemType.FORBIDDEN, "caller '" + name + "' has none of the roles "
                    + String.join(", ", roles));
        }
        request.metadata().put(MetadataKeys.PRINCIPAL, name);
        request.metadata().put(MetadataKeys.AUTH_METHOD, "container");
        return next.proceed(request);
    }
}
