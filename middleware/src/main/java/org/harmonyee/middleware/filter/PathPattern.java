package org.harmonyee.middleware.filter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One compiled matchit-style pattern: {@code /Patient/{id}/_history/{*rest}}. Segments are literal
 * or whole parameters; a catch-all may only end the pattern.
 */
final class PathPattern {

    private final String source;
    private final List<String> segments;

    private PathPattern(String source, List<String> segments) {
        this.source = source;
        this.segments = segments;
    }

    /** Compiles a pattern, or explains what is wrong with it. */
    static PathPattern compile(String pattern) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("must start with '/'");
        }
        List<String> segments = split(pattern);
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            boolean parameter = segment.startsWith("{") && segment.endsWith("}") && segment.length() > 2;
            if (!parameter && (segment.contains("{") || segment.contains("}"))) {
                throw new IllegalArgumentException("segment '" + segment + "' must be a literal or a whole {parameter}");
            }
            if (parameter && segment.startsWith("{*") && i != segments.size() - 1) {
                throw new IllegalArgumentException("the catch-all '" + segment + "' must be the last segment");
            }
        }
        return new PathPattern(pattern, segments);
    }

    /** The parameters if {@code path} matches. */
    Optional<Map<String, String>> match(String path) {
        List<String> actual = split(path);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.startsWith("{*")) {
                parameters.put(segment.substring(2, segment.length() - 1),
                        String.join("/", actual.subList(Math.min(i, actual.size()), actual.size())));
                return i < actual.size() ? Optional.of(parameters) : Optional.empty();
            }
            if (i >= actual.size()) {
                return Optional.empty();
            }
            if (segment.startsWith("{")) {
                parameters.put(segment.substring(1, segment.length() - 1), actual.get(i));
            } else if (!segment.equals(actual.get(i))) {
                return Optional.empty();
            }
        }
        return actual.size() == segments.size() ? Optional.of(parameters) : Optional.empty();
    }

    private static List<String> split(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    @Override
    public String toString() {
        return source;
    }
}
