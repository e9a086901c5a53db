package org.harmonyee.services.dimse;

import org.harmonyee.core.config.Options;
import org.harmonyee.core.health.Probe;
import org.harmonyee.core.health.TargetProtocol;
import org.harmonyee.dicom.net.service.RemoteAE;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * How the {@code dicom} backend writes and probes its targets: {@code aet}, {@code host} and
 * {@code port}, in the backend's table or in each {@code [targets.NAME]} table, make the address
 * {@code dicom://AET@host:port} ({@code dicoms://} when the backend uses TLS). A target table with
 * {@code health_check = true}, or with {@code health_check_interval_ms} and no {@code health_check},
 * is probed by {@link CEchoProbe}.
 */
public final class DicomTargets implements TargetProtocol {

    private static final String SCHEME = "dicom";
    private static final String TLS_SCHEME = "dicoms";
    private static final URI INVALID = URI.create("dicom://INVALID@invalid:104");

    private final ScuSettings scu;

    DicomTargets(ScuSettings scu) {
        this.scu = scu;
    }

    @Override
    public String addressKey() {
        return "host";
    }

    @Override
    public URI backendAddress(Options options) {
        return address(options);
    }

    @Override
    public URI targetAddress(Options options) {
        return address(options);
    }

    @Override
    public Probe probe(URI address, Options options) {
        boolean wanted = options.has("health_check") ? options.bool("health_check", false)
                : options.has("health_check_interval_ms");
        return wanted ? new CEchoProbe(remote(address), scu) : null;
    }

    private URI address(Options options) {
        String aet = AeTitles.required(options, "aet");
        String host = options.requiredString("host").strip();
        int port = 104;
        if (options.has("port")) {
            port = options.port("port", port);
        } else {
            options.problem("port", "required, missing");
        }
        if (host.isEmpty()) {
            return INVALID;
        }
        try {
            URI uri = new URI(scu.usesTls() ? TLS_SCHEME : SCHEME, aet, host, port, null, null, null);
            if (uri.getHost() == null) {
                options.problem("host", "not a host name or address: '" + host + "'");
                return INVALID;
            }
            return uri;
        } catch (URISyntaxException e) {
            options.problem("host", "not a host name or address: '" + host + "'");
            return INVALID;
        }
    }

    /** The remote AE a target's address names. */
    public static RemoteAE remote(URI address) {
        String host = address.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new RemoteAE(address.getUserInfo(), host, address.getPort(), TLS_SCHEME.equals(address.getScheme()));
    }
}
