package org.harmonyee.middleware.filter;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.core.pipeline.Chain;
import org.harmonyee.core.pipeline.Middleware;
import org.harmonyee.core.runtime.BuildContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Type {@code path_filter}: lets through only paths that match one of {@code rules}; the matched
 * parameters go into the metadata as {@code path.NAME}. Anything else is 404 and the backend is
 * not called.
 */
public final class PathFilter implements Middleware {

    public static final String TYPE = "path_filter";

    private final String name;
    private final List<PathPattern> rules;

    PathFilter(String name, List<PathPattern> rules) {
        this.name = name;
        this.rules = List.copyOf(rules);
    }

    public static PathFilter create(ComponentConfig config, Options options, BuildContext context) {
        List<PathPattern> rules = new ArrayList<>();
        List<String> patterns = options.strings("rules");
        if (patterns.isEmpty()) {
            options.problem("rules", "required: a list of allowed path patterns such as [\"/Patient/{id}\"]");
        }
        for (String pattern : patterns) {
            try {
                rules.add(PathPattern.compile(pattern.strip()));
            } catch (IllegalArgumentException e) {
                options.problem("rules", "'" + pattern + "': " + e.getMessage());
            }
        }
        return new PathFilter(config.name(), rules);
    }

    @Override
    public ResponseEnvelope handle(RequestEnvelope request, Chain next) {
        String path = request.path().isEmpty() ? "/" : request.path();
        for (PathPattern rule : rules) {
            Optional<Map<String, String>> match = rule.match(path);
            if (match.isPresent()) {
                match.get().forEach((key, value) -> request.metadata().put("path." + key, value));
                return next.proceed(request);
            }
        }
        throw new GatewayException(ProblemType.NOT_FOUND, "no rule of path_filter '" + name + "' allows " + path);
    }
}
