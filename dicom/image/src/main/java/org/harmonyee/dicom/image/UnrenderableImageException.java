package org.harmonyee.dicom.image;

/**
 * An instance whose frames this package cannot render: a transfer syntax without a decoder here
 * (JPEG 2000, JPEG-LS, RLE, big endian, deflated), a pixel layout it does not take, or encoded data
 * the decoder refuses. Checked, because a caller serving images is built to answer it (PS3.18: 406).
 */
public final class UnrenderableImageException extends Exception {

    public UnrenderableImageException(String message) {
        super(message);
    }

    public UnrenderableImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
