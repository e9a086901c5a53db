/**
 * PS3.7 DIMSE messages: command sets (always Implicit VR Little Endian, with their group length),
 * command fields, priorities, data set presence, and the PS3.4 status codes. A failure that must
 * reach the peer is a {@link org.harmonyee.dicom.net.dimse.DimseException} carrying its status and
 * ErrorComment. This package encodes and decodes; it does not own associations or threads.
 */
package org.harmonyee.dicom.net.dimse;
