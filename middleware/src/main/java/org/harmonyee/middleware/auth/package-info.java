/**
 * {@code basic_auth}: HTTP Basic credentials compared in constant time, and an optional pre-shared
 * bearer token read from a file (re-read when the file changes). Failures are 401 with
 * {@code WWW-Authenticate: Basic realm="..."}; the authenticated user goes into the metadata.
 * {@code container_auth}: the caller the application server authenticated, as the door hands it
 * over, with optional roles (401 without a caller, 403 without a role).
 */
package org.harmonyee.middleware.auth;
