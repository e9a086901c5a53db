package org.harmonyee.dicom.io;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.BulkData;
import org.harmonyee.dicom.data.DicomElement;
import org.harmonyee.dicom.data.Fragments;
import org.harmonyee.dicom.data.Sequence;
import org.harmonyee.dicom.data.TagUtils;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.data.Values;
import org.harmonyee.dicom.uid.TransferSyntax;

import java.io.IOException;
import java.io.OutputStream;

/** Encodes elements (headers, padded values, sequences, fragments) in one transfer syntax. */
final class ElementWriter {

    private static final long UNDEFINED = 0xFFFFFFFFL;

    private final OutputStream out;
    private final boolean explicit;
    private final boolean bigEndian;
    private final boolean definedLengths;

    ElementWriter(OutputStream out, TransferSyntax syntax, boolean definedLengths) {
        this.out = out;
        this.explicit = syntax.explicitVR();
        this.bigEndian = syntax.bigEndian();
        this.definedLengths = definedLengths;
    }

    void write(DicomElement element) throws IOException {
        Object value = element.value();
        VR vr = headerVR(element);
        if (value instanceof Sequence sequence) {
            writeHeader(element.tag(), VR.SQ, definedLengths ? contentLength(sequence) : UNDEFINED);
            for (Attributes item : sequence) {
                writeItem(item);
            }
            if (!definedLengths) {
                writeHeader(TagUtils.SEQUENCE_DELIMITATION, null, 0);
            }
        } else if (value instanceof Fragments fragments) {
            writeHeader(element.tag(), vr, UNDEFINED);
            for (Object fragment : fragments.items()) {
                long length = fragment instanceof byte[] bytes ? bytes.length : ((BulkData) fragment).length();
                writeHeader(TagUtils.ITEM, null, length + (length & 1));
                writeValue(fragment, VR.OB);
            }
            writeHeader(TagUtils.SEQUENCE_DELIMITATION, null, 0);
        } else {
            long length = valueLength(element);
            writeHeader(element.tag(), vr, length + (length & 1));
            writeValue(value, vr);
        }
    }

    private void writeItem(Attributes item) throws IOException {
        writeHeader(TagUtils.ITEM, null, definedLengths ? datasetLength(item) : UNDEFINED);
        for (DicomElement element : item) {
            if (!TagUtils.isGroupLength(element.tag())) {
                write(element);
            }
        }
        if (!definedLengths) {
            writeHeader(TagUtils.ITEM_DELIMITATION, null, 0);
        }
    }

    /** A value longer than a 2-byte length can say is written as UN (PS3.5 6.2.2 note). */
    private VR headerVR(DicomElement element) {
        VR vr = element.vr();
        if (explicit && !vr.hasLongLength() && !(element.value() instanceof Sequence) && valueLength(element) > 0xFFFE) {
            return VR.UN;
        }
        return vr;
    }

    private void writeHeader(int tag, VR vr, long length) throws IOException {
        writeShort(tag >>> 16);
        writeShort(tag & 0xFFFF);
        if (vr == null || !explicit) {
            writeInt(length);
            return;
        }
        out.write(vr.name().charAt(0));
        out.write(vr.name().charAt(1));
        if (vr.hasLongLength()) {
            writeShort(0);
            writeInt(length);
        } else {
            writeShort((int) length);
        }
    }

    private void writeValue(Object value, VR vr) throws IOException {
        if (value instanceof BulkData bulk) {
            DicomOutputStream.copy(bulk, out, bigEndian, vr);
            if ((bulk.length() & 1) == 1) {
                out.write(vr.padding());
            }
            return;
        }
        byte[] bytes = (byte[]) value;
        if (bigEndian && vr.needsByteSwap()) {
            bytes = bytes.clone();
            Values.swap(bytes, vr.swapSize());
        }
        out.write(bytes);
        if ((bytes.length & 1) == 1) {
            out.write(vr.padding());
        }
    }

    /** The encoded length of one element, header included (for group and item lengths). */
    long length(DicomElement element) {
        Object value = element.value();
        int header = explicit && element.vr().hasLongLength() || explicit && value instanceof Sequence ? 12 : 8;
        if (value instanceof Sequence sequence) {
            return header + contentLength(sequence) + (definedLengths ? 0 : 8);
        }
        if (value instanceof Fragments fragments) {
            long total = header + 8;
            for (Object fragment : fragments.items()) {
                long length = fragment instanceof byte[] bytes ? bytes.length : ((BulkData) fragment).length();
                total += 8 + length + (length & 1);
            }
            return total;
        }
        long length = valueLength(element);
        VR vr = headerVR(element);
        return (explicit && vr.hasLongLength() ? 12 : 8) + length + (length & 1);
    }

    private long contentLength(Sequence sequence) {
        long total = 0;
        for (Attributes item : sequence) {
            total += 8 + datasetLength(item) + (definedLengths ? 0 : 8);
        }
        return total;
    }

    private long datasetLength(Attributes dataset) {
        long total = 0;
        for (DicomElement element : dataset) {
            if (!TagUtils.isGroupLength(element.tag())) {
                total += length(element);
            }
        }
        return total;
    }

    private static long valueLength(DicomElement element) {
        Object value = element.value();
        return value instanceof byte[] bytes ? bytes.length : value instanceof BulkData bulk ? bulk.length() : 0;
    }

    private void writeShort(int value) throws IOException {
        if (bigEndian) {
            out.write(value >>> 8);
            out.write(value);
        } else {
            out.write(value);
            out.write(value >>> 8);
        }
    }

    private void writeInt(long value) throws IOException {
        if (bigEndian) {
            writeShort((int) (value >>> 16) & 0xFFFF);
            writeShort((int) value & 0xFFFF);
        } else {
            writeShort((int) value & 0xFFFF);
            writeShort((int) (value >>> 16) & 0xFFFF);
        }
    }
}
