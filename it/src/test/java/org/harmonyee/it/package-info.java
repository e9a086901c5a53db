/**
 * Deployment tests: the real WAR on Payara Micro and the real EAR on WildFly, driven over real
 * HTTP on the networks of src/test/config, against a real local upstream HTTP server.
 */
package org.harmonyee.it;
