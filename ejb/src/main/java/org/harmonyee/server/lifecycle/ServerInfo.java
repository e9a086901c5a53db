package org.harmonyee.server.lifecycle;

/** Names the application server the gateway runs on, for the management API and the startup log. */
final class ServerInfo {

    private ServerInfo() {
    }

    static String describe() {
        if (System.getProperty("jboss.home.dir") != null) {
            return ("WildFly " + System.getProperty("jboss.product.version", "")).strip();
        }
        // Payara Server ships Payara Micro's classes too; only Micro sets its boot jar.
        if (System.getProperty("fish.payara.micro.BootJar") != null) {
            return "Payara Micro";
        }
        if (System.getProperty("com.sun.aas.instanceRoot") != null) {
            return "Payara Server";
        }
        return "Jakarta EE server";
    }
}
