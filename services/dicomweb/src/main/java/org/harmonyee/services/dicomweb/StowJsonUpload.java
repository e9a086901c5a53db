package org.harmonyee.services.dicomweb;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.content.MediaTypes;
import org.harmonyee.core.content.MultipartInput;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.BulkData;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.io.DicomOutputStream;
import org.harmonyee.dicom.io.FileMetaInformation;
import org.harmonyee.dicom.json.DicomJsonReader;
import org.harmonyee.dicom.uid.UID;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The body of a STOW-RS request of DICOM JSON with bulk data (PS3.18 10.5.1.2.2,
 * {@code multipart/related; type="application/dicom+json"}): its {@code application/dicom+json}
 * parts hold the instances' metadata (an array of data sets, or one), its
 * {@code application/octet-stream} parts the bulk data that a {@code BulkDataURI} names by the part's
 * {@code Content-Location}, in any order. Bulk data is spooled to files as it is read, never held on
 * the heap; metadata (at most {@link #METADATA_LIMIT} bytes a part) is kept parsed. Each instance then
 * becomes a PS3.10 file in Explicit VR Little Endian (the toolkit's {@link DicomJsonReader}, bulk data
 * streamed from its spooled file) for one C-STORE. Native bulk data only: a part of another media
 * type, or naming another transfer syntax, is 415.
 */
final class StowJsonUpload implements AutoCloseable {

    static final String DICOM_JSON = "application/dicom+json";
    static final String OCTET_STREAM = "application/octet-stream";
    static final int METADATA_LIMIT = 16 << 20;

    private final Path folder;
    private final List<JsonNode> datasets = new ArrayList<>();
    private final Map<String, Path> bulkData = new HashMap<>();

    private StowJsonUpload(Path folder) {
        this.folder = folder;
    }

    /**
     * Reads the whole body: metadata parsed, bulk data spooled below {@code spool}.
     *
     * @throws GatewayException 415 for a part of another type, 400 for malformed metadata, a bulk data
     *         part without Content-Location, no metadata, or a BulkDataURI that no part answers;
     *         413 for a metadata part above {@link #METADATA_LIMIT}
     */
    static StowJsonUpload read(MultipartInput parts, Path spool) {
        StowJsonUpload upload;
        try {
            Files.createDirectories(spool);
            upload = new StowJsonUpload(Files.createTempDirectory(spool, "stow-json-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool a STOW-RS body under " + spool, e);
        }
        try {
            int number = 0;
            for (Optional<MultipartInput.Part> part = parts.next(); part.isPresent(); part = parts.next()) {
                upload.add(part.get(), ++number);
            }
            parts.failure().ifPresent(failure -> {
                throw failure;
            });
            upload.checkComplete();
            return upload;
        } catch (RuntimeException e) {
            upload.close();
            throw e;
        }
    }

    private void add(MultipartInput.Part part, int number) {
        String type = part.headers().getOrDefault("content-type", OCTET_STREAM);
        String essence = MediaTypes.essence(type);
        if (essence.equals(DICOM_JSON)) {
            JsonNode metadata = metadata(part.content(), number);
            if (metadata.isArray()) {
                metadata.forEach(datasets::add);
            } else {
                datasets.add(metadata);
            }
            return;
        }
        Optional<String> syntax = MediaTypes.parameter(type, "transfer-syntax");
        if (!essence.equals(OCTET_STREAM) || syntax.filter(uid -> !uid.equals(UID.ExplicitVRLittleEndian)).isPresent()) {
            throw new GatewayException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "part " + number + " is " + type
                    + "; STOW-RS of DICOM JSON takes application/dicom+json metadata and application/octet-stream"
                    + " bulk data in Explicit VR Little Endian");
        }
        String location = part.headers().getOrDefault("content-location", "").strip();
        if (location.isEmpty()) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, "bulk data part " + number
                    + " has no Content-Location: a BulkDataURI cannot name it");
        }
        Path file = folder.resolve("bulk-" + number);
        try (InputStream in = part.content()) {
            Files.copy(in, file);
        } catch (IOException e) {
            throw malformed("bulk data part " + number + " could not be read: " + e.getMessage());
        }
        bulkData.put(location, file);
    }

    private static JsonNode metadata(InputStream content, int number) {
        try (InputStream in = content) {
            byte[] bytes = in.readNBytes(METADATA_LIMIT + 1);
            if (bytes.length > METADATA_LIMIT) {
                throw new GatewayException(ProblemType.PAYLOAD_TOO_LARGE, "metadata part " + number + " exceeds "
                        + METADATA_LIMIT + " bytes");
            }
            JsonNode metadata = Json.parse(bytes);
            if (!metadata.isArray() && !metadata.isObject()) {
                throw malformed("metadata part " + number + " is neither a DICOM JSON array nor a data set");
            }
            return metadata;
        } catch (IOException | RuntimeException e) {
            if (e instanceof GatewayException failure) {
                throw failure;
            }
            throw malformed("metadata part " + number + " is not DICOM JSON: " + e.getMessage());
        }
    }

    /** Every data set is an object with its SOP Class and Instance UIDs, and every BulkDataURI has its part. */
    private void checkComplete() {
        if (datasets.isEmpty()) {
            throw malformed("the multipart body holds no application/dicom+json metadata");
        }
        int number = 0;
        for (JsonNode dataset : datasets) {
            String name = "data set " + ++number + " of the metadata";
            if (!dataset.isObject() || uid(dataset, "00080016") == null || uid(dataset, "00080018") == null) {
                throw malformed(name + " has no SOP Class UID (00080016) and SOP Instance UID (00080018)");
            }
            dataset.findValues("BulkDataURI").stream().map(JsonNode::asText)
                    .filter(uri -> !bulkData.containsKey(uri)).findFirst().ifPresent(uri -> {
                        throw malformed("BulkDataURI " + uri + " of " + name
                                + " names no bulk data part (no part has it as Content-Location)");
                    });
            try {
                new DicomJsonReader(uri -> new byte[0]).read(dataset);
            } catch (RuntimeException e) {
                throw malformed(name + " is not DICOM JSON: " + e.getMessage());
            }
        }
    }

    private static String uid(JsonNode dataset, String tag) {
        String value = dataset.path(tag).path("Value").path(0).asText("").strip();
        return value.isEmpty() ? null : value;
    }

    private static GatewayException malformed(String detail) {
        return new GatewayException(ProblemType.MALFORMED_REQUEST, detail);
    }

    /** The instances in the order the metadata lists them, each as a PS3.10 stream written when it is asked for. */
    Iterator<InputStream> instances() {
        Iterator<JsonNode> pending = datasets.iterator();
        return new Iterator<>() {
            private int index;

            @Override
            public boolean hasNext() {
                return pending.hasNext();
            }

            @Override
            public InputStream next() {
                return part10(pending.next(), ++index);
            }
        };
    }

    private InputStream part10(JsonNode json, int index) {
        Attributes dataset = new DicomJsonReader(uri -> {
            Path file = bulkData.get(uri);
            try {
                return new BulkData(file, 0, Files.size(file), false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).read(json);
        Path file = folder.resolve("instance-" + index + ".dcm");
        try (OutputStream out = Files.newOutputStream(file); DicomOutputStream dicom = new DicomOutputStream(out)) {
            dicom.writeFile(FileMetaInformation.of(dataset.getString(Tag.SOPClassUID), dataset.getString(Tag.SOPInstanceUID),
                    UID.ExplicitVRLittleEndian), dataset);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool STOW-RS instance " + index, e);
        }
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the spooled files. */
    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
