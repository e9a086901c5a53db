/**
 * Startup and shutdown: reads the configuration named by {@code harmony.config}, assembles the
 * gateway (refusing to deploy when the configuration is invalid), logs what it serves, and closes
 * it when the application stops.
 */
package org.harmonyee.server.lifecycle;
