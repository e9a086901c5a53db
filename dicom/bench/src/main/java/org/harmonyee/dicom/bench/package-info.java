/**
 * JMH benchmarks of the toolkit: parsing a file with and without its pixel data, and DICOM JSON
 * encoding; {@link org.harmonyee.dicom.bench.BenchMain} runs them and prints files/s and MB/s, with
 * DCMTK's dcm2json on the same file for comparison. Built with the toolkit, never run by the build.
 *
 * <p>Must not touch: anything but the toolkit's public API.
 */
package org.harmonyee.dicom.bench;
