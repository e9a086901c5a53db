package org.harmonyee.dicom.net.association;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a data set, in the presentation context's transfer syntax, into a stream of P-DATA-TF fragments. */
@FunctionalInterface
public interface DataWriter {

    void writeTo(OutputStream out) throws IOException;
}
