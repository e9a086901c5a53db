package org.harmonyee.services.dicomweb;

import org.harmonyee.core.envelope.Body;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * STOW-RS request bodies as a client sends them: {@code multipart/related; type="application/dicom"},
 * each part a PS3.10 file read from disk as the body is read (nothing held), or of
 * {@code type="application/dicom+json"}, metadata and bulk data parts.
 */
final class StowBodies {

    static final String BOUNDARY = "stow-test-boundary";
    static final String CONTENT_TYPE = "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY;

    /** The Content-Type of a body of DICOM JSON and bulk data. */
    static final String JSON_CONTENT_TYPE = "multipart/related; type=\"application/dicom+json\"; boundary=" + BOUNDARY;

    private final List<InputStream> pieces = new ArrayList<>();

    /** Adds a bulk data part: these bytes, this Content-Type, named by {@code contentLocation}. */
    StowBodies part(String contentType, String contentLocation, byte[] content) {
        pieces.add(text("--" + BOUNDARY + "\r\nContent-Type: " + contentType + "\r\nContent-Location: "
                + contentLocation + "\r\n\r\n"));
        pieces.add(new ByteArrayInputStream(content));
        pieces.add(text("\r\n"));
        return this;
    }

    /** Adds a part with these bytes and Content-Type. */
    StowBodies part(String contentType, InputStream content) {
        pieces.add(text("--" + BOUNDARY + "\r\nContent-Type: " + contentType + "\r\n\r\n"));
        pieces.add(content);
        pieces.add(text("\r\n"));
        return this;
    }

    /** Adds a PS3.10 file as an application/dicom part. */
    StowBodies file(Path file) {
        try {
            return part("application/dicom", Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    StowBodies files(List<Path> files) {
        files.forEach(this::file);
        return this;
    }

    /** The body with its close delimiter. */
    Body body() {
        pieces.add(text("--" + BOUNDARY + "--\r\n"));
        return Body.stream(new SequenceInputStream(Collections.enumeration(pieces)), -1);
    }

    /** The body cut off inside its last part: no delimiter closes it. */
    Body truncated() {
        return Body.stream(new SequenceInputStream(Collections.enumeration(pieces.subList(0, pieces.size() - 1))), -1);
    }

    private static InputStream text(String value) {
        return new ByteArrayInputStream(value.getBytes(StandardCharsets.US_ASCII));
    }
}
