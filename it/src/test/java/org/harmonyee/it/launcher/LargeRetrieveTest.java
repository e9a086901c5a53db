package org.harmonyee.it.launcher;

import org.harmonyee.dicom.io.FileMetaInformation;
import org.harmonyee.dicom.net.peers.Dcmtk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A study of 1 GiB passes through the gateway while its heap is capped at 256 MB, as a C-GET through
 * its DICOM router and as a WADO-RS retrieval through its DICOMweb bridge: instances stream from the
 * PACS to the caller as each arrives, never held. The gateway and its PACS (our toolkit's folder
 * archive serving the {@link LargeStudy}) are the run's {@link LargeStudyGateway}. The C-GET's caller
 * is DCMTK's getscu, writing what it receives as is; the WADO-RS caller is the JDK's HTTP client,
 * whose multipart answer the test reads part by part, hashing each instance's data set.
 */
@ExtendWith(LargeStudyGateway.Shared.class)
class LargeRetrieveTest {

    private static final int PART_BUFFER = 1 << 16;

    @Test
    void aGibibyteStudyIsRetrievedThroughA256MbHeap(LargeStudyGateway gateway, @TempDir Path directory) throws Exception {
        LargeStudy pacs = gateway.pacs();
        Path received = Files.createDirectories(directory.resolve("received"));
        long start = System.nanoTime();
        Dcmtk.Result get = Dcmtk.run(300, "getscu", "-v", "+B", "-aet", "BIG_SCU", "-aec", LargeStudyGateway.ROUTER_AET,
                "-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + pacs.studyInstanceUid(),
                "-od", received.toString(), "127.0.0.1", String.valueOf(gateway.dicomPort()));
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(get.status()).as(get.output()).isZero();
        assertThat(finalResponse(get.output())).as(get.output()).isEqualTo("(Success)");
        assertThat(get.output()).contains("Number of Completed Suboperations : " + LargeStudy.INSTANCES)
                .contains("Number of Failed Suboperations    : 0").doesNotContain("Abort");
        assertThat(dataSetSizes(received)).isEqualTo(pacs.dataSetSizes());
        assertThat(gateway.console()).noneMatch(line -> line.contains("OutOfMemoryError"));
        long bytes = pacs.bytes();
        System.out.printf("C-GET of %d instances, %.1f MiB, through the gateway (-Xmx256m): %.1f s, %.1f MiB/s%n",
                LargeStudy.INSTANCES, bytes / 1048576.0, seconds, bytes / 1048576.0 / seconds);
    }

    @Test
    void aGibibyteStudyIsRetrievedThroughWadoRsThroughA256MbHeap(LargeStudyGateway gateway, @TempDir Path directory)
            throws Exception {
        LargeStudy pacs = gateway.pacs();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(gateway.http("/dicom-web/studies/" + pacs.studyInstanceUid()))
                .header("Accept", "multipart/related; type=\"application/dicom\"; transfer-syntax=*")
                .timeout(Duration.ofMinutes(5)).build();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        Map<String, String> received;
        try (InputStream body = new BufferedInputStream(response.body(), PART_BUFFER)) {
            assertThat(response.statusCode()).isEqualTo(200);
            String type = response.headers().firstValue("Content-Type").orElse("");
            assertThat(type).startsWith("multipart/related").contains("application/dicom");
            received = dataSetHashes(body, boundary(type), pacs, directory);
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(received).as("each instance's data set, by SOP Instance UID: SHA-256 of what the PACS holds")
                .isEqualTo(originalHashes(pacs));
        assertThat(gateway.console()).noneMatch(line -> line.contains("OutOfMemoryError"));
        long bytes = pacs.bytes();
        System.out.printf("WADO-RS of %d instances, %.1f MiB, through the gateway (-Xmx256m): %.1f s, %.1f MiB/s%n",
                LargeStudy.INSTANCES, bytes / 1048576.0, seconds, bytes / 1048576.0 / seconds);
    }

    /**
     * Reads a {@code multipart/related} body of PS3.10 instances part by part, with a bounded buffer:
     * each part's headers, its File Meta Information (written to a file for the toolkit to read), then
     * exactly as many bytes as the PACS's data set of that SOP Instance UID has, hashed; the part
     * must end right there, at the next delimiter.
     *
     * @return each part's data set SHA-256 by SOP Instance UID
     */
    private static Map<String, String> dataSetHashes(InputStream body, String boundary, LargeStudy pacs, Path directory)
            throws Exception {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        Map<String, String> hashes = new TreeMap<>();
        expect(body, delimiter, "the first delimiter");
        while (new String(readExactly(body, 2), StandardCharsets.US_ASCII).equals("\r\n")) {
            String headers = readHeaders(body);
            assertThat(headers.toLowerCase()).as("a part's headers").contains("content-type: application/dicom");
            byte[] prefix = readExactly(body, 144);
            int groupLength = ByteBuffer.wrap(prefix, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            Path head = Files.createTempFile(directory, "part", ".dcm");
            Files.write(head, prefix);
            Files.write(head, readExactly(body, groupLength), StandardOpenOption.APPEND);
            String uid = FileMetaInformation.read(head).mediaStorageSopInstanceUid();
            Files.delete(head);
            Long size = pacs.dataSetSizes().get(uid);
            assertThat(size).as("a part of an instance the PACS holds: " + uid).isNotNull();
            assertThat(hashes.put(uid, sha256(body, size))).as("a second part of " + uid).isNull();
            expect(body, ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII), "the delimiter after " + uid);
        }
        return hashes;
    }

    /** The SHA-256 of each instance's data set as the PACS's folder holds it, by SOP Instance UID. */
    private static Map<String, String> originalHashes(LargeStudy pacs) throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.list(pacs.folder())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".dcm")).toList()) {
                FileMetaInformation meta = FileMetaInformation.read(file);
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), PART_BUFFER)) {
                    in.skipNBytes(meta.dataSetOffset());
                    hashes.put(meta.mediaStorageSopInstanceUid(), sha256(in, Files.size(file) - meta.dataSetOffset()));
                }
            }
        }
        return hashes;
    }

    private static String sha256(InputStream in, long length) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[PART_BUFFER];
        for (long left = length; left > 0; ) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("the body ended " + left + " bytes before the data set did");
            }
            digest.update(buffer, 0, n);
            left -= n;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String boundary(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equalsIgnoreCase("boundary")) {
                return pair[1].replace("\"", "");
            }
        }
        throw new AssertionError("no boundary in " + contentType);
    }

    /** A part's header lines up to the empty line that ends them. */
    private static String readHeaders(InputStream in) throws IOException {
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n") && !headers.toString().equals("\r\n")) {
            int b = in.read();
            if (b < 0 || headers.length() > 8192) {
                throw new EOFException("a part's headers do not end: " + headers);
            }
            headers.append((char) b);
        }
        return headers.toString();
    }

    private static void expect(InputStream in, byte[] expected, String what) throws IOException {
        byte[] actual = readExactly(in, expected.length);
        assertThat(new String(actual, StandardCharsets.ISO_8859_1)).as(what)
                .isEqualTo(new String(expected, StandardCharsets.ISO_8859_1));
    }

    private static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("the body ended after " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }

    /** What getscu wrote, each file's data set size by its SOP Instance UID. */
    private static Map<String, Long> dataSetSizes(Path folder) throws IOException {
        Map<String, Long> sizes = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                sizes.put(FileMetaInformation.read(file).mediaStorageSopInstanceUid(), LargeStudy.dataSetSize(file));
            }
        }
        return sizes;
    }

    /** getscu's summary of its last C-GET response, e.g. {@code (Success)}. */
    private static String finalResponse(String output) {
        String marker = "Received C-GET Response ";
        return output.lines().filter(line -> line.contains(marker)).reduce((first, second) -> second)
                .map(line -> line.substring(line.indexOf(marker) + marker.length()).strip()).orElse("none");
    }
}
