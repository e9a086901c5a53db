package org.harmonyee.services.jmix.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.io.DicomStreamException;
import org.harmonyee.services.jmix.crypto.ManifestSignature;
import org.harmonyee.services.jmix.crypto.PayloadKey;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes one JMIX package as a zip while its instances arrive: {@link #addInstance} streams an
 * instance into {@code payload/dicom/} at once, hashed on the fly; {@link #finish} adds
 * {@code payload/files.json}, {@code payload/metadata.json}, {@code audit.json} and
 * {@code manifest.json}. Memory holds one instance's header and one line per instance for
 * files.json, never an instance.
 *
 * <p>The payload hash is jmix-rs's: one SHA-256 over every payload file in path order, each as its
 * path, a newline, its bytes. Instances are named {@code dicom/NNNNNN_<SOPInstanceUID>.dcm} in
 * arrival order, so path order is arrival order and the hash runs as they come; {@code files.json}
 * and {@code metadata.json} sort after {@code dicom/}.
 *
 * <p>With {@link PackageSecurity}: an encrypted package holds {@code payload.enc} in place of
 * {@code payload/} ({@link EncryptedPayload}; {@code payload_hash} is then the SHA-256 of the
 * plaintext tar, as jmix-rs has it) and {@code security.encryption}; a signed one has the sender's
 * assertion in its manifest and {@code manifest.jws} beside it.
 */
public final class PackageWriter implements Closeable {

    /** The most instances one package names with its six-digit sequence (path order must stay arrival order). */
    static final int MAX_INSTANCES = 999_999;

    private static final int HEADER_LIMIT = 16 << 20;
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    private final ZipOutputStream zip;
    private final BuildOptions options;
    private final Clock clock;
    /** The package's id: a fresh lowercase UUID, the same in manifest.json and metadata.json. */
    private final String id = UUID.randomUUID().toString();
    private final MessageDigest payload;
    /** Null for a plain payload. */
    private final EncryptedPayload encrypted;
    private final StudyMetadata study = new StudyMetadata();
    private final List<PackageJson.ListedFile> dicomFiles = new ArrayList<>();

    /**
     * @param out     where the zip goes; closed by {@link #close()}
     * @param options identity and skip flags
     * @param clock   the time the package's files state
     */
    public PackageWriter(OutputStream out, BuildOptions options, Clock clock) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.zip.setLevel(Deflater.BEST_SPEED);
        this.options = options;
        this.clock = clock;
        if (options.security().encryptFor() == null) {
            this.payload = options.skipHashing() ? null : Sha256.digest();
            this.encrypted = null;
        } else {
            this.payload = null;
            try {
                zip.putNextEntry(new ZipEntry(EncryptedPayload.ENTRY));
                this.encrypted = new EncryptedPayload(zip, options.security().encryptFor(), clock.instant());
            } catch (IOException e) {
                throw new UncheckedIOException("the encrypted payload cannot be started", e);
            }
        }
    }

    /**
     * Streams one PS3.10 instance into the package; reads {@code part10} to its end, does not close it.
     *
     * @throws UnreadableInstanceException when the instance is not PS3.10 or has no SOP Instance UID
     * @throws IOException                  when the package already holds {@value #MAX_INSTANCES}
     *                                      instances, or the output fails
     */
    public void addInstance(InputStream part10) throws IOException {
        if (dicomFiles.size() >= MAX_INSTANCES) {
            throw new IOException("a package holds at most " + MAX_INSTANCES + " instances");
        }
        RecordingInputStream recording = new RecordingInputStream(part10, HEADER_LIMIT);
        Attributes header;
        try {
            header = new DicomInputStream(recording).memoryLimit(HEADER_LIMIT).readDataset(StudyMetadata.LAST_TAG_NEEDED + 1);
        } catch (DicomStreamException | EOFException | RecordingInputStream.HeaderTooLarge e) {
            throw new UnreadableInstanceException("instance " + (dicomFiles.size() + 1) + " is not readable DICOM: "
                    + e.getMessage(), e);
        }
        String sopInstanceUid = header.getString(Tag.SOPInstanceUID);
        if (sopInstanceUid == null || !UID.matcher(sopInstanceUid.strip()).matches()) {
            throw new UnreadableInstanceException("instance " + (dicomFiles.size() + 1) + " has no valid SOP Instance UID", null);
        }
        String path = String.format("dicom/%06d_%s.dcm", dicomFiles.size() + 1, sopInstanceUid.strip());
        MessageDigest file = options.skipHashing() ? null : Sha256.digest();
        long size = writePayloadFile(path, file, entry -> {
            recording.replayTo(entry);
            part10.transferTo(entry);
        });
        study.add(header);
        dicomFiles.add(new PackageJson.ListedFile(path, file == null ? null : Sha256.label(file.digest()), size));
    }

    /** How many instances the package holds so far. */
    public int instances() {
        return dicomFiles.size();
    }

    /**
     * Writes the JSON files and ends the zip (the output stays open until {@link #close()}).
     *
     * @throws IllegalStateException when no instance was added: a JMIX package holds at least one
     */
    public PackageSummary finish() throws IOException {
        if (dicomFiles.isEmpty()) {
            throw new IllegalStateException("a JMIX package needs at least one DICOM instance");
        }
        Instant now = clock.instant();
        byte[] metadata = PackageJson.bytes(study.toJson(id, now));
        List<PackageJson.ListedFile> listed = new ArrayList<>();
        listed.add(new PackageJson.ListedFile("metadata.json", options.skipHashing() ? null
                : Sha256.label(Sha256.digest().digest(metadata)), metadata.length));
        if (!options.skipListing()) {
            listed.addAll(dicomFiles);
        }
        byte[] filesJson = PackageJson.bytes(PackageJson.files(listed));
        writePayloadFile("files.json", null, out -> out.write(filesJson));
        writePayloadFile("metadata.json", null, out -> out.write(metadata));
        PayloadKey key = null;
        String payloadHash = payload == null ? null : Sha256.label(payload.digest());
        if (encrypted != null) {
            key = encrypted.finish();
            zip.closeEntry();
            payloadHash = options.skipHashing() ? null : Sha256.label(encrypted.tarHash());
        }
        ObjectNode manifestJson = PackageJson.manifest(id, now, options.identity(), payloadHash);
        if (key != null) {
            ((ObjectNode) manifestJson.get("security")).set("encryption", key.toJson());
        }
        ManifestSignature signer = options.security().signer();
        if (signer != null) {
            ((ObjectNode) manifestJson.get("security")).putObject("jws").put("jws_file", ManifestSignature.JWS_FILE);
        }
        byte[] manifest = sign(signer, manifestJson);
        writeFile("audit.json", PackageJson.bytes(PackageJson.audit(now, options.identity())));
        writeFile("manifest.json", manifest);
        if (signer != null) {
            writeFile(ManifestSignature.JWS_FILE, jws(signer, manifest));
        }
        zip.finish();
        return new PackageSummary(id, study.studyInstanceUid(), dicomFiles.size(), payloadHash, manifest);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Writes one payload file, into {@code payload/} or the encrypted tar; returns its size. */
    private long writePayloadFile(String path, MessageDigest file, EncryptedPayload.Content content) throws IOException {
        if (encrypted != null) {
            return encrypted.add(path, file, content);
        }
        zip.putNextEntry(new ZipEntry("payload/" + path));
        if (payload != null) {
            payload.update((path + "\n").getBytes(StandardCharsets.UTF_8));
        }
        HashingOutputStream entry = new HashingOutputStream(zip, file, payload);
        content.writeTo(entry);
        zip.closeEntry();
        return entry.count();
    }

    /** The manifest's bytes, with the sender's assertion when signing. */
    private static byte[] sign(ManifestSignature signer, ObjectNode manifest) throws IOException {
        if (signer != null) {
            try {
                signer.assertSender(manifest);
            } catch (GeneralSecurityException e) {
                throw new IOException("the manifest cannot be signed: " + e.getMessage(), e);
            }
        }
        return PackageJson.bytes(manifest);
    }

    private static byte[] jws(ManifestSignature signer, byte[] manifest) throws IOException {
        try {
            return signer.jws(manifest);
        } catch (GeneralSecurityException e) {
            throw new IOException("manifest.jws cannot be signed: " + e.getMessage(), e);
        }
    }

    private void writeFile(String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
