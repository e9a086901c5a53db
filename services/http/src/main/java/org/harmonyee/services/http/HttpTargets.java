package org.harmonyee.services.http;

import org.harmonyee.core.config.Options;
import org.harmonyee.core.health.Probe;
import org.harmonyee.core.health.TargetProtocol;

import java.net.URI;

/**
 * How HTTP-family backends (http, fhir) write and probe their targets: {@code base_url} or a
 * target's {@code url}, both http(s) URLs; a target with {@code health_check_path} is probed by
 * {@link HttpGetProbe} expecting {@code health_check_expected_status} (default 200).
 */
public final class HttpTargets implements TargetProtocol {

    public static final HttpTargets INSTANCE = new HttpTargets();

    private HttpTargets() {
    }

    @Override
    public String addressKey() {
        return "base_url";
    }

    @Override
    public URI backendAddress(Options options) {
        return options.httpUrl("base_url");
    }

    @Override
    public URI targetAddress(Options options) {
        return options.httpUrl("url");
    }

    @Override
    public Probe probe(URI address, Options options) {
        String path = options.string("health_check_path").orElse(null);
        int expectedStatus = (int) options.integer("health_check_expected_status", 200, 100, 599);
        if (path == null) {
            return null;
        }
        if (!path.startsWith("/")) {
            options.problem("health_check_path", "must start with '/', got '" + path + "'");
            return null;
        }
        return new HttpGetProbe(address == null ? null
                : URI.create(address.toString().replaceAll("/+$", "") + path), expectedStatus);
    }
}
