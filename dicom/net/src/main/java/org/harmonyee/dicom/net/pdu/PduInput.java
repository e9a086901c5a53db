package org.harmonyee.dicom.net.pdu;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads PDUs from a transport stream without buffering whole P-DATA-TF PDUs: after
 * {@link #nextPdu()}, a P-DATA-TF is read PDV by PDV ({@link #nextPdv()}, {@link #readPdv}), any
 * other PDU with {@link #body()}. A declared length above the limits is refused before anything is
 * allocated. Not thread-safe: one reader per association.
 */
public final class PduInput {

    /** The largest A-ASSOCIATE-RQ/AC accepted: 128 contexts with many transfer syntaxes fit easily. */
    public static final int MAX_ASSOCIATE_PDU = 256 * 1024;

    private final DataInputStream in;
    private final long maxPDataLength;
    private int type = -1;
    private long pduRemaining;
    private Pdv pdv;
    private int pdvRemaining;

    /** The header of one presentation data value. */
    public record Pdv(int presentationContextId, boolean command, boolean last, int length) {
    }

    /** @param maxPDataLength the maximum length we announced (variable field of P-DATA-TF); 0 is unlimited */
    public PduInput(InputStream in, long maxPDataLength) {
        this.in = new DataInputStream(in);
        this.maxPDataLength = maxPDataLength;
    }

    /** Reads the next PDU header; the previous PDU must have been consumed. EOF before any byte: EOFException. */
    public int nextPdu() throws IOException {
        if (pduRemaining != 0) {
            throw new IllegalStateException(pduRemaining + " bytes of the previous PDU are unread");
        }
        int first = in.read();
        if (first < 0) {
            throw new EOFException("the peer closed the connection");
        }
        byte[] header = new byte[5];
        readFully(header, 0, 5, "a PDU header");
        type = first;
        long length = ((header[1] & 0xFFL) << 24) | ((header[2] & 0xFF) << 16) | ((header[3] & 0xFF) << 8) | (header[4] & 0xFF);
        switch (type) {
            case PduType.A_ASSOCIATE_RQ, PduType.A_ASSOCIATE_AC -> {
                if (length > MAX_ASSOCIATE_PDU) {
                    throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, PduType.name(type) + " of " + length
                            + " bytes exceeds the limit of " + MAX_ASSOCIATE_PDU);
                }
            }
            case PduType.P_DATA_TF -> {
                if (maxPDataLength > 0 && length > maxPDataLength || length < 6) {
                    throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "P-DATA-TF of " + length
                            + " bytes, outside 6-" + (maxPDataLength > 0 ? maxPDataLength : "unlimited"));
                }
            }
            case PduType.A_ASSOCIATE_RJ, PduType.A_RELEASE_RQ, PduType.A_RELEASE_RP, PduType.A_ABORT -> {
                if (length != 4) {
                    throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, PduType.name(type) + " of length " + length
                            + ", not 4");
                }
            }
            default -> throw new PduException(AAbort.UNRECOGNIZED_PDU, "unrecognized " + PduType.name(type));
        }
        pduRemaining = length;
        pdv = null;
        pdvRemaining = 0;
        return type;
    }

    public int type() {
        return type;
    }

    /** The rest of the current PDU (not a P-DATA-TF). */
    public byte[] body() throws IOException {
        byte[] body = new byte[(int) pduRemaining];
        readFully(body, 0, body.length, PduType.name(type));
        pduRemaining = 0;
        return body;
    }

    /** The next PDV header of the current P-DATA-TF, or null when it has no more. */
    public Pdv nextPdv() throws IOException {
        if (pdvRemaining != 0) {
            throw new IllegalStateException(pdvRemaining + " bytes of the previous PDV are unread");
        }
        if (pduRemaining == 0) {
            return null;
        }
        if (pduRemaining < 6) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "a PDV header overruns its P-DATA-TF");
        }
        byte[] header = new byte[6];
        readFully(header, 0, 6, "a PDV header");
        pduRemaining -= 6;
        long length = ((header[0] & 0xFFL) << 24) | ((header[1] & 0xFF) << 16) | ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
        if (length < 2 || length - 2 > pduRemaining) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "PDV item length " + length
                    + " does not fit its P-DATA-TF (" + (pduRemaining + 2) + " bytes remain)");
        }
        int control = header[5] & 0xFF;
        if ((control & 0xFC) != 0) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE,
                    String.format("PDV message control header %02XH", control));
        }
        pdvRemaining = (int) (length - 2);
        pdv = new Pdv(header[4] & 0xFF, (control & 1) != 0, (control & 2) != 0, pdvRemaining);
        return pdv;
    }

    /** Bytes of the current PDV not read yet. */
    public int pdvRemaining() {
        return pdvRemaining;
    }

    /** Reads from the current PDV; -1 at its end. */
    public int readPdv(byte[] buffer, int offset, int length) throws IOException {
        if (pdvRemaining == 0) {
            return -1;
        }
        int n = in.read(buffer, offset, Math.min(length, pdvRemaining));
        if (n < 0) {
            throw new EOFException("the connection closed inside a PDV");
        }
        pdvRemaining -= n;
        pduRemaining -= n;
        return n;
    }

    private void readFully(byte[] buffer, int offset, int length, String what) throws IOException {
        try {
            in.readFully(buffer, offset, length);
        } catch (EOFException e) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "truncated: the connection closed inside " + what);
        }
    }
}
