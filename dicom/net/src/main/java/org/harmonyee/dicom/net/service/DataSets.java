package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.io.DicomOutputStream;
import org.harmonyee.dicom.net.association.DataWriter;
import org.harmonyee.dicom.uid.TransferSyntax;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Small data sets (identifiers, matches) between the network and {@link Attributes}. */
final class DataSets {

    /** Identifiers and matches above this size are refused: they are never legitimately large. */
    static final int MAX_IDENTIFIER = 4 * 1024 * 1024;

    private DataSets() {
    }

    /** Reads a whole identifier in {@code transferSyntax}; more than {@link #MAX_IDENTIFIER} bytes is an IOException. */
    static Attributes read(InputStream dataSet, String transferSyntax) throws IOException {
        DicomInputStream in = new DicomInputStream(new Limited(dataSet));
        return in.readDataset(TransferSyntax.of(transferSyntax));
    }

    static DataWriter writer(Attributes dataSet, String transferSyntax) {
        return out -> new DicomOutputStream(out).writeDataset(dataSet, TransferSyntax.of(transferSyntax));
    }

    private static final class Limited extends FilterInputStream {

        private long count;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(n);
            return n;
        }

        private void count(int n) throws IOException {
            count += Math.max(n, 0);
            if (count > MAX_IDENTIFIER) {
                throw new IOException("an identifier of more than " + MAX_IDENTIFIER + " bytes");
            }
        }

        @Override
        public void close() {
            // the association's stream is drained by the reader, not closed here
        }
    }
}
