package org.harmonyee.dicom.io;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.BulkData;
import org.harmonyee.dicom.data.DicomElement;
import org.harmonyee.dicom.data.TagUtils;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.data.Values;
import org.harmonyee.dicom.uid.TransferSyntax;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes PS3.10 files and bare datasets in any transfer syntax: explicit or implicit VR, either
 * byte order, deflated. Values are padded to even length (UI with NUL, text with space); group
 * lengths are recomputed for the {@link FileMetaInformation} and left out elsewhere (they are
 * retired); sequences and items are written with undefined lengths unless defined lengths are
 * asked for.
 */
public final class DicomOutputStream implements Closeable {

    private OutputStream out;
    private boolean definedLengths;

    public DicomOutputStream(OutputStream out) {
        this.out = new BufferedOutputStream(out, 64 * 1024);
    }

    /** Write sequences and items with defined lengths (computed) instead of delimiters. */
    public DicomOutputStream definedLengths(boolean value) {
        this.definedLengths = value;
        return this;
    }

    /** Preamble, "DICM", the meta information (its group length recomputed), then the dataset. */
    public void writeFile(FileMetaInformation meta, Attributes dataset) throws IOException {
        String uid = meta.transferSyntaxUid();
        if (uid == null) {
            throw new IllegalArgumentException("the File Meta Information needs a TransferSyntaxUID");
        }
        meta.write(out);
        writeDataset(dataset, TransferSyntax.of(uid));
    }

    /** A bare dataset, as DIMSE data sets and files after the meta information are written. */
    public void writeDataset(Attributes dataset, TransferSyntax syntax) throws IOException {
        if (syntax.deflated()) {
            out.flush();
            out = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true), 64 * 1024);
        }
        ElementWriter writer = new ElementWriter(out, syntax, definedLengths);
        for (DicomElement element : dataset) {
            if (!TagUtils.isGroupLength(element.tag()) && TagUtils.group(element.tag()) != 2) {
                writer.write(element);
            }
        }
        if (out instanceof DeflaterOutputStream deflater) {
            deflater.finish();
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** Copies a bulk data value, swapping its byte order when the file's differs from the target's. */
    static void copy(BulkData bulk, OutputStream out, boolean bigEndian, VR vr) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        boolean swap = bulk.bigEndian() != bigEndian && vr.needsByteSwap();
        try (InputStream in = bulk.open()) {
            for (int n = in.readNBytes(buffer, 0, buffer.length); n > 0; n = in.readNBytes(buffer, 0, buffer.length)) {
                if (swap) {
                    Values.swap(buffer, n, vr.swapSize());
                }
                out.write(buffer, 0, n);
            }
        }
    }
}
