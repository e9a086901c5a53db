package org.harmonyee.core.config;

/** {@code [network.NAME.http]}: one HTTP listener; pipelines bound to the network answer only there. */
public record NetworkConfig(String name, String bindAddress, int bindPort, Source source) {
}
