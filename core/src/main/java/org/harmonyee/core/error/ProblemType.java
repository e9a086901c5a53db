package org.harmonyee.core.error;

/**
 * The failures the gateway is built to report, each with its stable problem type, HTTP status and
 * DIMSE status (PS3.7 Annex C / PS3.4). The type URIs are part of the public contract.
 */
public enum ProblemType {

    MALFORMED_REQUEST("malformed-request", "Malformed request", 400, 0xC000),
    UNAUTHORIZED("unauthorized", "Authentication required", 401, 0x0124),
    FORBIDDEN("forbidden", "Forbidden", 403, 0x0124),
    NOT_FOUND("not-found", "Not found", 404, 0xC000),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405, 0x0112),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406, 0xC000),
    CONFLICT("conflict", "Conflict", 409, 0x0119),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", 413, 0xA700),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415, 0xA900),
    MIDDLEWARE_FAILURE("middleware-failure", "Middleware failure", 500, 0x0110),
    CONFIGURATION("configuration", "Configuration failure", 500, 0x0110),
    INTERNAL("internal", "Internal error", 500, 0x0110),
    NOT_IMPLEMENTED("not-implemented", "Not implemented", 501, 0x0112),
    BACKEND_UNREACHABLE("backend-unreachable", "Backend unreachable", 502, 0xA701),
    BACKEND_UNAVAILABLE("backend-unavailable", "No backend target available", 503, 0xA701),
    BACKEND_TIMEOUT("backend-timeout", "Backend timeout", 504, 0xA701);

    private static final String BASE = "urn:harmonyee:problem:";

    private final String slug;
    private final String title;
    private final int httpStatus;
    private final int dimseStatus;

    ProblemType(String slug, String title, int httpStatus, int dimseStatus) {
        this.slug = slug;
        this.title = title;
        this.httpStatus = httpStatus;
        this.dimseStatus = dimseStatus;
    }

    /** The RFC 9457 {@code type} member: a stable URN such as {@code urn:harmonyee:problem:not-found}. */
    public String uri() {
        return BASE + slug;
    }

    public String title() {
        return title;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int dimseStatus() {
        return dimseStatus;
    }
}
