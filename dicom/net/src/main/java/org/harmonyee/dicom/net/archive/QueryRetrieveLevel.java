package org.harmonyee.dicom.net.archive;

import org.harmonyee.dicom.data.Tag;

/**
 * The Query/Retrieve Level (0008,0052) values of PS3.4 C.6, top to bottom, each with its unique
 * key. They are also the levels of the index: every entity sits at one of them.
 */
public enum QueryRetrieveLevel {
    PATIENT(Tag.PatientID),
    STUDY(Tag.StudyInstanceUID),
    SERIES(Tag.SeriesInstanceUID),
    IMAGE(Tag.SOPInstanceUID);

    private final int uniqueKey;

    QueryRetrieveLevel(int uniqueKey) {
        this.uniqueKey = uniqueKey;
    }

    /** The attribute that identifies an entity of this level (PS3.4 C.6.1.1, C.6.2.1). */
    public int uniqueKey() {
        return uniqueKey;
    }

    /**
     * The level of the entity an attribute describes, by the key tables of PS3.4 C.6.1.1 and
     * C.6.2.1 (Patient Name is PATIENT, Modality SERIES) and the few more the archive indexes;
     * null for any other attribute.
     */
    public static QueryRetrieveLevel describing(int tag) {
        return IndexedAttributes.home(tag);
    }

    /** Whether this level lies below {@code other} (IMAGE is below SERIES). */
    public boolean isBelow(QueryRetrieveLevel other) {
        return ordinal() > other.ordinal();
    }

    /** The level a (0008,0052) value names, or null for anything else. */
    static QueryRetrieveLevel of(String value) {
        for (QueryRetrieveLevel level : values()) {
            if (level.name().equals(value)) {
                return level;
            }
        }
        return null;
    }
}
