package org.harmonyee.dicom.json;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.DicomElement;

/**
 * Decides which binary values become a BulkDataURI instead of InlineBinary, and what the URI is
 * (DICOMweb supplies one that points at its bulkdata resource).
 */
@FunctionalInterface
public interface BulkDataUris {

    /** Never: every binary value is inline. */
    BulkDataUris INLINE = (dataset, element, length) -> null;

    /**
     * The URI for this element's value, or null to write it inline.
     *
     * @param length the value's length in bytes
     */
    String uriFor(Attributes dataset, DicomElement element, long length);
}
