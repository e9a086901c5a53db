/**
 * The server side of the gateway, in the {@code ejb/} module: everything that needs the
 * application server (EJB, CDI, managed executors, MicroProfile Config) lives under this package
 * and nowhere in the core. The package is named for its role ({@code server}) rather than the
 * module's packaging ({@code ejb}) because it also holds CDI beans and interceptors, and the
 * message-driven bean that receives DIMSE requests from the resource adapter ({@code dimse}).
 */
package org.harmonyee.server;
