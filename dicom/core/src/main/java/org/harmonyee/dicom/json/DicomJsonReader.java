package org.harmonyee.dicom.json;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.dicom.charset.SpecificCharacterSet;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Sequence;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.data.Values;

import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a DICOM JSON object (PS3.18 F.2) into a dataset. Text is Unicode in JSON, so the dataset's
 * Specific Character Set becomes ISO_IR 192. BulkDataURI values are resolved by the caller's
 * resolver (bytes or {@link org.harmonyee.dicom.data.BulkData}).
 */
public final class DicomJsonReader {

    private static final SpecificCharacterSet UTF_8 = SpecificCharacterSet.of(new String[] {"ISO_IR 192"});

    private final Function<String, Object> bulkData;

    public DicomJsonReader(Function<String, Object> bulkData) {
        this.bulkData = bulkData;
    }

    /** A reader that refuses BulkDataURI (for JSON that must be self-contained). */
    public static DicomJsonReader inlineOnly() {
        return new DicomJsonReader(uri -> {
            throw new IllegalArgumentException("BulkDataURI " + uri + " cannot be resolved here");
        });
    }

    public Attributes read(JsonNode object) {
        Attributes dataset = new Attributes();
        dataset.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        readInto(dataset, object);
        return dataset;
    }

    private void readInto(Attributes dataset, JsonNode object) {
        if (!object.isObject()) {
            throw new IllegalArgumentException("a DICOM JSON dataset is an object, got " + object.getNodeType());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            int tag = parseTag(field.getKey());
            if (tag == Tag.SpecificCharacterSet) {
                continue;
            }
            JsonNode element = field.getValue();
            VR vr;
            try {
                vr = VR.valueOf(element.path("vr").asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field.getKey() + ": unknown vr '" + element.path("vr").asText() + "'");
            }
            readElement(dataset, tag, vr, element);
        }
    }

    private void readElement(Attributes dataset, int tag, VR vr, JsonNode element) {
        if (vr == VR.SQ) {
            Sequence sequence = dataset.newSequence(tag);
            element.path("Value").forEach(item -> readInto(sequence.addItem(), item));
        } else if (element.has("InlineBinary")) {
            dataset.set(tag, vr, Base64.getDecoder().decode(element.get("InlineBinary").asText()));
        } else if (element.has("BulkDataURI")) {
            dataset.set(tag, vr, bulkData.apply(element.get("BulkDataURI").asText()));
        } else {
            dataset.set(tag, vr, encode(vr, element.path("Value")));
        }
    }

    private static byte[] encode(VR vr, JsonNode values) {
        int count = values.size();
        switch (vr) {
            case US, SS, UL, SL, SV, UV, AT -> {
                long[] numbers = new long[count];
                for (int i = 0; i < count; i++) {
                    JsonNode value = values.get(i);
                    numbers[i] = vr == VR.AT ? Long.parseLong(value.asText(), 16)
                            : vr == VR.UV ? Long.parseUnsignedLong(value.asText()) : value.asLong();
                }
                return Values.encodeIntegers(numbers, vr);
            }
            case FL, FD -> {
                double[] numbers = new double[count];
                for (int i = 0; i < count; i++) {
                    numbers[i] = values.get(i).asDouble();
                }
                return Values.encodeDoubles(numbers, vr);
            }
            default -> {
                String[] text = new String[count];
                for (int i = 0; i < count; i++) {
                    text[i] = text(values.get(i), vr);
                }
                return Values.encodeStrings(text, vr, UTF_8);
            }
        }
    }

    private static String text(JsonNode value, VR vr) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (vr == VR.PN && value.isObject()) {
            String phonetic = value.path("Phonetic").asText("");
            String ideographic = value.path("Ideographic").asText("");
            StringBuilder name = new StringBuilder(value.path("Alphabetic").asText(""));
            if (!ideographic.isEmpty() || !phonetic.isEmpty()) {
                name.append('=').append(ideographic);
            }
            if (!phonetic.isEmpty()) {
                name.append('=').append(phonetic);
            }
            return name.toString();
        }
        return value.isNumber() ? value.numberValue().toString() : value.asText();
    }

    private static int parseTag(String hex) {
        if (hex.length() != 8) {
            throw new IllegalArgumentException("'" + hex + "' is not a tag (8 hex digits)");
        }
        return (int) Long.parseLong(hex, 16);
    }
}
