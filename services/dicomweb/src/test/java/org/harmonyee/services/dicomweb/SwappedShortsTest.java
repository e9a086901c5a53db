package org.harmonyee.services.dicomweb;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** 16-bit samples swapped however the reads split them, the source itself giving at most 3 bytes a read. */
class SwappedShortsTest {

    /** A source that gives at most {@code most} bytes a read, as a socket might. */
    private static InputStream trickling(byte[] bytes, int most) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                return super.read(buffer, offset, Math.min(length, most));
            }
        };
    }

    @ParameterizedTest(name = "reads of {0}")
    @ValueSource(ints = {1, 2, 3, 5, 64})
    void everySampleIsSwappedWhateverTheReadSizes(int size) throws IOException {
        byte[] samples = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new SwappedShorts(trickling(samples, 3))) {
            byte[] buffer = new byte[size];
            for (int n = in.read(buffer, 0, size); n >= 0; n = in.read(buffer, 0, size)) {
                out.write(buffer, 0, n);
            }
        }
        assertThat(out.toByteArray()).containsExactly(2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 13);
    }

    @ParameterizedTest(name = "byte by byte, {0}")
    @ValueSource(ints = {1, 3})
    void byteByByteReadsSwapToo(int most) throws IOException {
        try (InputStream in = new SwappedShorts(trickling(new byte[] {1, 2, 3, 4, 5}, most))) {
            assertThat(new int[] {in.read(), in.read(), in.read(), in.read(), in.read(), in.read()})
                    .containsExactly(2, 1, 4, 3, 5, -1);
        }
    }
}
