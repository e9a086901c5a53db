package org.harmonyee.core.envelope;

/**
 * The metadata keys the gateway itself sets on a request, in one place: doors, the exchange
 * service and authentication middleware write them; logs, audit and later middleware read them.
 */
public final class MetadataKeys {

    /** The protocol of the door: {@code http}, {@code dimse}. */
    public static final String PROTOCOL = "protocol";
    /** The address of the client that sent the request. */
    public static final String CLIENT_ADDRESS = "client_address";
    /** The network the exchange arrived on. */
    public static final String NETWORK = "network";
    /** The pipeline that serves the exchange. */
    public static final String PIPELINE = "pipeline";
    /** The endpoint that received the exchange. */
    public static final String ENDPOINT = "endpoint";
    /** Who the caller proved to be, set by authentication middleware. */
    public static final String PRINCIPAL = "auth.user";
    /** How the caller proved it: {@code basic}, {@code token}, {@code jwt}. */
    public static final String AUTH_METHOD = "auth.method";

    private MetadataKeys() {
    }
}
