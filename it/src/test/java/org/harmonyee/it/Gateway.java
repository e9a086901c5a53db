package org.harmonyee.it;

import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/**
 * Where the deployed gateway listens: the networks of the test configuration; and the management
 * API's test users, which the build writes to the users file the server reads (it/pom.xml).
 */
final class Gateway {

    private Gateway() {
    }

    static String publicUrl() {
        return "http://127.0.0.1:" + port("IT_PUBLIC_PORT");
    }

    static String internalUrl() {
        return "http://127.0.0.1:" + port("IT_INTERNAL_PORT");
    }

    static String managementUrl() {
        return "http://127.0.0.1:" + port("IT_MANAGEMENT_PORT");
    }

    /** A management API request as the test user {@code admin} (role harmony-operator). */
    static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic("admin", "it-admin-password");
    }

    /** A management API request as the test user {@code monitor} (role harmony-monitor). */
    static RequestSpecification asMonitor() {
        return given().auth().preemptive().basic("monitor", "it-monitor-password");
    }

    /** A management API request as the test user {@code outsider} (group staff: no management role). */
    static RequestSpecification asOutsider() {
        return given().auth().preemptive().basic("outsider", "it-outsider-password");
    }

    static int port(String variable) {
        String value = System.getenv(variable);
        if (value == null) {
            throw new IllegalStateException(variable + " is not set; run the tests with mvn verify");
        }
        return Integer.parseInt(value);
    }
}
