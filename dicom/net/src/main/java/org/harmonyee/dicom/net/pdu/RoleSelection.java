package org.harmonyee.dicom.net.pdu;

/**
 * SCP/SCU Role Selection sub-item (PS3.7 D.3.3.4): for one SOP class, whether the association
 * requestor may act as SCU and as SCP. C-GET needs the requestor to be SCP of the storage classes.
 */
public record RoleSelection(String sopClassUid, boolean scuRole, boolean scpRole) {
}
