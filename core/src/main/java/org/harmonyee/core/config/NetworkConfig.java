package org.harmonyee.core.config;

/** {@code [network.NAME.http]}: one HTTP listener; pipelines bound to the network answer only there. */
public record NetworkConfig(String name, String bindAddress, int bindPort, Source source) {

    /** The port of a network whose bind_port was invalid (already reported). */
    public static final int INVALID_PORT = 0;
}
