package org.harmonyee.it;

/** Where the deployed gateway listens: the networks of the test configuration. */
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

    static int port(String variable) {
        String value = System.getenv(variable);
        if (value == null) {
            throw new IllegalStateException(variable + " is not set; run the tests with mvn verify");
        }
        return Integer.parseInt(value);
    }
}
