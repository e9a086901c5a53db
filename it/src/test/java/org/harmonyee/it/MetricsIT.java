package org.harmonyee.it;

import io.restassured.response.Response;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /metrics} on the management network: the Prometheus text format, changing with traffic. */
@ExtendWith(ArquillianExtension.class)
class MetricsIT {

    private static final String ECHO_EXCHANGES = "harmony_exchanges_seconds_count{endpoint=\"echo_http\","
            + "network=\"public\",outcome=\"success\",pipeline=\"echo\",protocol=\"http\"}";
    private static final String UNROUTED = "harmony_exchanges_seconds_count{endpoint=\"-\",network=\"public\","
            + "outcome=\"refused\",pipeline=\"-\",protocol=\"http\"}";

    @Deployment(testable = false)
    static Archive<?> gateway() {
        return Deployments.gateway();
    }

    @Test
    void countsAndLatenciesChangeAfterTraffic() {
        double echoBefore = sample(scrape(), ECHO_EXCHANGES);
        double unroutedBefore = sample(scrape(), UNROUTED);

        for (int i = 0; i < 3; i++) {
            assertThat(given().get(Gateway.publicUrl() + "/echo/metrics-" + i).statusCode()).isEqualTo(200);
        }
        assertThat(given().get(Gateway.publicUrl() + "/no-such-route").statusCode()).isEqualTo(404);

        String after = scrape();
        assertThat(sample(after, ECHO_EXCHANGES)).isEqualTo(echoBefore + 3);
        assertThat(sample(after, UNROUTED)).isEqualTo(unroutedBefore + 1);
        assertThat(after).contains("# TYPE harmony_exchanges_seconds histogram",
                "harmony_exchanges_seconds_bucket{endpoint=\"echo_http\",network=\"public\",outcome=\"success\","
                        + "pipeline=\"echo\",protocol=\"http\",le=\"60.0\"}",
                "harmony_backend_calls_seconds_count{backend=\"echo_backend\",outcome=\"success\",pipeline=\"echo\","
                        + "service=\"echo\"}");
    }

    @Test
    void metricsAnswerOnlyOnTheManagementNetwork() {
        assertThat(given().get(Gateway.publicUrl() + "/metrics").statusCode()).isEqualTo(404);
    }

    private static String scrape() {
        Response metrics = Gateway.asAdmin().get(Gateway.managementUrl() + "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.contentType().replace(" ", "")).startsWith("text/plain;version=0.0.4");
        return metrics.asString();
    }

    /** A sample's value, 0 when the series does not exist yet. */
    private static double sample(String text, String series) {
        Matcher value = Pattern.compile(Pattern.quote(series) + " (\\S+)").matcher(text);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}
