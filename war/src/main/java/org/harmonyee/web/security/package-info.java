/**
 * Access to the management network, through Jakarta Security so that the server's identity stores
 * and role mapping apply: {@link ManagementAuthentication} (an HTTP authentication mechanism on the
 * management network's port only: HTTP Basic, and OpenID Connect bearer tokens through
 * {@link OidcBearerTokens} and {@link RolesClaim}; 401 with {@code WWW-Authenticate}),
 * {@link ManagementAuthorization} (a servlet filter that checks the authenticated caller's roles,
 * 403, and logs Basic callers in with WildFly's realm when {@code realm = "server"}; Payara's realm
 * answers as an identity store the mechanism declares), {@link UsersFileIdentityStore} (the users
 * file the launcher writes), and the roles themselves ({@link ManagementRoles}).
 *
 * <p>Keyed on the local port because one JAX-RS door serves every path of every network: a URL
 * pattern (web.xml security constraints) cannot tell the management network from the others,
 * while the listener a request arrived on can, on every server.
 *
 * <p>Must not touch: requests on other networks (pipelines keep their own middleware), the
 * envelope, the pipelines.
 */
package org.harmonyee.web.security;
