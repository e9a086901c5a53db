package org.harmonyee.services.jmix.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The refusal catalogue of uploads: each a package our writer made, then broken one way. */
class UploadValidatorTest {

    private static final PackageIdentity IDENTITY = new PackageIdentity(new JmixEntity("org:sender", null), null,
            List.of(new JmixEntity("org:receiver", null)));

    @TempDir
    Path dir;

    private PackageSummary written;
    private Map<String, byte[]> entries;
    private final UploadValidator validator = new UploadValidator(UploadLimits.DEFAULTS, Clock.systemUTC());

    @BeforeEach
    void writePackage() throws Exception {
        List<Path> files = PackageFiles.study(PackageFiles.studyWith(46)).stream().limit(3).map(TestDataset.Instance::file).toList();
        Path zip = dir.resolve("written.zip");
        written = PackageFiles.write(files, new BuildOptions(IDENTITY, false, false), Clock.systemUTC(), zip);
        entries = PackageFiles.entries(zip);
    }

    @Test
    void ourOwnPackageIsAccepted() throws Exception {
        ValidatedPackage accepted = validator.validate(dir.resolve("written.zip"));

        assertThat(accepted.id()).isEqualTo(written.id());
        assertThat(accepted.studyInstanceUid()).isEqualTo(written.studyInstanceUid());
        assertThat(accepted.manifest()).isEqualTo(written.manifest());
    }

    @Test
    void theSameEntriesWrittenAgainAreAccepted() throws Exception {
        assertThat(validator.validate(zip(entries)).id()).isEqualTo(written.id());
    }

    @Test
    void pathTraversalIsRefused() {
        entries.put("payload/../../evil.sh", "x".getBytes(StandardCharsets.UTF_8));
        assertRefused(entries, "path traversal");
    }

    @Test
    void anAbsolutePathIsRefused() {
        entries.put("/etc/cron.d/evil", "x".getBytes(StandardCharsets.UTF_8));
        assertRefused(entries, "absolute path");
    }

    @Test
    void aDriveLetterPathIsRefused() {
        entries.put("C:/evil", "x".getBytes(StandardCharsets.UTF_8));
        assertRefused(entries, "absolute path");
    }

    @Test
    void aSymbolicLinkIsRefused() throws Exception {
        Path zip = dir.resolve("link.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            copy(entries, out);
            ZipArchiveEntry link = new ZipArchiveEntry("payload/files/passwd");
            link.setUnixMode(UnixStat.LINK_FLAG | 0777);
            out.putArchiveEntry(link);
            out.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
        }
        assertThatThrownBy(() -> validator.validate(zip)).isInstanceOf(PackageRefusedException.class)
                .hasMessageContaining("symbolic link");
    }

    @Test
    void aDuplicateEntryIsRefused() throws Exception {
        Path zip = dir.resolve("twice.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            copy(entries, out);
            add(out, "payload/metadata.json", "{}".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> validator.validate(zip)).isInstanceOf(PackageRefusedException.class)
                .hasMessageContaining("'payload/metadata.json' is in the zip twice");
    }

    @Test
    void aZipBombIsRefusedByItsRatio() throws Exception {
        Path zip = dir.resolve("bomb.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            copy(entries, out);
            out.putArchiveEntry(new ZipArchiveEntry("payload/files/zeros.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
            out.closeArchiveEntry();
        }
        assertThat(Files.size(zip)).isLessThan(1 << 20);
        assertThatThrownBy(() -> validator.validate(zip)).isInstanceOf(PackageRefusedException.class)
                .hasMessageContaining("zip bomb");
    }

    @Test
    void aPackageLargerThanTheLimitIsRefused() {
        UploadValidator strict = new UploadValidator(new UploadLimits(100, 1 << 30, 1 << 20, 200), Clock.systemUTC());
        assertThatThrownBy(() -> strict.validate(dir.resolve("written.zip"))).isInstanceOf(PackageRefusedException.class)
                .hasMessageContaining("the zip expands beyond 1048576 bytes");
    }

    @Test
    void tooManyEntriesAreRefused() {
        UploadValidator strict = new UploadValidator(new UploadLimits(3, 1 << 30, 1L << 32, 200), Clock.systemUTC());
        assertThatThrownBy(() -> strict.validate(dir.resolve("written.zip"))).isInstanceOf(PackageRefusedException.class)
                .hasMessageContaining("more than the 3 allowed");
    }

    @Test
    void aTamperedInstanceBreaksThePayloadHash() {
        String instance = entries.keySet().stream().filter(n -> n.startsWith("payload/dicom/")).findFirst().orElseThrow();
        entries.get(instance)[200] ^= 1;
        assertRefused(entries, "security.payload_hash " + written.payloadHash() + " does not match the payload");
    }

    @Test
    void aTamperedInstanceBreaksItsListedHashWhenThereIsNoPayloadHash() throws Exception {
        ObjectNode manifest = (ObjectNode) PackageFiles.json(entries, "manifest.json");
        ((ObjectNode) manifest.path("security")).remove("payload_hash");
        entries.put("manifest.json", PackageFiles.MAPPER.writeValueAsBytes(manifest));
        String instance = entries.keySet().stream().filter(n -> n.startsWith("payload/dicom/")).findFirst().orElseThrow();
        entries.get(instance)[200] ^= 1;
        assertRefused(entries, instance + " does not match its hash in payload/files.json");
    }

    @Test
    void aListedFileThatIsMissingIsRefused() throws Exception {
        ObjectNode manifest = (ObjectNode) PackageFiles.json(entries, "manifest.json");
        ((ObjectNode) manifest.path("security")).remove("payload_hash");
        entries.put("manifest.json", PackageFiles.MAPPER.writeValueAsBytes(manifest));
        String instance = entries.keySet().stream().filter(n -> n.startsWith("payload/dicom/")).findFirst().orElseThrow();
        entries.remove(instance);
        assertRefused(entries, "lists " + instance + ", which is not in the zip");
    }

    @Test
    void aPackageWithoutManifestIsRefused() {
        entries.remove("manifest.json");
        assertRefused(entries, "manifest.json is missing from the zip's root");
    }

    @Test
    void aPackageInsideAFolderIsRefused() throws Exception {
        Map<String, byte[]> nested = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> nested.put(written.id() + ".jmix/" + name, bytes));
        assertRefused(nested, "manifest.json is missing from the zip's root");
    }

    @Test
    void metadataOfAnotherPackageIsRefused() throws Exception {
        ObjectNode metadata = (ObjectNode) PackageFiles.json(entries, "payload/metadata.json");
        metadata.put("id", "7d8c2a4e-1f3b-4c5d-8e9f-0a1b2c3d4e5f");
        entries.put("payload/metadata.json", PackageFiles.MAPPER.writeValueAsBytes(metadata));
        assertRefused(entries, "is not the manifest's id");
    }

    @Test
    void anIdThatIsNoUuidIsRefused() throws Exception {
        ObjectNode manifest = (ObjectNode) PackageFiles.json(entries, "manifest.json");
        manifest.put("id", "../../etc");
        entries.put("manifest.json", PackageFiles.MAPPER.writeValueAsBytes(manifest));
        assertRefused(entries, "manifest.json id must be a UUID");
    }

    @Test
    void aManifestThatIsNoJsonIsRefused() {
        entries.put("manifest.json", "{not json".getBytes(StandardCharsets.UTF_8));
        assertRefused(entries, "manifest.json is not valid JSON");
    }

    @Test
    void somethingThatIsNoZipIsRefused() throws Exception {
        Path notZip = Files.writeString(dir.resolve("not.zip"), "plain text");
        assertThatThrownBy(() -> validator.validate(notZip)).isInstanceOf(PackageRefusedException.class)
                .hasMessageContaining("not a readable zip archive");
    }

    private void assertRefused(Map<String, byte[]> content, String reason) {
        assertThatThrownBy(() -> validator.validate(zip(content))).isInstanceOf(PackageRefusedException.class)
                .hasMessageContaining(reason);
    }

    private Path zip(Map<String, byte[]> content) throws Exception {
        Path zip = Files.createTempFile(dir, "upload", ".zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            copy(content, out);
        }
        return zip;
    }

    private static void copy(Map<String, byte[]> content, ZipArchiveOutputStream out) throws Exception {
        for (Map.Entry<String, byte[]> entry : content.entrySet()) {
            add(out, entry.getKey(), entry.getValue());
        }
    }

    private static void add(ZipArchiveOutputStream out, String name, byte[] bytes) throws Exception {
        out.putArchiveEntry(new ZipArchiveEntry(name));
        out.write(bytes);
        out.closeArchiveEntry();
    }
}
