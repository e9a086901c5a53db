/**
 * Service {@code jmix}: JMIX packages at the gateway. The endpoint
 * ({@link org.harmonyee.services.jmix.JmixEndpoint}) serves a {@code path_prefix} and names the
 * package store; the middleware {@code jmix_builder} ({@link org.harmonyee.services.jmix.JmixBuilder})
 * answers the routes: a stored package or its manifest by id, an upload, and a study query, which
 * it answers from the store or by building the package from a study-level C-GET written in the
 * DIMSE envelope convention of {@code org.harmonyee.services.dimse} and sent down the pipeline to
 * its {@code dicom} backend, the instances going into the zip as they arrive.
 *
 * <p>Why the builder lives here and not in {@code middleware/}: like {@code dicomweb_bridge} it is
 * a protocol bridge (JMIX to DIMSE) and knows the DIMSE envelope convention and the package format.
 *
 * <p>Must not touch: the servlet layer or any Jakarta API; the backend's association handling (it
 * writes a C-GET envelope and reads the streamed instances); the zip and JSON details (package
 * {@code format}); files of the store other than through {@code store}.
 */
package org.harmonyee.services.jmix;
