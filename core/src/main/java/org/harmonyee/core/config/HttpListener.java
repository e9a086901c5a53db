package org.harmonyee.core.config;

/**
 * {@code [network.NAME.http]}: the network's HTTP listener. The gateway tells networks apart by the
 * port a request arrived on, so no two listeners share a port.
 *
 * @param bindPort the port, or {@link NetworkConfig#INVALID_PORT} when bind_port was invalid (already reported)
 */
public record HttpListener(String bindAddress, int bindPort, Source source) {
}
