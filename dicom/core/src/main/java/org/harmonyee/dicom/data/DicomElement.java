package org.harmonyee.dicom.data;

/**
 * One data element: its tag, its VR, and its value, which is one of: {@code byte[]} (the encoded
 * value, little endian, unpadded length as read), {@link Sequence}, {@link Fragments} or
 * {@link BulkData}.
 */
public record DicomElement(int tag, VR vr, Object value) {

    public boolean isEmpty() {
        return value instanceof byte[] bytes ? bytes.length == 0
                : value instanceof Sequence sequence ? sequence.isEmpty()
                : value instanceof BulkData bulk ? bulk.length() == 0
                : ((Fragments) value).size() == 0;
    }

    /** The encoded value as bytes, for an element read into memory; null otherwise. */
    public byte[] bytes() {
        return value instanceof byte[] bytes ? bytes : null;
    }

    @Override
    public String toString() {
        return TagUtils.toString(tag) + " " + vr;
    }
}
