package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.DicomElement;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.TagUtils;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.io.DicomOutputStream;
import org.harmonyee.dicom.io.DicomStreamException;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The PS3.10 header (preamble, "DICM", group 0002) as the network needs it: written in front of a
 * data set that arrives already encoded (even deflated), and read off a file whose data set is then
 * sent byte for byte. The data set itself is never parsed here.
 */
public final class FileMetaInformation {

    private static final int MAX_META = 64 * 1024;

    /** What a file's header says, and where its data set starts. */
    public record Header(Attributes attributes, long dataSetOffset) {

        public String transferSyntax() {
            return value(Tag.TransferSyntaxUID);
        }

        public String sopClassUid() {
            return value(Tag.MediaStorageSOPClassUID);
        }

        public String sopInstanceUid() {
            return value(Tag.MediaStorageSOPInstanceUID);
        }

        private String value(int tag) {
            String text = attributes.getString(tag);
            return text == null ? null : text.strip();
        }
    }

    private FileMetaInformation() {
    }

    public static void write(OutputStream out, String sopClassUid, String sopInstanceUid, String transferSyntax)
            throws IOException {
        Attributes meta = DicomOutputStream.fileMetaInformation(sopClassUid, sopInstanceUid, transferSyntax);
        ByteArrayOutputStream group = new ByteArrayOutputStream(256);
        for (DicomElement element : meta) {
            writeElement(group, element);
        }
        ByteArrayOutputStream header = new ByteArrayOutputStream(group.size() + 144);
        header.write(new byte[128]);
        header.write(new byte[] {'D', 'I', 'C', 'M'});
        Attributes length = new Attributes();
        length.setInt(Tag.FileMetaInformationGroupLength, VR.UL, group.size());
        writeElement(header, length.get(Tag.FileMetaInformationGroupLength));
        group.writeTo(header);
        header.writeTo(out);
    }

    private static void writeElement(ByteArrayOutputStream out, DicomElement element) throws IOException {
        byte[] value = element.bytes();
        int length = value.length + (value.length & 1);
        int tag = element.tag();
        out.write(new byte[] {(byte) (tag >>> 16), (byte) (tag >>> 24), (byte) tag, (byte) (tag >>> 8)});
        out.write(element.vr().name().getBytes(StandardCharsets.US_ASCII));
        if (element.vr().hasLongLength()) {
            out.write(new byte[] {0, 0, (byte) length, (byte) (length >>> 8), (byte) (length >>> 16), (byte) (length >>> 24)});
        } else {
            out.write(new byte[] {(byte) length, (byte) (length >>> 8)});
        }
        out.write(value);
        if (length != value.length) {
            out.write(element.vr().padding());
        }
    }

    /** Reads the header of a PS3.10 file, leaving {@code in} (which must support mark) at the first byte of the data set. */
    public static Header read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] preamble = new byte[132];
        try {
            data.readFully(preamble);
        } catch (EOFException e) {
            throw new DicomStreamException(0, null, "not a PS3.10 file: shorter than its preamble");
        }
        if (preamble[128] != 'D' || preamble[129] != 'I' || preamble[130] != 'C' || preamble[131] != 'M') {
            throw new DicomStreamException(128, null, "not a PS3.10 file: no \"DICM\" after the preamble");
        }
        Attributes meta = new Attributes();
        long position = 132;
        byte[] head = new byte[8];
        while (true) {
            in.mark(8);
            int n = data.readNBytes(head, 0, 8);
            int group = (head[0] & 0xFF) | (head[1] & 0xFF) << 8;
            if (n < 8 || group != 2) {
                in.reset();
                break;
            }
            int tag = group << 16 | (head[2] & 0xFF) | (head[3] & 0xFF) << 8;
            VR vr = VR.of(head[4] & 0xFF, head[5] & 0xFF);
            if (vr == null) {
                throw new DicomStreamException(position, TagUtils.toString(tag), "invalid VR in the File Meta Information");
            }
            long length = (head[6] & 0xFF) | (head[7] & 0xFF) << 8;
            position += 8;
            if (vr.hasLongLength()) {
                length = Integer.toUnsignedLong(Integer.reverseBytes(data.readInt()));
                position += 4;
            }
            if (length > MAX_META) {
                throw new DicomStreamException(position, TagUtils.toString(tag), "a meta element of " + length + " bytes");
            }
            byte[] value = new byte[(int) length];
            data.readFully(value);
            position += length;
            meta.set(tag, vr, value);
        }
        if (meta.getString(Tag.TransferSyntaxUID) == null) {
            throw new DicomStreamException(position, null, "the File Meta Information has no Transfer Syntax UID");
        }
        return new Header(meta, position);
    }
}
