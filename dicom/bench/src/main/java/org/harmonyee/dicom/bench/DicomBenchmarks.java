package org.harmonyee.dicom.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.json.BulkDataUris;
import org.harmonyee.dicom.json.DicomJsonWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One file, over and over (the OS keeps it cached, as a busy gateway's recent files are): parse it
 * whole, parse it up to its pixel data, and encode its dataset as DICOM JSON, with the pixel data
 * inline (base64) and without it (what a QIDO/metadata response holds). Throughput in files/s;
 * {@link BenchMain} turns it into MB/s of the file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DicomBenchmarks {

    private static final JsonFactory JSON = new JsonFactory();

    /** The file to read; BenchMain passes the one it was given. */
    @Param("")
    public String file;

    private Path path;
    private Attributes dataset;
    private Attributes metadata;

    @Setup
    public void read() throws IOException {
        path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("no file " + file);
        }
        dataset = parseWithPixelData();
        metadata = parseWithoutPixelData();
    }

    @Benchmark
    public Attributes parseWithPixelData() throws IOException {
        try (DicomInputStream in = DicomInputStream.open(path)) {
            return in.readDataset();
        }
    }

    @Benchmark
    public Attributes parseWithoutPixelData() throws IOException {
        try (DicomInputStream in = DicomInputStream.open(path)) {
            return in.readDataset(Tag.PixelData);
        }
    }

    @Benchmark
    public long jsonWithPixelData() throws IOException {
        return encode(dataset);
    }

    @Benchmark
    public long jsonWithoutPixelData() throws IOException {
        return encode(metadata);
    }

    private static long encode(Attributes dataset) throws IOException {
        CountingSink sink = new CountingSink();
        try (JsonGenerator json = JSON.createGenerator(sink, JsonEncoding.UTF8)) {
            new DicomJsonWriter(json, BulkDataUris.INLINE).write(dataset);
        }
        return sink.count;
    }

    /** Counts the bytes written, so that the JSON is encoded but not kept. */
    private static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }
}
