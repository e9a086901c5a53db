package org.harmonyee.dicom.net.archive;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.DicomElement;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.dict.ElementDictionary;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The identifier of one C-FIND pending response (PS3.4 C.4.1.1.3.2): every key of the request,
 * with the entity's value or empty, the unique keys from the model's top down to the query level,
 * and the Specific Character Set the values are in. Values are copied as stored when the patient,
 * study, series and instance it draws on share one character set (it is then the response's);
 * when they differ, the response is ISO_IR 192 and the text values are re-encoded.
 */
final class MatchResponse {

    private static final ElementDictionary DICTIONARY = ElementDictionary.standard();
    private static final String UTF_8 = "ISO_IR 192";

    private MatchResponse() {
    }

    /** Call under the index's read lock. */
    static Attributes of(Query query, Entity entity, String retrieveAETitle) {
        Attributes response = new Attributes();
        String characterSet = characterSet(entity);
        boolean copyAsStored = characterSet != null;
        if (characterSet == null) {
            characterSet = UTF_8;
        }
        Attributes identifier = query.identifier();
        if (!characterSet.isEmpty() || identifier.contains(Tag.SpecificCharacterSet)) {
            response.setString(Tag.SpecificCharacterSet, VR.CS, characterSet.isEmpty() ? new String[0]
                    : characterSet.split("\\\\"));
        }
        for (DicomElement requested : identifier) {
            int tag = requested.tag();
            if (tag != Tag.SpecificCharacterSet) {
                returnKey(response, requested, query, entity, retrieveAETitle, copyAsStored);
            }
        }
        for (QueryRetrieveLevel level : QueryRetrieveLevel.values()) {
            int key = level.uniqueKey();
            if (query.model().hasLevel(level) && !level.isBelow(query.level()) && !response.contains(key)) {
                copy(response, entity.at(level), key, DICTIONARY.vrOf(key), copyAsStored);
            }
        }
        return response;
    }

    private static void returnKey(Attributes response, DicomElement requested, Query query, Entity entity,
                                  String retrieveAETitle, boolean copyAsStored) {
        int tag = requested.tag();
        VR vr = requested.vr();
        QueryRetrieveLevel home = IndexedAttributes.home(tag);
        if (tag == Tag.QueryRetrieveLevel) {
            response.setString(tag, VR.CS, query.level().name());
        } else if (tag == Tag.RetrieveAETitle) {
            response.setString(tag, VR.AE, retrieveAETitle);
        } else if (tag == Tag.InstanceAvailability) {
            response.setString(tag, VR.CS, "ONLINE");
        } else if (home == null || vr == VR.SQ) {
            empty(response, tag, vr);
        } else if (IndexedAttributes.isComputed(tag)) {
            computed(response, entity.at(home), tag);
        } else {
            copy(response, entity.at(home), tag, vr, copyAsStored);
        }
    }

    private static void computed(Attributes response, Entity entity, int tag) {
        if (tag == Tag.ModalitiesInStudy) {
            response.setString(tag, VR.CS, entity.strings(tag));
        } else if (tag == Tag.SOPClassesInStudy) {
            response.setString(tag, VR.UI, entity.strings(tag));
        } else {
            QueryRetrieveLevel counted = tag == Tag.NumberOfPatientRelatedStudies ? QueryRetrieveLevel.STUDY
                    : tag == Tag.NumberOfPatientRelatedSeries || tag == Tag.NumberOfStudyRelatedSeries
                    ? QueryRetrieveLevel.SERIES : QueryRetrieveLevel.IMAGE;
            response.setString(tag, VR.IS, Integer.toString(entity.count(counted)));
        }
    }

    private static void copy(Attributes response, Entity entity, int tag, VR requestedVr, boolean copyAsStored) {
        DicomElement stored = entity.attributes().get(tag);
        if (stored == null) {
            empty(response, tag, requestedVr);
        } else if (copyAsStored || !stored.vr().isText()) {
            response.set(tag, stored.vr(), stored.value());
        } else {
            response.setString(tag, stored.vr(), entity.attributes().getStrings(tag));
        }
    }

    private static void empty(Attributes response, int tag, VR vr) {
        if (vr == VR.SQ) {
            response.newSequence(tag);
        } else {
            response.set(tag, vr, new byte[0]);
        }
    }

    /** The character set all the entity's levels share ("" for the default repertoire), or null when they differ. */
    private static String characterSet(Entity entity) {
        Set<String> sets = new LinkedHashSet<>();
        for (Entity level = entity; level != null; level = level.parent()) {
            sets.add(String.join("\\", level.attributes().getStrings(Tag.SpecificCharacterSet)));
        }
        return sets.size() == 1 ? sets.iterator().next() : null;
    }
}
