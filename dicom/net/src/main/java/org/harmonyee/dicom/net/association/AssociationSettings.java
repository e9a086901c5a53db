package org.harmonyee.dicom.net.association;

import org.harmonyee.dicom.io.FileMetaInformation;

/**
 * What this side announces and enforces on every association: the timers, the maximum length of
 * P-DATA-TF PDUs it receives (checked on every PDU), its implementation class UID and version name.
 */
public record AssociationSettings(Timeouts timeouts, int maxPduLength, String implementationClassUid,
                                  String implementationVersionName) {

    public static final int DEFAULT_MAX_PDU_LENGTH = 65536;

    public static final AssociationSettings DEFAULT = new AssociationSettings(Timeouts.DEFAULT, DEFAULT_MAX_PDU_LENGTH,
            FileMetaInformation.IMPLEMENTATION_CLASS_UID, FileMetaInformation.IMPLEMENTATION_VERSION_NAME);

    public AssociationSettings {
        if (maxPduLength != 0 && maxPduLength < 1024) {
            throw new IllegalArgumentException("maximum PDU length " + maxPduLength + " is below 1024");
        }
    }

    public AssociationSettings withTimeouts(Timeouts value) {
        return new AssociationSettings(value, maxPduLength, implementationClassUid, implementationVersionName);
    }

    public AssociationSettings withMaxPduLength(int value) {
        return new AssociationSettings(timeouts, value, implementationClassUid, implementationVersionName);
    }
}
