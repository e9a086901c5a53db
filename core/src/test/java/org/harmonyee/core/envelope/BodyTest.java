package org.harmonyee.core.envelope;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BodyTest {

    private static final byte[] HELLO = "hello, body".getBytes(StandardCharsets.UTF_8);

    /** A stream that remembers whether it was closed. */
    private static final class TrackedStream extends ByteArrayInputStream {
        int closes;

        TrackedStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public void close() throws IOException {
            closes++;
            super.close();
        }
    }

    @Test
    void anEmptyBodyHasNoBytesAndCanBeOpenedAgain() throws IOException {
        Body body = Body.empty();

        assertThat(body.length()).isZero();
        assertThat(body.isBuffered()).isTrue();
        assertThat(body.isRepeatable()).isTrue();
        assertThat(body.bytes()).isEmpty();
        try (InputStream first = body.open(); InputStream second = body.open()) {
            assertThat(first.read()).isEqualTo(-1);
            assertThat(second.read()).isEqualTo(-1);
        }
    }

    @Test
    void zeroBytesAndAZeroLengthStreamAreTheEmptyBody() {
        TrackedStream stream = new TrackedStream(new byte[0]);

        assertThat(Body.of(new byte[0])).isSameAs(Body.empty());
        assertThat(Body.stream(stream, 0)).isSameAs(Body.empty());
        assertThat(stream.closes).as("the zero-length stream is closed at once").isEqualTo(1);
    }

    @Test
    void bytesInMemoryHaveTheirLengthAndCanBeReadAnyNumberOfTimes() throws IOException {
        Body body = Body.of(HELLO);

        assertThat(body.length()).isEqualTo(HELLO.length);
        assertThat(body.isBuffered()).isTrue();
        assertThat(body.isRepeatable()).isTrue();
        try (InputStream first = body.open(); InputStream second = body.open()) {
            assertThat(first.readAllBytes()).isEqualTo(HELLO);
            assertThat(second.readAllBytes()).isEqualTo(HELLO);
        }
        assertThat(body.bytes()).isEqualTo(HELLO);
    }

    @Test
    void aStreamedBodyKeepsItsDeclaredLengthEvenWhenUnknown() {
        assertThat(Body.stream(new ByteArrayInputStream(HELLO), HELLO.length).length()).isEqualTo(HELLO.length);
        assertThat(Body.stream(new ByteArrayInputStream(HELLO), -1).length()).isEqualTo(-1);
    }

    @Test
    void aStreamedBodyOpensOnceAndASecondOpenIsRefused() throws IOException {
        TrackedStream stream = new TrackedStream(HELLO);
        Body body = Body.stream(stream, -1);

        assertThat(body.isBuffered()).isFalse();
        assertThat(body.isRepeatable()).isFalse();
        try (InputStream in = body.open()) {
            assertThat(in).isSameAs(stream);
            assertThat(in.readAllBytes()).isEqualTo(HELLO);
        }
        assertThatThrownBy(body::open).isInstanceOf(IllegalStateException.class).hasMessageContaining("once");
    }

    @Test
    void bytesOfAStreamedBodyReadsItToTheEndAndClosesIt() {
        TrackedStream stream = new TrackedStream(HELLO);
        Body body = Body.stream(stream, HELLO.length);

        assertThat(body.bytes()).isEqualTo(HELLO);
        assertThat(stream.closes).isEqualTo(1);
        assertThatThrownBy(body::bytes).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void discardClosesAnUnreadStreamAndLeavesNothingToOpen() {
        TrackedStream stream = new TrackedStream(HELLO);
        Body body = Body.stream(stream, HELLO.length);

        body.discard();
        body.discard();

        assertThat(stream.closes).as("closed exactly once").isEqualTo(1);
        assertThatThrownBy(body::open).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void discardLeavesAnOpenedStreamToItsReader() throws IOException {
        TrackedStream stream = new TrackedStream(HELLO);
        Body body = Body.stream(stream, HELLO.length);
        InputStream reader = body.open();

        body.discard();

        assertThat(stream.closes).isZero();
        assertThat(reader.readAllBytes()).isEqualTo(HELLO);
    }

    @Test
    void aSpooledBodyIsRepeatableOffTheHeap(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("spool-1"), HELLO);
        Body body = Body.spooled(file, HELLO.length);

        assertThat(body.length()).isEqualTo(HELLO.length);
        assertThat(body.isBuffered()).isFalse();
        assertThat(body.isRepeatable()).isTrue();
        try (InputStream first = body.open(); InputStream second = body.open()) {
            assertThat(first.readAllBytes()).isEqualTo(HELLO);
            assertThat(second.readAllBytes()).isEqualTo(HELLO);
        }
        assertThat(body.bytes()).isEqualTo(HELLO);
    }

    @Test
    void discardDeletesTheSpoolFile(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("spool-2"), HELLO);
        Body body = Body.spooled(file, HELLO.length);

        body.discard();
        body.discard();

        assertThat(file).doesNotExist();
        assertThatThrownBy(body::open).hasMessageContaining("is gone");
    }
}
