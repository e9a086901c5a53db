package org.harmonyee.dicom.json;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.DicomElement;

/**
 * Decides which binary values become a BulkDataURI instead of InlineBinary, and what the URI is
 * (DICOMweb supplies one that points at its bulkdata resource); it may also leave a value out.
 * A binary value is one of OB, OD, OF, OL, OV, OW, UN, or encapsulated pixel data; its length is
 * that of its encoding (for fragments: the items and the delimiter, as InlineBinary has them).
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

    /** Whether to leave the element out of the JSON altogether; asked before {@link #uriFor}. */
    default boolean omit(Attributes dataset, DicomElement element, long length) {
        return false;
    }
}
