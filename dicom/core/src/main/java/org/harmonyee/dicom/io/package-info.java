/**
 * PS3.5 / PS3.10 encoding: {@link org.harmonyee.dicom.io.DicomInputStream} reads files (preamble,
 * File Meta Information) and bare datasets in every native transfer syntax, deflate, and
 * encapsulated pixel data as fragments; {@link org.harmonyee.dicom.io.DicomOutputStream} writes
 * them. {@link org.harmonyee.dicom.io.FileMetaInformation} is the one PS3.10 header (preamble,
 * "DICM", group 0002) both use, and what reads a file's header alone, for the data set to be sent
 * or copied byte for byte unparsed. Reading can stop before a given tag, and leave large values of
 * a file where they are as bulk data references. Malformed input is a
 * {@link org.harmonyee.dicom.io.DicomStreamException} naming the offset and tag, never another
 * exception, and never an allocation proportional to a declared length: what a read holds in
 * memory and how deep it nests are bounded and configurable.
 */
package org.harmonyee.dicom.io;
