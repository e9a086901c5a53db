package org.harmonyee.services.dicomweb;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The URLs a DICOMweb server names its own resources by (BulkDataURI, Retrieve URL, Location), put
 * below the gateway's base instead, so that a caller's next request comes through the gateway. A URL
 * is the server's when it starts with a target's base URL, or when it is an absolute http(s) URL
 * whose path starts with a target's base path: servers build their URLs from the Host or
 * {@code Forwarded} header they were sent or from their own configuration, so the host they write
 * need not be the one the gateway calls. Any other URL is left as it is.
 */
final class UpstreamUris {

    private final List<URI> bases;

    /** @param bases the base URLs of the backend's targets */
    UpstreamUris(List<URI> bases) {
        this.bases = bases.stream().map(base -> URI.create(trimSlash(base.toString()))).toList();
    }

    /** {@code uri} below {@code gatewayBase} when it names one of the server's resources; else unchanged. */
    String rewrite(String uri, String gatewayBase) {
        for (URI base : bases) {
            String prefix = base.toString();
            if (uri.equals(prefix) || uri.startsWith(prefix + "/") || uri.startsWith(prefix + "?")) {
                return gatewayBase + uri.substring(prefix.length());
            }
        }
        URI parsed;
        try {
            parsed = URI.create(uri);
        } catch (IllegalArgumentException e) {
            return uri;
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        String path = parsed.getRawPath();
        if (!(scheme.equals("http") || scheme.equals("https")) || parsed.getRawAuthority() == null || path == null) {
            return uri;
        }
        for (URI base : bases) {
            String basePath = base.getRawPath() == null ? "" : base.getRawPath();
            if (path.equals(basePath) || path.startsWith(basePath + "/")) {
                int start = uri.indexOf(parsed.getRawAuthority()) + parsed.getRawAuthority().length() + basePath.length();
                return gatewayBase + uri.substring(start);
            }
        }
        return uri;
    }

    private static String trimSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
