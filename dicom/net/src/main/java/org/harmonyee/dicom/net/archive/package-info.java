/**
 * A folder-backed Query/Retrieve archive: {@link org.harmonyee.dicom.net.archive.DirectoryArchive}
 * indexes the PS3.10 files below a folder (their attributes up to Pixel Data, never the pixels) as
 * the patient / study / series / instance tree of PS3.4 C.6, and implements the SCP handlers of the
 * service package (CFindScp, RetrieveScp, CStoreScp) over that index: attribute matching of PS3.4
 * C.2.2.2, the hierarchical rules of Patient Root and Study Root, C-GET and C-MOVE of the selected
 * files, C-STORE into the folder and the index. It owns the index and the meaning of keys; the
 * DIMSE exchange (pending responses, sub-operations, cancel) stays in the service package, and it
 * never writes a file it did not receive.
 */
package org.harmonyee.dicom.net.archive;
