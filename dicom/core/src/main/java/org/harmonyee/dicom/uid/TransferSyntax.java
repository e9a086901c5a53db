package org.harmonyee.dicom.uid;

/**
 * A transfer syntax as encoding rules: VR explicit or implicit, byte order, deflate, and whether
 * pixel data is encapsulated. Every registered UID that is not one of the four native syntaxes is
 * explicit VR little endian with encapsulated pixel data (JPEG family, JPEG-LS, JPEG 2000, RLE,
 * MPEG, HEVC, ...).
 */
public record TransferSyntax(String uid, boolean explicitVR, boolean bigEndian, boolean deflated,
                             boolean encapsulated) {

    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax(UID.ImplicitVRLittleEndian, false, false, false, false);
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax(UID.ExplicitVRLittleEndian, true, false, false, false);
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN =
            new TransferSyntax(UID.ExplicitVRBigEndian, true, true, false, false);
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax(UID.DeflatedExplicitVRLittleEndian, true, false, true, false);

    public static TransferSyntax of(String uid) {
        return switch (uid) {
            case UID.ImplicitVRLittleEndian -> IMPLICIT_VR_LITTLE_ENDIAN;
            case UID.ExplicitVRLittleEndian -> EXPLICIT_VR_LITTLE_ENDIAN;
            case UID.ExplicitVRBigEndian -> EXPLICIT_VR_BIG_ENDIAN;
            case UID.DeflatedExplicitVRLittleEndian -> DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
            default -> new TransferSyntax(uid, true, false, false, true);
        };
    }

    /** The four syntaxes whose pixel data is native (not encapsulated). */
    public boolean isNative() {
        return !encapsulated;
    }
}
