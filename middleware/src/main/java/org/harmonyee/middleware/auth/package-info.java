/**
 * {@code basic_auth}: HTTP Basic credentials compared in constant time, and an optional pre-shared
 * bearer token read from a file (re-read when the file changes). Failures are 401 with
 * {@code WWW-Authenticate: Basic realm="..."}; the authenticated user goes into the metadata.
 */
package org.harmonyee.middleware.auth;
