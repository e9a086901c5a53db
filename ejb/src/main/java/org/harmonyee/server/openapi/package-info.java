/**
 * The management API described by MicroProfile OpenAPI: its routes are the management pipeline's,
 * not JAX-RS methods, so {@link ManagementApiModel} (an {@code OASModelReader}) builds the document
 * from the management resources and the configured base path; annotation scanning is off. The
 * server serves it at {@code /openapi}.
 *
 * <p>Why here and not in the WAR: Payara Server reads an EAR's MicroProfile Config (the OpenAPI
 * keys included) from the application's class loader, which sees the EJB module and {@code lib/}
 * but not the WAR. This module's {@code META-INF/microprofile-config.properties} names the model
 * reader, and the reader is loadable there; the WAR for Payara Micro carries this module in
 * {@code WEB-INF/lib}, and WildFly's WAR sees the EJB module of its EAR (whose
 * {@code jboss-deployment-structure.xml} gives this module the MicroProfile OpenAPI API).
 *
 * <p>Must not touch: the pipelines' own routes, which are the configuration's and not an API of
 * the gateway.
 */
package org.harmonyee.server.openapi;
