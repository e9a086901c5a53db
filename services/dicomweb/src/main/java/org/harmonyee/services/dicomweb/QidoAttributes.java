package org.harmonyee.services.dicomweb;

import org.harmonyee.dicom.data.Tag;
import org.harmonyee.services.dicomweb.DicomWebResource.Level;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The attributes QIDO-RS returns without being asked (PS3.18 Tables 10.6.3-3 to -5, less the
 * sequences and Retrieve URL), and what {@code includefield=all} adds. A search answers the
 * attributes of its own level and, when the path does not fix them, those of the levels above
 * (PS3.18 10.6.3.3.1): {@code /series} carries each series' study attributes too.
 */
final class QidoAttributes {

    private static final List<Integer> STUDY = List.of(Tag.StudyDate, Tag.StudyTime, Tag.AccessionNumber,
            Tag.InstanceAvailability, Tag.ModalitiesInStudy, Tag.ReferringPhysicianName, Tag.TimezoneOffsetFromUTC,
            Tag.PatientName, Tag.PatientID, Tag.PatientBirthDate, Tag.PatientSex, Tag.StudyInstanceUID, Tag.StudyID,
            Tag.NumberOfStudyRelatedSeries, Tag.NumberOfStudyRelatedInstances);
    private static final List<Integer> SERIES = List.of(Tag.Modality, Tag.TimezoneOffsetFromUTC, Tag.SeriesDescription,
            Tag.SeriesInstanceUID, Tag.SeriesNumber, Tag.NumberOfSeriesRelatedInstances,
            Tag.PerformedProcedureStepStartDate, Tag.PerformedProcedureStepStartTime);
    private static final List<Integer> IMAGE = List.of(Tag.SOPClassUID, Tag.SOPInstanceUID, Tag.InstanceAvailability,
            Tag.TimezoneOffsetFromUTC, Tag.InstanceNumber, Tag.Rows, Tag.Columns, Tag.BitsAllocated,
            Tag.NumberOfFrames);
    private static final List<Integer> STUDY_MORE = List.of(Tag.StudyDescription, Tag.IssuerOfPatientID,
            Tag.PatientAge, Tag.InstitutionName);
    private static final List<Integer> SERIES_MORE = List.of(Tag.SeriesDate, Tag.SeriesTime, Tag.BodyPartExamined,
            Tag.ProtocolName, Tag.Laterality);
    private static final List<Integer> IMAGE_MORE = List.of(Tag.ImageType, Tag.ContentDate, Tag.ContentTime,
            Tag.AcquisitionNumber, Tag.PhotometricInterpretation, Tag.SamplesPerPixel, Tag.BitsStored);

    private QidoAttributes() {
    }

    /** The default return keys of a search. */
    static Set<Integer> defaults(DicomWebResource search) {
        return ofLevels(search, STUDY, SERIES, IMAGE);
    }

    /** What {@code includefield=all} asks for beyond the defaults: the descriptive attributes of the same levels. */
    static Set<Integer> all(DicomWebResource search) {
        return ofLevels(search, STUDY_MORE, SERIES_MORE, IMAGE_MORE);
    }

    /** The study's attributes unless the path fixes the study, the series' likewise, the instance's at IMAGE level. */
    private static Set<Integer> ofLevels(DicomWebResource search, List<Integer> study, List<Integer> series,
                                         List<Integer> image) {
        Set<Integer> tags = new LinkedHashSet<>();
        if (search.study() == null) {
            tags.addAll(study);
        }
        if (search.level() != Level.STUDY && search.series() == null) {
            tags.addAll(series);
        }
        if (search.level() == Level.IMAGE) {
            tags.addAll(image);
        }
        return tags;
    }

    /**
     * Whether an attribute describes a level below the one searched (a series' or instance's at
     * STUDY level, an instance's at SERIES level), as far as the tables above say: such a return key
     * is left out of the C-FIND, since PS3.4 C.4.1.2.1 forbids it in a hierarchical query (a PACS
     * may refuse the whole search) and no answer of the level could carry it. Viewers ask for them
     * (OHIF's study list includes Modality).
     */
    static boolean isBelow(int tag, Level level) {
        if (level == Level.IMAGE || STUDY.contains(tag) || STUDY_MORE.contains(tag)) {
            return false;
        }
        boolean series = SERIES.contains(tag) || SERIES_MORE.contains(tag);
        boolean image = IMAGE.contains(tag) || IMAGE_MORE.contains(tag);
        return level == Level.STUDY ? series || image : image && !series;
    }
}
