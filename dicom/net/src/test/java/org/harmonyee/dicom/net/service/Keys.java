package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;

/** Builds query identifiers for the tests. */
final class Keys {

    private final Attributes attributes = new Attributes();

    private Keys(String level) {
        attributes.setString(Tag.QueryRetrieveLevel, VR.CS, level);
    }

    static Keys level(String level) {
        return new Keys(level);
    }

    Keys with(int tag, VR vr, String value) {
        attributes.setString(tag, vr, value);
        return this;
    }

    Keys uid(int tag, String value) {
        return with(tag, VR.UI, value);
    }

    Attributes build() {
        return attributes;
    }

    static String text(Attributes match, int tag) {
        String value = match.getString(tag);
        return value == null ? null : value.strip();
    }
}
