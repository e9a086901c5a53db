package org.harmonyee.dicom.net.pdu;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes one message part (a command set or a data set) as P-DATA-TF PDUs of one PDV each, never
 * longer than the peer's maximum length, each fragment but the last of even length (DCMTK refuses
 * odd fragments); {@link #close()} sends the last fragment with the "last"
 * bit. Closing does not close the transport. The caller holds the association's write lock.
 */
public final class PDataOutputStream extends OutputStream {

    private static final int HEADER = 12;

    private final OutputStream transport;
    private final int presentationContextId;
    private final boolean command;
    private final byte[] buffer;
    private int count = HEADER;
    private boolean closed;

    /**
     * @param maxPduLength the peer's maximum length (variable field of a P-DATA-TF), at least 7;
     *                     the caller caps an unlimited (0) value at a sensible size
     */
    public PDataOutputStream(OutputStream transport, int presentationContextId, boolean command, int maxPduLength) {
        if (maxPduLength < 7) {
            throw new IllegalArgumentException("maximum PDU length " + maxPduLength + " leaves no room for a PDV");
        }
        this.transport = transport;
        this.presentationContextId = presentationContextId;
        this.command = command;
        this.buffer = new byte[HEADER + ((maxPduLength - 6) & ~1)];
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buffer.length) {
            send(false);
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (count == buffer.length) {
                send(false);
            }
            int n = Math.min(length, buffer.length - count);
            System.arraycopy(bytes, offset, buffer, count, n);
            count += n;
            offset += n;
            length -= n;
        }
    }

    /** Sends the last fragment (possibly empty) and flushes the transport. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            send(true);
            transport.flush();
        }
    }

    private void send(boolean last) throws IOException {
        int data = count - HEADER;
        int pduLength = data + 6;
        int pdvLength = data + 2;
        buffer[0] = (byte) PduType.P_DATA_TF;
        buffer[1] = 0;
        putInt(2, pduLength);
        putInt(6, pdvLength);
        buffer[10] = (byte) presentationContextId;
        buffer[11] = (byte) ((command ? 1 : 0) | (last ? 2 : 0));
        transport.write(buffer, 0, count);
        count = HEADER;
    }

    private void putInt(int at, int value) {
        buffer[at] = (byte) (value >>> 24);
        buffer[at + 1] = (byte) (value >>> 16);
        buffer[at + 2] = (byte) (value >>> 8);
        buffer[at + 3] = (byte) value;
    }
}
