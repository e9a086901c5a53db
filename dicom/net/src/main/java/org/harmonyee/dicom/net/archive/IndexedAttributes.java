package org.harmonyee.dicom.net.archive;

import org.harmonyee.dicom.data.Tag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The attributes the index keeps, by the level of the entity they describe: the keys of PS3.4
 * C.6.1.1 (Patient Root) and C.6.2.1 (Study Root) and a few more that operators ask for, copied
 * from the first instance of each patient, study and series and from every instance (Available
 * Transfer Syntax UID from its File Meta Information). The Number
 * of ...Related... counts, Modalities in Study and SOP Classes in Study are computed from the index.
 * An attribute that is not here can still be asked for: it is returned empty.
 */
final class IndexedAttributes {

    private static final Map<QueryRetrieveLevel, List<Integer>> STORED = Map.of(
            QueryRetrieveLevel.PATIENT, List.of(Tag.PatientName, Tag.PatientID, Tag.IssuerOfPatientID,
                    Tag.PatientBirthDate, Tag.PatientBirthTime, Tag.PatientSex, Tag.OtherPatientNames, Tag.EthnicGroup,
                    Tag.PatientComments),
            QueryRetrieveLevel.STUDY, List.of(Tag.StudyDate, Tag.StudyTime, Tag.AccessionNumber, Tag.StudyID,
                    Tag.StudyInstanceUID, Tag.ReferringPhysicianName, Tag.StudyDescription,
                    Tag.NameOfPhysiciansReadingStudy, Tag.AdmittingDiagnosesDescription, Tag.PatientAge,
                    Tag.PatientSize, Tag.PatientWeight, Tag.Occupation, Tag.AdditionalPatientHistory),
            QueryRetrieveLevel.SERIES, List.of(Tag.Modality, Tag.SeriesNumber, Tag.SeriesInstanceUID,
                    Tag.SeriesDescription, Tag.SeriesDate, Tag.SeriesTime, Tag.BodyPartExamined, Tag.ProtocolName,
                    Tag.Laterality, Tag.PerformingPhysicianName, Tag.OperatorsName, Tag.InstitutionName,
                    Tag.StationName),
            QueryRetrieveLevel.IMAGE, List.of(Tag.InstanceNumber, Tag.SOPInstanceUID, Tag.SOPClassUID,
                    Tag.ContentDate, Tag.ContentTime, Tag.AcquisitionDate, Tag.AcquisitionTime, Tag.ImageType,
                    Tag.ImageComments, Tag.Rows, Tag.Columns, Tag.BitsAllocated, Tag.NumberOfFrames,
                    Tag.AvailableTransferSyntaxUID));

    /** Computed from what lies below an entity; return keys only, except the two lists. */
    private static final Map<Integer, QueryRetrieveLevel> COMPUTED = Map.of(
            Tag.NumberOfPatientRelatedStudies, QueryRetrieveLevel.PATIENT,
            Tag.NumberOfPatientRelatedSeries, QueryRetrieveLevel.PATIENT,
            Tag.NumberOfPatientRelatedInstances, QueryRetrieveLevel.PATIENT,
            Tag.ModalitiesInStudy, QueryRetrieveLevel.STUDY,
            Tag.SOPClassesInStudy, QueryRetrieveLevel.STUDY,
            Tag.NumberOfStudyRelatedSeries, QueryRetrieveLevel.STUDY,
            Tag.NumberOfStudyRelatedInstances, QueryRetrieveLevel.STUDY,
            Tag.NumberOfSeriesRelatedInstances, QueryRetrieveLevel.SERIES);

    private static final Map<Integer, QueryRetrieveLevel> HOME = new HashMap<>(COMPUTED);

    static {
        STORED.forEach((level, tags) -> tags.forEach(tag -> HOME.put(tag, level)));
    }

    private IndexedAttributes() {
    }

    /** The attributes copied from an instance into the entity of {@code level}. */
    static List<Integer> stored(QueryRetrieveLevel level) {
        return STORED.get(level);
    }

    /** The level of the entity an attribute describes; null for attributes the index does not know. */
    static QueryRetrieveLevel home(int tag) {
        return HOME.get(tag);
    }

    static boolean isComputed(int tag) {
        return COMPUTED.containsKey(tag);
    }

    /** Counts: never matched, only returned (PS3.4 C.6.1.1.2 lists them as return keys). */
    static boolean isReturnOnly(int tag) {
        return isComputed(tag) && tag != Tag.ModalitiesInStudy && tag != Tag.SOPClassesInStudy;
    }
}
