package org.harmonyee.dicom.net.archive;

import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.uid.UID;

import java.util.Set;

/**
 * The Query/Retrieve information models the archive serves (PS3.4 C.6.1 Patient Root and C.6.2
 * Study Root), known by the SOP class of the request, for C-FIND, C-GET and C-MOVE alike. In the
 * Study Root model the patient's attributes are attributes of the study (C.6.2.1).
 */
enum InformationModel {
    PATIENT_ROOT(QueryRetrieveLevel.PATIENT, Set.of(UID.PatientRootQueryRetrieveInformationModelFind,
            UID.PatientRootQueryRetrieveInformationModelGet, UID.PatientRootQueryRetrieveInformationModelMove)),
    STUDY_ROOT(QueryRetrieveLevel.STUDY, Set.of(UID.StudyRootQueryRetrieveInformationModelFind,
            UID.StudyRootQueryRetrieveInformationModelGet, UID.StudyRootQueryRetrieveInformationModelMove));

    private final QueryRetrieveLevel top;
    private final Set<String> sopClasses;

    InformationModel(QueryRetrieveLevel top, Set<String> sopClasses) {
        this.top = top;
        this.sopClasses = sopClasses;
    }

    /** @throws DimseException 0122 (SOP class not supported) for any other SOP class */
    static InformationModel of(String sopClassUid) throws DimseException {
        for (InformationModel model : values()) {
            if (model.sopClasses.contains(sopClassUid)) {
                return model;
            }
        }
        throw new DimseException(Status.SOP_CLASS_NOT_SUPPORTED, "not a Patient or Study Root SOP class: " + sopClassUid);
    }

    QueryRetrieveLevel top() {
        return top;
    }

    boolean hasLevel(QueryRetrieveLevel level) {
        return !top.isBelow(level);
    }

    /** The level an attribute of an entity at {@code home} is queried at: PATIENT folds into STUDY in Study Root. */
    QueryRetrieveLevel queryLevelOf(QueryRetrieveLevel home) {
        return top.isBelow(home) ? top : home;
    }

    /**
     * The Query/Retrieve Level of an identifier, which every request of these models needs.
     *
     * @throws DimseException A900 (identifier does not match SOP class) when it is missing, unknown,
     *                        or not a level of this model
     */
    QueryRetrieveLevel level(String value) throws DimseException {
        if (value == null || value.isEmpty()) {
            throw new DimseException(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, "QueryRetrieveLevel (0008,0052) missing");
        }
        QueryRetrieveLevel level = QueryRetrieveLevel.of(value);
        if (level == null || !hasLevel(level)) {
            throw new DimseException(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, "QueryRetrieveLevel " + value
                    + " is not a level of " + (this == PATIENT_ROOT ? "Patient Root" : "Study Root"));
        }
        return level;
    }
}
