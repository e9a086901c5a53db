/**
 * The management network as the web module's filters see it: which requests arrived on it
 * ({@link ManagementNetwork}), and which of those are health probes.
 *
 * <p>Must not touch: the requests themselves; it only classifies them.
 */
package org.harmonyee.web.management;
