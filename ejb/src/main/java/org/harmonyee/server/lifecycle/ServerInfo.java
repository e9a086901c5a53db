package org.harmonyee.server.lifecycle;

/** Names the application server the gateway runs on, for the management API and the startup log. */
final class ServerInfo {

    private ServerInfo() {
    }

    static String describe() {
        if (System.getProperty("jboss.home.dir") != null) {
            return "WildFly " + System.getProperty("jboss.product.version", "").strip();
        }
        if (isPresent("fish.payara.micro.PayaraMicro")) {
            return "Payara Micro";
        }
        if (System.getProperty("com.sun.aas.instanceRoot") != null) {
            return "Payara Server";
        }
        return "Jakarta EE server";
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, ServerInfo.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
