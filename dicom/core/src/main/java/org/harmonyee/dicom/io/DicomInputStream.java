package org.harmonyee.dicom.io;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.BulkData;
import org.harmonyee.dicom.data.Fragments;
import org.harmonyee.dicom.data.Sequence;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.TagUtils;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.dict.ElementDictionary;
import org.harmonyee.dicom.uid.TransferSyntax;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a PS3.10 file or a bare dataset. The transfer syntax comes from the
 * {@link FileMetaInformation}, or is detected when there is none. Values at or above the bulk data
 * threshold of a file are kept as {@link BulkData} references; everything else is read into memory,
 * within a memory limit charged before each allocation, and from a stream in bounded chunks, so a
 * declared length never allocates more than the bytes that actually arrive. Malformed input of any
 * kind ends in a {@link DicomStreamException} naming the offset and the tag.
 */
public final class DicomInputStream implements Closeable {

    private static final ElementDictionary DICTIONARY = ElementDictionary.standard();
    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final int CHUNK = 64 * 1024;
    /** The default of {@link #memoryLimit(long)}: 1 GiB. */
    public static final long DEFAULT_MEMORY_LIMIT = 1L << 30;
    /** The default of {@link #maxDepth(int)}: far deeper than any real dataset nests. */
    public static final int DEFAULT_MAX_DEPTH = 64;

    /** How values are encoded where the reader currently is. */
    private record Encoding(boolean explicitVR, boolean bigEndian) {
        static final Encoding IMPLICIT_LE = new Encoding(false, false);
    }

    private final ByteSource source;
    private final Path file;
    private final long size;
    private long bulkDataThreshold = Long.MAX_VALUE;
    private long memoryLimit = DEFAULT_MEMORY_LIMIT;
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private ReadBudget budget;
    private ValueReader values;
    private int currentTag = -1;
    private FileMetaInformation fileMetaInformation;
    private TransferSyntax transferSyntax;
    private boolean started;

    public DicomInputStream(InputStream in) {
        this(in, null, -1);
    }

    private DicomInputStream(InputStream in, Path file, long size) {
        this.source = new ByteSource(in);
        this.file = file;
        this.size = size;
    }

    public static DicomInputStream open(Path file) throws IOException {
        return new DicomInputStream(new BufferedInputStream(Files.newInputStream(file), CHUNK), file, Files.size(file));
    }

    /** Values of at least this many bytes stay in the file as {@link BulkData} (files only). */
    public DicomInputStream bulkDataThreshold(long bytes) {
        this.bulkDataThreshold = bytes;
        return this;
    }

    /**
     * The most bytes of values and elements one read holds in memory (bulk data references aside);
     * more is a {@link DicomStreamException}. Set it before reading.
     */
    public DicomInputStream memoryLimit(long bytes) {
        this.memoryLimit = bytes;
        return this;
    }

    /** How deep sequences may nest; deeper is a {@link DicomStreamException}. Set it before reading. */
    public DicomInputStream maxDepth(int levels) {
        this.maxDepth = levels;
        return this;
    }

    /** The File Meta Information, or null for a bare dataset. */
    public FileMetaInformation fileMetaInformation() throws IOException {
        start();
        return fileMetaInformation;
    }

    public TransferSyntax transferSyntax() throws IOException {
        start();
        return transferSyntax;
    }

    /** Reads a bare dataset in a known transfer syntax (no preamble, no meta information). */
    public Attributes readDataset(TransferSyntax syntax) throws IOException {
        begin();
        transferSyntax = syntax;
        return readDataset();
    }

    public Attributes readDataset() throws IOException {
        return readDataset(-1);
    }

    /** Reads the dataset up to, not including, the first top-level element with tag ≥ {@code stopTag}. */
    public Attributes readDataset(int stopTag) throws IOException {
        start();
        Attributes dataset = new Attributes();
        try {
            readElements(dataset, -1, false, stopTag, encoding(transferSyntax));
        } catch (EOFException e) {
            throw truncated(e);
        }
        return dataset;
    }

    private DicomStreamException truncated(EOFException e) {
        return new DicomStreamException(source.position(), currentTag == -1 ? null : TagUtils.toString(currentTag),
                "truncated: the input ends inside an element", e);
    }

    private static Encoding encoding(TransferSyntax syntax) {
        return new Encoding(syntax.explicitVR(), syntax.bigEndian());
    }

    private void start() throws IOException {
        if (started) {
            return;
        }
        begin();
        try {
            readHead();
        } catch (EOFException e) {
            throw truncated(e);
        }
    }

    /** The limits and the bulk data threshold hold from here on. */
    private void begin() {
        started = true;
        budget = new ReadBudget(memoryLimit, maxDepth);
        values = new ValueReader(source, file, size, bulkDataThreshold, budget);
    }

    /** Preamble and meta information, or the first bytes of a bare dataset to detect its syntax from. */
    private void readHead() throws IOException {
        byte[] head = new byte[FileMetaInformation.PREFIX_LENGTH];
        int n = source.readUpTo(head, head.length);
        if (FileMetaInformation.hasPrefix(head, n)) {
            readFileMetaInformation();
            return;
        }
        source.unread(head, n);
        if (n >= 2 && head[0] == 2 && head[1] == 0) {
            readFileMetaInformation();
            return;
        }
        transferSyntax = detect(head, n);
        int group = transferSyntax.bigEndian() ? ((head[0] & 0xFF) << 8) | (head[1] & 0xFF)
                : ((head[1] & 0xFF) << 8) | (head[0] & 0xFF);
        if (n < 8 || group > 0x0010) {
            throw new DicomStreamException(0, null, "not DICOM: no \"DICM\" preamble, and the first bytes are not "
                    + "a data element of groups 0000-0010");
        }
    }

    /** Group 0002, with or without a preamble before it; no Transfer Syntax UID in it: detected. */
    private void readFileMetaInformation() throws IOException {
        fileMetaInformation = FileMetaInformation.readGroup(source, budget);
        String uid = fileMetaInformation.transferSyntaxUid();
        if (uid == null || uid.isEmpty()) {
            byte[] peek = new byte[8];
            int got = source.readUpTo(peek, 8);
            source.unread(peek, got);
            transferSyntax = detect(peek, got);
            return;
        }
        transferSyntax = TransferSyntax.of(uid);
        if (transferSyntax.deflated()) {
            source.inflate();
            values.inflating();
        }
    }

    /** No meta information: explicit if bytes 4-5 are a VR, big endian if the group reads swapped. */
    private static TransferSyntax detect(byte[] head, int n) {
        if (n < 8) {
            return TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        }
        boolean explicit = VR.of(head[4] & 0xFF, head[5] & 0xFF) != null;
        boolean bigEndian = head[0] == 0 && head[1] != 0;
        if (!explicit) {
            return TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        }
        return bigEndian ? TransferSyntax.EXPLICIT_VR_BIG_ENDIAN : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    }

    private void readElements(Attributes target, long end, boolean untilItemDelimiter, int stopTag, Encoding encoding)
            throws IOException {
        while (end < 0 || source.position() < end) {
            byte[] peek = new byte[4];
            int got = source.readUpTo(peek, 4);
            if (got == 0 && end < 0 && !untilItemDelimiter) {
                return;
            }
            if (got < 4) {
                throw new DicomStreamException(source.position(), null, "truncated: the dataset ends inside an element header");
            }
            int tag = tag(peek, encoding.bigEndian());
            if (stopTag != -1 && Integer.compareUnsigned(tag, stopTag) >= 0) {
                source.unread(peek, 4);
                return;
            }
            if (tag == TagUtils.ITEM_DELIMITATION) {
                source.readUnsignedInt(encoding.bigEndian());
                if (untilItemDelimiter) {
                    return;
                }
                continue;
            }
            if (tag == TagUtils.ITEM || tag == TagUtils.SEQUENCE_DELIMITATION) {
                throw new DicomStreamException(source.position() - 4, TagUtils.toString(tag), "unexpected delimiter");
            }
            readElement(target, tag, encoding);
        }
        if (source.position() > end) {
            throw new DicomStreamException(source.position(), null, "an element overruns the length of its item");
        }
    }

    private void readElement(Attributes target, int tag, Encoding encoding) throws IOException {
        long offset = source.position() - 4;
        currentTag = tag;
        budget.charge(ReadBudget.ELEMENT_OVERHEAD, offset, tag);
        VR vr;
        long length;
        try {
            if (encoding.explicitVR()) {
                byte[] code = new byte[2];
                source.readFully(code, 0, 2);
                vr = VR.of(code[0] & 0xFF, code[1] & 0xFF);
                if (vr == null) {
                    throw new DicomStreamException(offset, TagUtils.toString(tag), String.format(
                            "invalid VR bytes %02X %02X", code[0] & 0xFF, code[1] & 0xFF));
                }
                if (vr.hasLongLength()) {
                    source.skip(2);
                    length = source.readUnsignedInt(encoding.bigEndian());
                } else {
                    length = source.readUnsignedShort(encoding.bigEndian());
                }
            } else {
                vr = DICTIONARY.vrOf(tag, target);
                length = source.readUnsignedInt(encoding.bigEndian());
            }
        } catch (EOFException e) {
            throw new DicomStreamException(source.position(), TagUtils.toString(tag), "truncated element header", e);
        }
        if (length == UNDEFINED) {
            readUndefinedLength(target, tag, vr, encoding);
        } else if (vr == VR.SQ) {
            readSequence(target.newSequence(tag), tag, source.position() + length, encoding);
        } else {
            target.set(tag, vr, values.read(tag, vr, length, encoding.bigEndian()));
        }
    }

    private void readUndefinedLength(Attributes target, int tag, VR vr, Encoding encoding) throws IOException {
        if (vr == VR.SQ) {
            readSequence(target.newSequence(tag), tag, -1, encoding);
        } else if (vr == VR.UN) {
            readSequence(target.newSequence(tag), tag, -1, Encoding.IMPLICIT_LE);
        } else if (tag == Tag.PixelData || vr == VR.OB || vr == VR.OW) {
            target.set(tag, vr, readFragments(tag, vr, encoding));
        } else if (!encoding.explicitVR()) {
            readSequence(target.newSequence(tag), tag, -1, encoding);
        } else {
            throw new DicomStreamException(source.position(), TagUtils.toString(tag), vr + " cannot have an undefined length");
        }
    }

    private void readSequence(Sequence sequence, int sequenceTag, long end, Encoding encoding) throws IOException {
        budget.enter(source.position(), sequenceTag);
        try {
            readItems(sequence, sequenceTag, end, encoding);
        } finally {
            budget.leave();
        }
    }

    private void readItems(Sequence sequence, int sequenceTag, long end, Encoding encoding) throws IOException {
        while (end < 0 || source.position() < end) {
            long offset = source.position();
            int tag;
            long length;
            try {
                tag = (source.readUnsignedShort(encoding.bigEndian()) << 16) | source.readUnsignedShort(encoding.bigEndian());
                length = source.readUnsignedInt(encoding.bigEndian());
            } catch (EOFException e) {
                throw new DicomStreamException(source.position(), null, "truncated: the sequence has no delimiter", e);
            }
            if (tag == TagUtils.SEQUENCE_DELIMITATION) {
                if (end >= 0) {
                    throw new DicomStreamException(offset, null, "a sequence delimiter inside a defined-length sequence");
                }
                return;
            }
            if (tag != TagUtils.ITEM) {
                throw new DicomStreamException(offset, TagUtils.toString(tag), "expected an item in a sequence");
            }
            budget.charge(ReadBudget.ELEMENT_OVERHEAD, offset, sequenceTag);
            Attributes item = sequence.addItem();
            if (length == UNDEFINED) {
                readElements(item, -1, true, -1, encoding);
            } else {
                values.checkLength(length, null);
                readElements(item, source.position() + length, false, -1, encoding);
            }
        }
        if (source.position() != end) {
            throw new DicomStreamException(source.position(), null, "an item overruns the length of its sequence");
        }
    }

    private Fragments readFragments(int tag, VR vr, Encoding encoding) throws IOException {
        Fragments fragments = new Fragments(vr);
        while (true) {
            long offset = source.position();
            int itemTag;
            long length;
            try {
                itemTag = (source.readUnsignedShort(encoding.bigEndian()) << 16) | source.readUnsignedShort(encoding.bigEndian());
                length = source.readUnsignedInt(encoding.bigEndian());
            } catch (EOFException e) {
                throw new DicomStreamException(source.position(), TagUtils.toString(tag), "truncated encapsulated pixel data", e);
            }
            if (itemTag == TagUtils.SEQUENCE_DELIMITATION) {
                return fragments;
            }
            if (itemTag != TagUtils.ITEM || length == UNDEFINED) {
                throw new DicomStreamException(offset, TagUtils.toString(tag), "expected a fragment item");
            }
            budget.charge(ReadBudget.ELEMENT_OVERHEAD, offset, tag);
            fragments.add(values.read(tag, VR.OB, length, encoding.bigEndian()));
        }
    }

    private static int tag(byte[] bytes, boolean bigEndian) {
        int group = bigEndian ? ((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF) : ((bytes[1] & 0xFF) << 8) | (bytes[0] & 0xFF);
        int element = bigEndian ? ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF) : ((bytes[3] & 0xFF) << 8) | (bytes[2] & 0xFF);
        return (group << 16) | element;
    }

    @Override
    public void close() throws IOException {
        source.raw().close();
    }
}
