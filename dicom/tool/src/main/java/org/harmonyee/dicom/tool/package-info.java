/**
 * The toolkit's operator commands, run by {@code ./harmony dicom COMMAND ARGS...}:
 * {@link org.harmonyee.dicom.tool.DicomTool} dispatches by name to a {@link org.harmonyee.dicom.tool.Command}
 * ({@code json}: PS3.18 JSON of a file; {@code dump}: a human-readable dump; {@code echo}, {@code store},
 * {@code find}, {@code get}, {@code move}: the SCUs; {@code scp}: a storage and query/retrieve SCP serving a
 * folder), registered in one map. Options the SCUs share are parsed once ({@code ScuConnection},
 * {@code TlsOptions}, {@code QueryKeys}). Commands turn arguments into calls on the toolkit and its
 * outcome into text and an exit status; they hold no DICOM logic of their own. Operators' guide:
 * {@code docs/dicom-tools.md}.
 *
 * <p>Must not touch: the encoding rules (see {@code org.harmonyee.dicom.io}), any Jakarta API.
 */
package org.harmonyee.dicom.tool;
