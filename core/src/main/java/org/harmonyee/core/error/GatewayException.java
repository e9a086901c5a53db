package org.harmonyee.core.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure with its protocol answer: the problem type, a detail safe to show a caller, and the
 * response headers the answer needs (WWW-Authenticate on a 401, Retry-After on a 503).
 *
 * <p>Unchecked so that it crosses the middleware chain and lambdas unchanged; the executor is the
 * single place that catches it and asks the endpoint to render it.
 */
public class GatewayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemType type;
    private final transient Map<String, String> headers;
    private Integer dimseStatus;

    public GatewayException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public GatewayException(ProblemType type, String detail, Throwable cause) {
        super(detail, cause);
        this.type = type;
        this.headers = new LinkedHashMap<>();
    }

    public ProblemType type() {
        return type;
    }

    /** The detail member: what went wrong, in words safe for the caller (no secrets, no stack). */
    public String detail() {
        return getMessage();
    }

    public Map<String, String> headers() {
        return headers;
    }

    public GatewayException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /**
     * The DIMSE status a DICOM door answers: the one set by {@link #withDimseStatus} (a PACS's own
     * failure status, passed through), else the problem type's.
     */
    public int dimseStatus() {
        return dimseStatus != null ? dimseStatus : type.dimseStatus();
    }

    /** Answers DICOM callers with this status instead of the problem type's (e.g. the PACS's A801). */
    public GatewayException withDimseStatus(int status) {
        this.dimseStatus = status;
        return this;
    }
}
