package org.harmonyee.core.pipeline;

import org.harmonyee.core.error.GatewayException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteTableTest {

    private static Route route(String network, String prefix, String pipeline, Set<String> methods) {
        Pipeline owner = new Pipeline(pipeline, "", List.of(network), List.of(), List.of(), null);
        return new Route(network, new RouteSpec(prefix, methods), null, owner);
    }

    private final RouteTable table = new RouteTable(List.of(
            route("public", "/api", "api", RouteSpec.ALL_METHODS),
            route("public", "/api/fhir", "fhir", Set.of("GET", "POST")),
            route("internal", "/", "root", RouteSpec.ALL_METHODS)));

    @Test
    void theLongestPrefixWinsSegmentWise() {
        assertThat(table.match("public", "/api/fhir/Patient", "GET").pipeline().name()).isEqualTo("fhir");
        assertThat(table.match("public", "/api/fhirx", "GET").pipeline().name()).isEqualTo("api");
        assertThat(table.match("public", "/api", "DELETE").pipeline().name()).isEqualTo("api");
        assertThat(table.match("internal", "/anything/at/all", "GET").pipeline().name()).isEqualTo("root");
    }

    @Test
    void routesAreSeparatedByNetwork() {
        assertThatThrownBy(() -> table.match("public", "/other", "GET")).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.type().httpStatus()).isEqualTo(404));
        assertThatThrownBy(() -> table.match("nowhere", "/api", "GET")).isInstanceOf(GatewayException.class);
    }

    @Test
    void aMethodTheRouteDoesNotServeIs405WithAllow() {
        assertThatThrownBy(() -> table.match("public", "/api/fhir/x", "DELETE"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.type().httpStatus()).isEqualTo(405);
                    assertThat(e.headers()).containsEntry("Allow", "GET, POST");
                });
    }
}
