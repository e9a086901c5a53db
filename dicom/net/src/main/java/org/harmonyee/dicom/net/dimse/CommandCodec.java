package org.harmonyee.dicom.net.dimse;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.DicomElement;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.TagUtils;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.uid.TransferSyntax;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Command sets in Implicit VR Little Endian (PS3.7 6.3.1), with Command Group Length (0000,0000)
 * first, which PS3.7 requires and several peers check. Values are padded to even length (UIDs with
 * NUL, text with space).
 */
public final class CommandCodec {

    private CommandCodec() {
    }

    public static byte[] encode(Command command) {
        ByteArrayOutputStream elements = new ByteArrayOutputStream(256);
        for (DicomElement element : command.attributes()) {
            if (element.tag() == Tag.CommandGroupLength) {
                continue;
            }
            if (TagUtils.group(element.tag()) != 0 || element.bytes() == null) {
                throw new IllegalArgumentException("a command set holds group 0000 values only: " + element);
            }
            byte[] value = element.bytes();
            int padded = value.length + (value.length & 1);
            writeHeader(elements, element.tag(), padded);
            elements.writeBytes(value);
            if (padded != value.length) {
                elements.write(element.vr().padding());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(elements.size() + 12);
        writeHeader(out, Tag.CommandGroupLength, 4);
        writeInt(out, elements.size());
        out.writeBytes(elements.toByteArray());
        return out.toByteArray();
    }

    public static Command decode(byte[] bytes) throws IOException {
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(bytes))) {
            Attributes attributes = in.readDataset(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
            attributes.remove(Tag.CommandGroupLength);
            return new Command(attributes);
        }
    }

    private static void writeHeader(ByteArrayOutputStream out, int tag, int length) {
        out.write(tag >>> 16);
        out.write(tag >>> 24);
        out.write(tag);
        out.write(tag >>> 8);
        writeInt(out, length);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }
}
