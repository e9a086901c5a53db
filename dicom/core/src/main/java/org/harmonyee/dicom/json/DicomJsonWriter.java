package org.harmonyee.dicom.json;

import com.fasterxml.jackson.core.JsonGenerator;
import org.harmonyee.dicom.charset.SpecificCharacterSet;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.BulkData;
import org.harmonyee.dicom.data.DicomElement;
import org.harmonyee.dicom.data.Fragments;
import org.harmonyee.dicom.data.PersonName;
import org.harmonyee.dicom.data.Sequence;
import org.harmonyee.dicom.data.TagUtils;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.data.Values;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.Enumeration;
import java.util.Iterator;

/**
 * Writes a dataset as a DICOM JSON object (PS3.18 F.2) to a Jackson generator, element by
 * element. Group lengths are not written. Numbers of IS, DS and binary numeric VRs are JSON
 * numbers (a DS or IS that is not a number stays a string, and so does an SV or UV beyond 2^53,
 * which JSON numbers do not carry exactly); AT values are "GGGGEEEE" strings;
 * PN values are objects of component groups; binary values are InlineBinary (an odd-length value
 * padded to even length, as every DICOM encoding has it) or BulkDataURI.
 */
public final class DicomJsonWriter {

    /** 2^53 - 1: larger SV and UV values are JSON strings, which JSON parsers do not round (PS3.18 F.2.3 note). */
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private final JsonGenerator json;
    private final BulkDataUris bulkDataUris;

    public DicomJsonWriter(JsonGenerator json, BulkDataUris bulkDataUris) {
        this.json = json;
        this.bulkDataUris = bulkDataUris;
    }

    public void write(Attributes dataset) throws IOException {
        json.writeStartObject();
        for (DicomElement element : dataset) {
            if (!TagUtils.isGroupLength(element.tag()) && !(isBinary(element)
                    && bulkDataUris.omit(dataset, element, binaryLength(element)))) {
                json.writeFieldName(TagUtils.toHex(element.tag()));
                writeElement(dataset, element);
            }
        }
        json.writeEndObject();
    }

    private void writeElement(Attributes dataset, DicomElement element) throws IOException {
        json.writeStartObject();
        json.writeStringField("vr", element.vr().name());
        Object value = element.value();
        if (value instanceof Sequence sequence) {
            if (!sequence.isEmpty()) {
                json.writeArrayFieldStart("Value");
                for (Attributes item : sequence) {
                    write(item);
                }
                json.writeEndArray();
            }
        } else if (isBinary(element)) {
            writeBinary(dataset, element);
        } else if (hasValue(element, dataset)) {
            json.writeArrayFieldStart("Value");
            writeValues(element, dataset.characterSet());
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    /** Whether there is a value to write: text values that are all empty count as none. */
    private static boolean hasValue(DicomElement element, Attributes dataset) {
        if (element.isEmpty()) {
            return false;
        }
        if (!element.vr().isText()) {
            return true;
        }
        for (String value : Values.strings(element.bytes(), element.vr(), dataset.characterSet())) {
            if (!value.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBinary(DicomElement element) {
        Object value = element.value();
        return value instanceof Fragments || value instanceof BulkData
                || !(value instanceof Sequence) && !isInlineValue(element.vr());
    }

    /** The length of a binary value's encoding: fragments with their item headers and delimiter. */
    private static long binaryLength(DicomElement element) {
        Object value = element.value();
        if (value instanceof Fragments fragments) {
            long total = 8;
            for (Object item : fragments.items()) {
                total += 8 + (item instanceof byte[] bytes ? bytes.length : ((BulkData) item).length());
            }
            return total;
        }
        return value instanceof byte[] bytes ? bytes.length : ((BulkData) value).length();
    }

    private static boolean isInlineValue(VR vr) {
        return vr.isText() || vr == VR.US || vr == VR.SS || vr == VR.UL || vr == VR.SL || vr == VR.FL
                || vr == VR.FD || vr == VR.SV || vr == VR.UV || vr == VR.AT;
    }

    private void writeValues(DicomElement element, SpecificCharacterSet characterSet) throws IOException {
        VR vr = element.vr();
        byte[] bytes = element.bytes();
        switch (vr) {
            case US, SS, UL, SL -> {
                for (long value : Values.integers(bytes, vr)) {
                    json.writeNumber(value);
                }
            }
            case SV, UV -> {
                for (long value : Values.integers(bytes, vr)) {
                    boolean exact = vr == VR.SV ? value >= -MAX_SAFE_INTEGER && value <= MAX_SAFE_INTEGER
                            : Long.compareUnsigned(value, MAX_SAFE_INTEGER) <= 0;
                    if (exact) {
                        json.writeNumber(value);
                    } else {
                        json.writeString(vr == VR.UV ? Long.toUnsignedString(value) : Long.toString(value));
                    }
                }
            }
            case FL, FD -> {
                for (double value : Values.doubles(bytes, vr)) {
                    if (vr == VR.FL) {
                        json.writeNumber((float) value);
                    } else {
                        json.writeNumber(value);
                    }
                }
            }
            case AT -> {
                for (long value : Values.integers(bytes, vr)) {
                    json.writeString(TagUtils.toHex((int) value));
                }
            }
            default -> writeText(Values.strings(bytes, vr, characterSet), vr);
        }
    }

    private void writeText(String[] values, VR vr) throws IOException {
        for (String value : values) {
            if (value.isEmpty()) {
                json.writeNull();
            } else if (vr == VR.PN) {
                writePersonName(PersonName.parse(value));
            } else if (vr == VR.IS || vr == VR.DS) {
                writeNumber(value);
            } else {
                json.writeString(value);
            }
        }
    }

    private void writeNumber(String value) throws IOException {
        try {
            json.writeNumber(new BigDecimal(value));
        } catch (NumberFormatException e) {
            json.writeString(value);
        }
    }

    private void writePersonName(PersonName name) throws IOException {
        json.writeStartObject();
        if (!name.alphabetic().isEmpty()) {
            json.writeStringField("Alphabetic", name.alphabetic());
        }
        if (!name.ideographic().isEmpty()) {
            json.writeStringField("Ideographic", name.ideographic());
        }
        if (!name.phonetic().isEmpty()) {
            json.writeStringField("Phonetic", name.phonetic());
        }
        json.writeEndObject();
    }

    private void writeBinary(Attributes dataset, DicomElement element) throws IOException {
        Object value = element.value();
        String uri = bulkDataUris.uriFor(dataset, element, binaryLength(element));
        if (uri != null) {
            json.writeStringField("BulkDataURI", uri);
            return;
        }
        if (element.isEmpty()) {
            return;
        }
        json.writeFieldName("InlineBinary");
        if (value instanceof byte[] bytes) {
            json.writeString(Base64.getEncoder().encodeToString(bytes.length % 2 == 0 ? bytes
                    : Arrays.copyOf(bytes, bytes.length + 1)));
        } else if (value instanceof BulkData bulk) {
            try (InputStream in = bulk.openLittleEndian(element.vr())) {
                json.writeBinary(in, (int) bulk.length());
            }
        } else {
            try (InputStream in = encapsulated((Fragments) value)) {
                json.writeBinary(in, (int) binaryLength(element));
            }
        }
    }

    /**
     * Encapsulated pixel data inline: the items as they are encoded (PS3.5 A.4), delimiter
     * included, streamed item by item (a fragment left in the file is opened when its turn comes).
     */
    private static InputStream encapsulated(Fragments fragments) {
        Iterator<Object> items = fragments.items().iterator();
        Enumeration<InputStream> parts = new Enumeration<>() {
            private InputStream pending;
            private boolean delimited;

            @Override
            public boolean hasMoreElements() {
                return pending != null || items.hasNext() || !delimited;
            }

            @Override
            public InputStream nextElement() {
                if (pending != null) {
                    InputStream value = pending;
                    pending = null;
                    return value;
                }
                if (!items.hasNext()) {
                    delimited = true;
                    return new ByteArrayInputStream(itemHeader(TagUtils.SEQUENCE_DELIMITATION, 0));
                }
                Object item = items.next();
                long length = item instanceof byte[] bytes ? bytes.length : ((BulkData) item).length();
                pending = item instanceof byte[] bytes ? new ByteArrayInputStream(bytes) : open((BulkData) item);
                return new ByteArrayInputStream(itemHeader(TagUtils.ITEM, length));
            }
        };
        return new SequenceInputStream(parts);
    }

    private static InputStream open(BulkData bulk) {
        try {
            return bulk.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] itemHeader(int tag, long length) {
        return new byte[] {(byte) (tag >>> 16), (byte) (tag >>> 24), (byte) tag, (byte) (tag >>> 8),
                (byte) length, (byte) (length >>> 8), (byte) (length >>> 16), (byte) (length >>> 24)};
    }
}
