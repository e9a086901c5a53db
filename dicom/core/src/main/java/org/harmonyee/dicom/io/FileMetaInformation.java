package org.harmonyee.dicom.io;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.DicomElement;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.TagUtils;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.uid.TransferSyntax;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The header of a PS3.10 file (PS3.10 7.1): a 128-byte preamble, the prefix "DICM", then the File
 * Meta Information, group 0002 in Explicit VR Little Endian led by its group length: version,
 * Media Storage SOP Class and Instance UIDs, the Transfer Syntax UID of the data set that follows,
 * and the implementation class UID and version name of the writer. {@link #of} makes one for a new
 * file and {@link #write} encodes it; {@link #read(Path)} reads one with the offset of the data set,
 * which can then be copied byte for byte without being parsed. {@link DicomInputStream} and
 * {@link DicomOutputStream} read and write files through this class.
 */
public final class FileMetaInformation {

    /** Ours, in (0002,0012) of the files we write and in the A-ASSOCIATE user information. */
    public static final String IMPLEMENTATION_CLASS_UID = "1.2.826.0.1.3680043.10.1338.1";
    /** Ours, in (0002,0013) and in the A-ASSOCIATE user information. */
    public static final String IMPLEMENTATION_VERSION_NAME = "HARMONY_EE_01";

    private static final int PREAMBLE_LENGTH = 128;
    /** Preamble and "DICM": where the group starts. */
    static final int PREFIX_LENGTH = PREAMBLE_LENGTH + 4;
    /** (0002,0000) UL: tag, VR, 2-byte length, 4-byte value. */
    private static final int GROUP_LENGTH_ELEMENT = 12;
    /** Far above any real meta element (UIDs are 64 bytes), so that a corrupt length allocates little. */
    private static final int MAX_VALUE_LENGTH = 64 * 1024;

    private final Attributes attributes;
    /** Where the data set starts in the file read; -1 for one made by {@link #of}, whose offset follows its elements. */
    private final long offsetRead;

    private FileMetaInformation(Attributes attributes, long offsetRead) {
        this.attributes = attributes;
        this.offsetRead = offsetRead;
    }

    /**
     * The File Meta Information of a new file: version 00\01, the instance, the transfer syntax its
     * data set is written in, and our implementation class UID and version name.
     */
    public static FileMetaInformation of(String sopClassUid, String sopInstanceUid, String transferSyntaxUid) {
        Attributes attributes = new Attributes();
        attributes.set(Tag.FileMetaInformationVersion, VR.OB, new byte[] {0, 1});
        attributes.setString(Tag.MediaStorageSOPClassUID, VR.UI, sopClassUid);
        attributes.setString(Tag.MediaStorageSOPInstanceUID, VR.UI, sopInstanceUid);
        attributes.setString(Tag.TransferSyntaxUID, VR.UI, transferSyntaxUid);
        attributes.setString(Tag.ImplementationClassUID, VR.UI, IMPLEMENTATION_CLASS_UID);
        attributes.setString(Tag.ImplementationVersionName, VR.SH, IMPLEMENTATION_VERSION_NAME);
        return new FileMetaInformation(attributes, -1);
    }

    /**
     * Reads the header of a PS3.10 file: preamble, "DICM" and a group with a Transfer Syntax UID
     * are required. The data set is not read.
     */
    public static FileMetaInformation read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 8192)) {
            ByteSource source = new ByteSource(in);
            byte[] prefix = new byte[PREFIX_LENGTH];
            int n = source.readUpTo(prefix, PREFIX_LENGTH);
            if (n < PREFIX_LENGTH) {
                throw new DicomStreamException(0, null, "not a PS3.10 file: shorter than its preamble");
            }
            if (!hasPrefix(prefix, n)) {
                throw new DicomStreamException(PREAMBLE_LENGTH, null, "not a PS3.10 file: no \"DICM\" after the preamble");
            }
            FileMetaInformation meta = readGroup(source, new ReadBudget(DicomInputStream.DEFAULT_MEMORY_LIMIT,
                    DicomInputStream.DEFAULT_MAX_DEPTH));
            if (meta.transferSyntaxUid() == null) {
                throw new DicomStreamException(meta.offsetRead, null, "the File Meta Information has no Transfer Syntax UID");
            }
            return meta;
        }
    }

    /** Whether the first {@code n} bytes of {@code head} are a preamble and "DICM". */
    static boolean hasPrefix(byte[] head, int n) {
        return n >= PREFIX_LENGTH && head[PREAMBLE_LENGTH] == 'D' && head[PREAMBLE_LENGTH + 1] == 'I'
                && head[PREAMBLE_LENGTH + 2] == 'C' && head[PREAMBLE_LENGTH + 3] == 'M';
    }

    /**
     * Reads group 0002 from where {@code source} stands up to the first element of another group
     * (whatever its group length says), every element charged to {@code budget}; the bytes of that
     * next element are given back to {@code source}.
     */
    static FileMetaInformation readGroup(ByteSource source, ReadBudget budget) throws IOException {
        Attributes attributes = new Attributes();
        byte[] header = new byte[8];
        while (true) {
            int n = source.readUpTo(header, 8);
            if (n < 8 || (header[0] & 0xFF | (header[1] & 0xFF) << 8) != 2) {
                source.unread(header, n);
                return new FileMetaInformation(attributes, source.position());
            }
            readElement(source, budget, header, attributes);
        }
    }

    /** One element whose 8-byte header (tag, VR, and the 2-byte length or the reserved bytes) is read. */
    private static void readElement(ByteSource source, ReadBudget budget, byte[] header, Attributes attributes)
            throws IOException {
        long offset = source.position() - 8;
        int tag = 0x00020000 | (header[2] & 0xFF) | (header[3] & 0xFF) << 8;
        VR vr = VR.of(header[4] & 0xFF, header[5] & 0xFF);
        if (vr == null) {
            throw new DicomStreamException(offset, TagUtils.toString(tag), String.format(
                    "invalid VR bytes %02X %02X in the File Meta Information", header[4] & 0xFF, header[5] & 0xFF));
        }
        try {
            long length = vr.hasLongLength() ? source.readUnsignedInt(false) : (header[6] & 0xFF) | (header[7] & 0xFF) << 8;
            if (length > MAX_VALUE_LENGTH) {
                throw new DicomStreamException(offset, TagUtils.toString(tag), "a File Meta Information element of "
                        + length + " bytes");
            }
            budget.charge(ReadBudget.ELEMENT_OVERHEAD + length, offset, tag);
            byte[] value = new byte[(int) length];
            source.readFully(value, 0, value.length);
            attributes.set(tag, vr, value);
        } catch (EOFException e) {
            throw new DicomStreamException(source.position(), TagUtils.toString(tag),
                    "truncated: the input ends inside the File Meta Information", e);
        }
    }

    /**
     * Writes the preamble (zeros), "DICM", the group length (computed), then the other elements,
     * in one call to {@code out}.
     */
    public void write(OutputStream out) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream(512);
        header.write(new byte[PREAMBLE_LENGTH]);
        header.write(new byte[] {'D', 'I', 'C', 'M'});
        ElementWriter writer = metaWriter(header);
        Attributes groupLength = new Attributes();
        groupLength.setInt(Tag.FileMetaInformationGroupLength, VR.UL, (int) groupLength(writer, attributes));
        writer.write(groupLength.get(Tag.FileMetaInformationGroupLength));
        for (DicomElement element : attributes) {
            if (!TagUtils.isGroupLength(element.tag())) {
                writer.write(element);
            }
        }
        header.writeTo(out);
    }

    private static long groupLength(ElementWriter writer, Attributes attributes) {
        long length = 0;
        for (DicomElement element : attributes) {
            if (!TagUtils.isGroupLength(element.tag())) {
                length += writer.length(element);
            }
        }
        return length;
    }

    private static ElementWriter metaWriter(OutputStream out) {
        return new ElementWriter(out, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false);
    }

    /** The elements: as read (the group length among them), or as made by {@link #of}; {@link #write} writes them. */
    public Attributes attributes() {
        return attributes;
    }

    /**
     * Where the data set starts: in the file this was read from, or, for one made by {@link #of},
     * in what {@link #write} writes.
     */
    public long dataSetOffset() {
        if (offsetRead >= 0) {
            return offsetRead;
        }
        return PREFIX_LENGTH + GROUP_LENGTH_ELEMENT + groupLength(metaWriter(OutputStream.nullOutputStream()), attributes);
    }

    /** (0002,0010), or null when the group has none. */
    public String transferSyntaxUid() {
        return value(Tag.TransferSyntaxUID);
    }

    /** (0002,0002), or null. */
    public String mediaStorageSopClassUid() {
        return value(Tag.MediaStorageSOPClassUID);
    }

    /** (0002,0003), or null. */
    public String mediaStorageSopInstanceUid() {
        return value(Tag.MediaStorageSOPInstanceUID);
    }

    private String value(int tag) {
        String text = attributes.getString(tag);
        return text == null ? null : text.strip();
    }
}
