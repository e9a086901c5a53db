package org.harmonyee.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's ports after an undeployment. On Payara Micro every deployment is a process of its
 * own, which may hold the ports a moment after it was told to stop: the next deployment (a
 * redeploy, or the next test's) binds them only once they are free.
 */
final class GatewayPorts {

    private static final List<String> PORTS = List.of("IT_PUBLIC_PORT", "IT_INTERNAL_PORT", "IT_MANAGEMENT_PORT",
            "IT_DICOM_PORT", "IT_DICOM_TLS_PORT");

    private GatewayPorts() {
    }

    /** On Payara Micro, waits (a minute at most) until the gateway's ports are free; elsewhere returns at once. */
    static void awaitReleased() throws InterruptedException {
        if (!"payara-micro".equals(System.getProperty("arquillian.launch"))) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        for (String variable : PORTS) {
            String port = System.getenv(variable);
            while (port != null && !free(Integer.parseInt(port)) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
