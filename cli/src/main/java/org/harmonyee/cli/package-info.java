/**
 * The launcher's commands that need Java: {@code validate} (the startup checks without a server)
 * and {@code listeners} (a configuration's networks as Payara or WildFly listener commands).
 */
package org.harmonyee.cli;
