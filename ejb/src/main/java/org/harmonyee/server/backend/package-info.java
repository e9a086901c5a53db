/**
 * Backend invocation on the server: a stateless session bean runs each backend call outside any
 * transaction (I/O never holds one) under the caller's security context.
 */
package org.harmonyee.server.backend;
