package org.harmonyee.core.envelope;

/**
 * The caller the application server authenticated for a request (the Servlet principal, with the
 * server's role mapping), as a door that has one hands it to the pipeline. The {@code container_auth}
 * middleware reads it; the core itself never does.
 */
public interface ContainerCaller {

    /** The principal's name. */
    String name();

    /** Whether the server maps the caller to {@code role}. */
    boolean inRole(String role);
}
