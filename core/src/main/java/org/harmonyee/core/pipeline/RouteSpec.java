package org.harmonyee.core.pipeline;

import java.util.Set;

/**
 * A route an endpoint serves on a network, by its key and the methods allowed there. The key of an
 * HTTP route is a path prefix (the prefix itself and everything under it); the key of a DICOM route
 * is {@code dicom:AETITLE}, the called AE title that selects the endpoint on the network's DICOM
 * listener, and its methods are DIMSE operations ({@code C-FIND}, ...). The two never match each
 * other's requests: an HTTP path starts with '/', a DICOM key never does.
 */
public record RouteSpec(String prefix, Set<String> methods) {

    public static final Set<String> ALL_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /** The start of every DICOM route key. */
    public static final String DICOM = "dicom:";

    /**
     * A DICOM route: requests whose called AE title is {@code aeTitle}.
     *
     * @param aeTitle    the called AE title, or null for the network's own ({@code [network.N.dicom] aet}),
     *                   filled in when the routes are laid
     * @param operations the DIMSE operations served
     */
    public static RouteSpec dicom(String aeTitle, Set<String> operations) {
        return new RouteSpec(DICOM + (aeTitle == null ? "" : aeTitle), operations);
    }

    /** The route key a DICOM door looks up for a called AE title. */
    public static String dicomKey(String calledAeTitle) {
        return DICOM + calledAeTitle;
    }

    public boolean isDicom() {
        return prefix.startsWith(DICOM);
    }

    /** A DICOM route still waiting for its network's AE title. */
    public boolean takesNetworkAeTitle() {
        return prefix.equals(DICOM);
    }

    /** Whether {@code path} is the prefix or lies under it, segment-wise ("/echo" does not match "/echoes"). */
    public boolean covers(String path) {
        if (isDicom()) {
            return prefix.equals(path);
        }
        if (prefix.equals("/")) {
            return path.startsWith("/");
        }
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    /** The part of {@code path} below the prefix: "" for the prefix itself, else starting with '/'. */
    public String relative(String path) {
        return prefix.equals("/") ? path : path.substring(prefix.length());
    }
}
