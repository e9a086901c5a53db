/**
 * The server side of the gateway: everything that needs the application server (EJB, CDI,
 * managed executors, MicroProfile Config) lives under this package and nowhere in the core.
 */
package org.harmonyee.server;
