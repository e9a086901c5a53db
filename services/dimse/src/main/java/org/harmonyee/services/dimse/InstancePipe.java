package org.harmonyee.services.dimse;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * One instance on its way from the association's reader to the consumer of a C-GET: a bounded
 * ring buffer with a writing side (the reader, copying the data set as it arrives) and a reading
 * side (the consumer's result body). The writer waits while the buffer is full, so a slow consumer
 * holds the PACS back through TCP; it then waits until the consumer has read to the end or closed
 * its stream, which is when the sub-operation may be answered. Every wait gives up when the
 * association is no longer {@code alive}, so neither side outlives it.
 */
final class InstancePipe {

    static final int CAPACITY = 128 * 1024;
    private static final long POLL_MILLIS = 100;

    private final byte[] buffer = new byte[CAPACITY];
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final BooleanSupplier alive;
    private int start;
    private int count;
    private boolean finished;
    private boolean readToEnd;
    private boolean readerClosed;
    private IOException failure;

    InstancePipe(BooleanSupplier alive) {
        this.alive = alive;
    }

    /**
     * The writing side. Closing it ends nothing: the writer says with {@link #finish} whether the
     * instance came whole, so that a cut-off one never looks complete to the consumer.
     */
    OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                put(bytes, offset, length);
            }
        };
    }

    /** The reading side, the consumer's body: -1 at the end of the instance. */
    InputStream input() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                return take(bytes, offset, length);
            }

            @Override
            public void close() {
                closeReader();
            }
        };
    }

    private void put(byte[] bytes, int offset, int length) throws IOException {
        int done = 0;
        lock.lock();
        try {
            while (done < length) {
                while (count == CAPACITY && !readerClosed) {
                    await("the consumer stopped reading");
                }
                if (readerClosed) {
                    throw new IOException("the consumer closed the instance");
                }
                int end = (start + count) % CAPACITY;
                int n = Math.min(length - done, Math.min(CAPACITY - count, CAPACITY - end));
                System.arraycopy(bytes, offset + done, buffer, end, n);
                count += n;
                done += n;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private int take(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        lock.lock();
        try {
            while (count == 0 && !finished && !readerClosed) {
                await("the association ended mid-instance");
            }
            if (readerClosed) {
                throw new IOException("the instance stream is closed");
            }
            if (count == 0) {
                return end();
            }
            int n = Math.min(length, Math.min(count, CAPACITY - start));
            System.arraycopy(buffer, start, bytes, offset, n);
            start = (start + n) % CAPACITY;
            count -= n;
            changed.signalAll();
            return n;
        } finally {
            lock.unlock();
        }
    }

    /** At the end of what was written: the writer's failure, or -1 (and the instance counts as read). */
    private int end() throws IOException {
        if (failure != null) {
            throw new IOException(failure.getMessage(), failure);
        }
        readToEnd = true;
        changed.signalAll();
        return -1;
    }

    /** Ends the instance: completely written ({@code cause} null), or cut off by {@code cause}. */
    void finish(IOException cause) {
        lock.lock();
        try {
            if (!finished) {
                finished = true;
                failure = cause;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The consumer is done with the instance, read or not: the writer stops waiting for it. */
    void closeReader() {
        lock.lock();
        try {
            readToEnd |= finished && count == 0 && failure == null;
            readerClosed = true;
            count = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the consumer has read the instance to its end (true) or closed it unread
     * (false); the writer calls this after {@link #finish}.
     */
    boolean awaitConsumed() throws IOException {
        lock.lock();
        try {
            while (!readToEnd && !readerClosed) {
                await("the consumer stopped reading");
            }
            return readToEnd;
        } finally {
            lock.unlock();
        }
    }

    /** One bounded wait under the lock; an ended association or an interrupt is an IOException. */
    private void await(String whyStuck) throws IOException {
        if (!alive.getAsBoolean()) {
            throw new IOException("the association ended: " + whyStuck);
        }
        try {
            changed.await(POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(whyStuck);
        }
    }
}
