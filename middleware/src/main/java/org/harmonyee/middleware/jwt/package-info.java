/**
 * {@code jwt_auth}: bearer tokens verified with Nimbus JOSE+JWT. RS256 by default (a PEM public
 * key or X.509 certificate, a JWKS file, or a JWKS URL cached by kid and refreshed on an unknown
 * kid); HS256 only when explicitly enabled with a secret of at least 32 bytes. The header's alg
 * must be the configured one; exp is required; nbf, iat, iss and aud are checked with leeway.
 * Token problems are 401 with {@code WWW-Authenticate: Bearer error="invalid_token"}; failures of
 * the gateway itself (an unreachable JWKS URL) are 500.
 */
package org.harmonyee.middleware.jwt;
