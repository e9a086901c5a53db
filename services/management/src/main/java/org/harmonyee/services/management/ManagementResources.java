package org.harmonyee.services.management;

import java.util.List;

/**
 * The management API's own resources, below {@code [management] base_path}, each with what it
 * answers: what {@link ManagementBackend} serves and what the API's OpenAPI description lists.
 * Live views the hosting server registers ({@code associations}) come in addition.
 */
public final class ManagementResources {

    /** One resource: its name (the path segment below the base path) and a one-line summary. */
    public record Resource(String name, String summary) {
    }

    public static final List<Resource> ALL = List.of(
            new Resource("info", "The running gateway: version, proxy id, start time, uptime, Java and server"),
            new Resource("pipelines", "Every pipeline with its networks, endpoints, middleware and backends"),
            new Resource("routes", "Every route: path prefix, network, endpoint, service, pipeline and methods"),
            new Resource("backends", "Every backend in use, with its targets' health as their probes saw it"));

    private ManagementResources() {
    }
}
