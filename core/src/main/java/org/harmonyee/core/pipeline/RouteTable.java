package org.harmonyee.core.pipeline;

import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The routes of every network, longest prefix first. A request is matched only against the routes
 * of the network it arrived on. Immutable once built; conflicts are rejected when it is assembled.
 */
public final class RouteTable {

    private final Map<String, List<Route>> byNetwork;

    public RouteTable(List<Route> routes) {
        Map<String, List<Route>> grouped = new LinkedHashMap<>();
        for (Route route : routes) {
            grouped.computeIfAbsent(route.network(), n -> new ArrayList<>()).add(route);
        }
        grouped.replaceAll((network, list) -> list.stream()
                .sorted(Comparator.comparingInt((Route r) -> r.spec().prefix().length()).reversed())
                .toList());
        this.byNetwork = Map.copyOf(grouped);
    }

    /**
     * The route serving {@code path} for {@code method} on {@code network}.
     *
     * @throws GatewayException 404 when no endpoint of the network serves the path, 405 (with
     *         Allow) when one does but not for this method
     */
    public Route match(String network, String path, String method) {
        for (Route route : byNetwork.getOrDefault(network, List.of())) {
            if (route.spec().covers(path)) {
                if (!route.spec().methods().contains(method)) {
                    throw new GatewayException(ProblemType.METHOD_NOT_ALLOWED,
                            method + " is not allowed on " + route.spec().prefix())
                            .withHeader("Allow", String.join(", ", new TreeSet<>(route.spec().methods())));
                }
                return route;
            }
        }
        throw new GatewayException(ProblemType.NOT_FOUND, "no pipeline serves " + path);
    }

    /** The route serving {@code path} on {@code network}, whatever the method. */
    public Optional<Route> find(String network, String path) {
        return byNetwork.getOrDefault(network, List.of()).stream().filter(route -> route.spec().covers(path))
                .findFirst();
    }

    /** Every route, grouped by network, longest prefix first. */
    public List<Route> all() {
        return byNetwork.values().stream().flatMap(List::stream).toList();
    }
}
