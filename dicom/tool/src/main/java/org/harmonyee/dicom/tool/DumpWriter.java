package org.harmonyee.dicom.tool;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.BulkData;
import org.harmonyee.dicom.data.DicomElement;
import org.harmonyee.dicom.data.Fragments;
import org.harmonyee.dicom.data.Sequence;
import org.harmonyee.dicom.data.TagUtils;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.data.Values;
import org.harmonyee.dicom.dict.ElementDictionary;

import java.io.PrintStream;
import java.util.StringJoiner;

/**
 * Writes datasets as dcmdump does: {@code (0010,0010) PN [Doe^John]  #   8, 1 PatientName}, values
 * cut after {@value #VALUE_WIDTH} characters (text values may be kept whole), items and fragments indented two spaces per level.
 */
final class DumpWriter {

    private static final int VALUE_WIDTH = 64;
    private static final int VALUES_SHOWN = 16;
    private static final ElementDictionary DICTIONARY = ElementDictionary.standard();

    private final PrintStream out;
    private final boolean fullValues;

    DumpWriter(PrintStream out) {
        this(out, false);
    }

    /** @param fullValues text values whole (as dcmdump {@code +L}), so that a UID can be copied from the dump */
    DumpWriter(PrintStream out, boolean fullValues) {
        this.out = out;
        this.fullValues = fullValues;
    }

    void write(Attributes dataset) {
        write(dataset, "");
    }

    private void write(Attributes dataset, String indent) {
        for (DicomElement element : dataset) {
            Object value = element.value();
            if (value instanceof Sequence sequence) {
                line(indent, element.tag(), "SQ", "(Sequence with " + sequence.size() + " items)", "-", 1);
                for (Attributes item : sequence) {
                    line(indent + "  ", TagUtils.ITEM, "na", "(Item with " + item.size() + " elements)", "-", 1);
                    write(item, indent + "    ");
                }
            } else if (value instanceof Fragments fragments) {
                line(indent, element.tag(), element.vr().name(), "(PixelSequence with " + fragments.size() + " items)", "-", 1);
                for (Object fragment : fragments.items()) {
                    long length = fragment instanceof BulkData bulk ? bulk.length() : ((byte[]) fragment).length;
                    line(indent + "  ", TagUtils.ITEM, "pi", render(fragment, VR.OB), Long.toString(length), 1);
                }
            } else {
                long length = value instanceof BulkData bulk ? bulk.length() : element.bytes().length;
                line(indent, element.tag(), element.vr().name(), render(dataset, element), Long.toString(length),
                        multiplicity(dataset, element));
            }
        }
    }

    private void line(String indent, int tag, String vr, String value, String length, int vm) {
        String keyword = tag == TagUtils.ITEM ? "Item" : DICTIONARY.keywordOf(tag);
        String shown = value.length() > VALUE_WIDTH && !(fullValues && value.startsWith("[")) ? value.substring(0, VALUE_WIDTH - 3) + "..." : value;
        out.printf("%s%s %s %-" + VALUE_WIDTH + "s # %6s, %d %s%n", indent, TagUtils.toString(tag).toLowerCase(),
                vr, shown, length, vm, keyword.isEmpty() ? "Unknown Tag & Data" : keyword);
    }

    private static String render(Attributes dataset, DicomElement element) {
        VR vr = element.vr();
        if (element.isEmpty()) {
            return "(no value available)";
        }
        if (element.value() instanceof BulkData) {
            return render(element.value(), vr);
        }
        if (vr.isText()) {
            return "[" + String.join("\\", dataset.getStrings(element.tag())) + "]";
        }
        if (vr == VR.AT) {
            StringJoiner tags = new StringJoiner("\\");
            for (long tag : Values.integers(element.bytes(), vr)) {
                tags.add(TagUtils.toString((int) tag).toLowerCase());
            }
            return tags.toString();
        }
        if (vr == VR.FL || vr == VR.FD || vr == VR.US || vr == VR.SS || vr == VR.UL || vr == VR.SL
                || vr == VR.SV || vr == VR.UV) {
            return String.join("\\", dataset.getStrings(element.tag()));
        }
        return render(element.value(), vr);
    }

    /** Binary values in hex, in units of the VR's value size, the first {@value #VALUES_SHOWN} only. */
    private static String render(Object value, VR vr) {
        if (value instanceof BulkData bulk) {
            return "(" + bulk.length() + " bytes at offset " + bulk.offset() + ", not loaded)";
        }
        byte[] bytes = (byte[]) value;
        int size = Math.max(1, vr == VR.OB || vr == VR.UN ? 1 : vr.valueSize());
        StringJoiner hex = new StringJoiner("\\");
        for (int start = 0; start + size <= bytes.length && start < VALUES_SHOWN * size; start += size) {
            StringBuilder unit = new StringBuilder();
            for (int i = size - 1; i >= 0; i--) {
                unit.append(String.format("%02x", bytes[start + i] & 0xFF));
            }
            hex.add(unit);
        }
        return bytes.length > VALUES_SHOWN * size ? hex + "..." : hex.toString();
    }

    private static int multiplicity(Attributes dataset, DicomElement element) {
        VR vr = element.vr();
        if (element.isEmpty()) {
            return 0;
        }
        if (vr.isText()) {
            return dataset.getStrings(element.tag()).length;
        }
        boolean numeric = vr == VR.AT || vr == VR.FL || vr == VR.FD || vr == VR.US || vr == VR.SS || vr == VR.UL
                || vr == VR.SL || vr == VR.SV || vr == VR.UV;
        return numeric && element.bytes() != null ? element.bytes().length / vr.valueSize() : 1;
    }
}
