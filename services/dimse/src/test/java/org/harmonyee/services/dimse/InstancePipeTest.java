package org.harmonyee.services.dimse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bounded hand-off of one instance between the association's reader and the consumer. */
@Timeout(20)
class InstancePipeTest {

    private static final int SIZE = 5 * InstancePipe.CAPACITY + 123;

    /** Writes {@code SIZE} bytes, finishes, and waits for the consumer; returns whether it read to the end. */
    private static CompletableFuture<Boolean> writer(InstancePipe pipe, AtomicLong written) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                OutputStream out = pipe.output();
                byte[] chunk = new byte[10_000];
                for (long done = 0; done < SIZE; done += chunk.length) {
                    int n = (int) Math.min(chunk.length, SIZE - done);
                    out.write(chunk, 0, n);
                    written.addAndGet(n);
                }
                pipe.finish(null);
            } catch (IOException e) {
                pipe.finish(e);
                return false;
            }
            try {
                return pipe.awaitConsumed();
            } catch (IOException e) {
                return false;
            }
        });
    }

    @Test
    void theWriterIsHeldToTheCapacityAndWaitsUntilTheConsumerHasReadTheEnd() throws Exception {
        InstancePipe pipe = new InstancePipe(() -> true);
        AtomicLong written = new AtomicLong();
        CompletableFuture<Boolean> writer = writer(pipe, written);

        Thread.sleep(200);
        assertThat(written.get()).as("written before anything is read").isLessThanOrEqualTo(InstancePipe.CAPACITY);
        InputStream in = pipe.input();
        byte[] buffer = new byte[4096];
        long read = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            read += n;
            assertThat(written.get() - read).isLessThanOrEqualTo(InstancePipe.CAPACITY);
        }

        assertThat(read).isEqualTo(SIZE);
        assertThat(writer.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aConsumerThatClosesEarlyReleasesTheWriterWhichCountsItUnread() throws Exception {
        InstancePipe pipe = new InstancePipe(() -> true);
        CompletableFuture<Boolean> writer = writer(pipe, new AtomicLong());
        InputStream in = pipe.input();

        assertThat(in.readNBytes(1000)).hasSize(1000);
        in.close();

        assertThat(writer.get(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void anEndedAssociationEndsBothSides() throws Exception {
        AtomicBoolean alive = new AtomicBoolean(true);
        InstancePipe pipe = new InstancePipe(alive::get);
        CompletableFuture<Boolean> writer = writer(pipe, new AtomicLong());
        Thread.sleep(100);

        alive.set(false);

        assertThat(writer.get(5, TimeUnit.SECONDS)).isFalse();
        InputStream in = pipe.input();
        assertThatThrownBy(() -> in.readAllBytes()).isInstanceOf(IOException.class);
    }
}
