/**
 * The toolkit's operator commands, run by {@code ./harmony dicom COMMAND ARGS...}:
 * {@link org.harmonyee.dicom.tool.DicomTool} dispatches by name to a {@link org.harmonyee.dicom.tool.Command}
 * ({@code json}: PS3.18 JSON of a file; {@code dump}: a human-readable dump; {@code echo}, {@code store}: C-ECHO and C-STORE SCUs), registered in one map.
 * Commands turn arguments into one call on the toolkit and its outcome into text and an exit status;
 * they hold no DICOM logic of their own.
 *
 * <p>Must not touch: the encoding rules (see {@code org.harmonyee.dicom.io}), any Jakarta API.
 */
package org.harmonyee.dicom.tool;
