/**
 * The launcher's commands that need Java: {@code validate} (the startup checks without a server)
 * {@code listeners} (a configuration's networks as Payara or WildFly listener commands) and
 * {@code await-ready} (the launcher's readiness line, once the gateway answers on every network).
 */
package org.harmonyee.cli;
