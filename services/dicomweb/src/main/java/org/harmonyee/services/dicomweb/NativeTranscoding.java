package org.harmonyee.services.dicomweb;

import org.harmonyee.core.config.Options;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Result;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.io.DicomOutputStream;
import org.harmonyee.dicom.io.FileMetaInformation;
import org.harmonyee.dicom.uid.UID;
import org.harmonyee.services.dimse.DimseRequests;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The bridge's {@code transcode_to}: the transfer syntaxes a retrieved instance stored in a native
 * syntax (Implicit VR Little Endian, Explicit VR Little Endian, Explicit VR Big Endian) may be
 * transcoded to when the caller's {@code Accept} asks for one the PACS did not send. The instance is
 * spooled, read with every value above 64 KiB left in the file, and written anew in the target syntax
 * into a second spool file that the caller reads; both files go when the part is done. Frames of a
 * native instance may be sent in the same syntaxes ({@link #frameSyntaxes}). Compressed syntaxes are
 * neither decoded nor encoded here.
 */
final class NativeTranscoding {

    static final String OPTION = "transcode_to";
    static final Set<String> NATIVE = Set.of(UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian,
            UID.ExplicitVRBigEndian);
    private static final List<String> DEFAULT = List.of(UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian,
            UID.ExplicitVRBigEndian);
    private static final int BULK_DATA_THRESHOLD = 64 * 1024;

    private final Set<String> targets;
    private final Path spool;

    private NativeTranscoding(Set<String> targets, Path spool) {
        this.targets = targets;
        this.spool = spool;
    }

    /** {@code transcode_to}: native transfer syntax UIDs (default: all three); an empty list turns transcoding off. */
    static NativeTranscoding read(Options options, Path spool) {
        List<String> uids = options.has(OPTION) ? options.strings(OPTION) : DEFAULT;
        Set<String> targets = new LinkedHashSet<>();
        for (String uid : uids) {
            if (NATIVE.contains(uid.strip())) {
                targets.add(uid.strip());
            } else {
                options.problem(OPTION, "'" + uid + "' is not a native transfer syntax; the gateway transcodes to "
                        + UID.ImplicitVRLittleEndian + ", " + UID.ExplicitVRLittleEndian + " and "
                        + UID.ExplicitVRBigEndian + " only");
            }
        }
        return new NativeTranscoding(targets, spool);
    }

    /** The syntax an instance stored in {@code syntax} is transcoded to for a caller taking {@code accepted}, if any. */
    Optional<String> target(String syntax, AcceptHeader.TransferSyntaxes accepted) {
        if (!NATIVE.contains(syntax)) {
            return Optional.empty();
        }
        return accepted.uids().stream().filter(targets::contains).findFirst();
    }

    /**
     * The syntaxes native frames (in Explicit VR Little Endian) may be sent in: their own, then those
     * of {@code transcode_to} ({@link PixelDataFrames#frame(int, String)} transcodes them).
     */
    List<String> frameSyntaxes(String frameSyntax) {
        List<String> syntaxes = new ArrayList<>(List.of(frameSyntax));
        if (NATIVE.contains(frameSyntax)) {
            targets.stream().filter(uid -> !uid.equals(frameSyntax)).forEach(syntaxes::add);
        }
        return syntaxes;
    }

    /**
     * The C-GET part's instance in {@code target}, as a body read from its spool file.
     *
     * @throws GatewayException 502 when the instance cannot be read from the PACS, or is no DICOM
     */
    Body transcode(Result part, String target) {
        String instance = part.headers().first(DimseRequests.SOP_INSTANCE_UID_HEADER).orElse("?");
        Path output = null;
        try (SpooledInstance source = SpooledInstance.of(part, spool);
             DicomInputStream in = DicomInputStream.open(source.file()).bulkDataThreshold(BULK_DATA_THRESHOLD)) {
            FileMetaInformation meta = in.fileMetaInformation();
            Attributes dataset = in.readDataset();
            output = Files.createTempFile(spool, "transcoded-", ".dcm");
            try (DicomOutputStream out = new DicomOutputStream(Files.newOutputStream(output))) {
                out.writeFile(FileMetaInformation.of(meta.mediaStorageSopClassUid(), meta.mediaStorageSopInstanceUid(),
                        target), dataset);
            }
            Path file = output;
            long length = Files.size(file);
            InputStream body = new FilterInputStream(Files.newInputStream(file)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        Files.deleteIfExists(file);
                    }
                }
            };
            output = null;
            return Body.stream(body, length);
        } catch (IOException e) {
            throw new GatewayException(ProblemType.BACKEND_UNREACHABLE, "instance " + instance
                    + " cannot be transcoded to " + target + ": " + e.getMessage(), e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }
}
