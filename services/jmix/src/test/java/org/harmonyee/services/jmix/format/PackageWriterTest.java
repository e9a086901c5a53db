package org.harmonyee.services.jmix.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Packages written from the dataset's 46-instance study, read back as a receiver would. */
class PackageWriterTest {

    private static final PackageIdentity IDENTITY = new PackageIdentity(new JmixEntity("org:harmony-ee", "Harmony EE"),
            null, List.of(new JmixEntity("org:receiver", null)));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:15:30.250Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aPackageHoldsTheStudysInstancesAndValidJsonAtItsRoot() throws Exception {
        String study = PackageFiles.studyWith(46);
        List<TestDataset.Instance> instances = PackageFiles.study(study);
        Path zip = dir.resolve("p.zip");
        PackageSummary summary = PackageFiles.write(instances.stream().map(TestDataset.Instance::file).toList(),
                new BuildOptions(IDENTITY, false, false), CLOCK, zip);
        Map<String, byte[]> entries = PackageFiles.entries(zip);

        assertThat(summary.instances()).isEqualTo(46);
        assertThat(summary.studyInstanceUid()).isEqualTo(study);
        assertThat(summary.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        for (int i = 0; i < instances.size(); i++) {
            String name = String.format("payload/dicom/%06d_%s.dcm", i + 1, instances.get(i).sopInstanceUid());
            assertThat(entries.get(name)).as(name).isEqualTo(Files.readAllBytes(instances.get(i).file()));
        }
        assertThat(entries).hasSize(46 + 4).containsKeys(PackageFiles.JSON_ENTRIES.toArray(String[]::new));
        JmixSchemas.assertValid(Files.readAllBytes(zip));

        JsonNode manifest = PackageFiles.json(entries, "manifest.json");
        JsonNode metadata = PackageFiles.json(entries, "payload/metadata.json");
        assertThat(manifest.path("id").asText()).isEqualTo(summary.id()).isEqualTo(metadata.path("id").asText());
        assertThat(manifest.path("timestamp").asText()).isEqualTo("2026-12-03T10:15:30Z");
        assertThat(manifest.path("receiver").get(0).path("id").asText()).isEqualTo("org:receiver");
        assertThat(manifest.path("security").path("payload_hash").asText()).isEqualTo(PackageFiles.payloadHash(entries))
                .isEqualTo(summary.payloadHash());
        assertThat(entries.get("manifest.json")).isEqualTo(summary.manifest());

        assertThat(metadata.path("patient").path("id").asText()).isEqualTo(instances.get(0).patientId());
        assertThat(metadata.path("studies").path("study_uid").asText()).isEqualTo(study);
        Map<String, Long> perSeries = instances.stream()
                .collect(Collectors.groupingBy(TestDataset.Instance::seriesInstanceUid, Collectors.counting()));
        assertThat(metadata.path("studies").path("series")).hasSize(perSeries.size());
        for (JsonNode series : metadata.path("studies").path("series")) {
            assertThat(series.path("instance_count").asLong()).isEqualTo(perSeries.get(series.path("series_uid").asText()));
        }

        JsonNode files = PackageFiles.json(entries, "payload/files.json");
        assertThat(files).hasSize(47);
        for (JsonNode file : files) {
            byte[] bytes = entries.get("payload/" + file.path("file").asText());
            assertThat(file.path("hash").asText()).isEqualTo(PackageFiles.sha256(bytes));
            assertThat(file.path("size_bytes").asLong()).isEqualTo(bytes.length);
        }
        assertThat(PackageFiles.json(entries, "audit.json").path("audit").get(0).path("event").asText()).isEqualTo("created");
        assertThat(new UploadValidator(UploadLimits.DEFAULTS, Clock.systemUTC()).validate(zip).id()).isEqualTo(summary.id());
    }

    @Test
    void skippedHashingLeavesEveryHashOutAndStaysSchemaValid() throws Exception {
        Path zip = dir.resolve("p.zip");
        PackageSummary summary = PackageFiles.write(firstFiles(3), new BuildOptions(IDENTITY, true, false), CLOCK, zip);
        Map<String, byte[]> entries = PackageFiles.entries(zip);

        JmixSchemas.assertValid(Files.readAllBytes(zip));
        assertThat(summary.payloadHash()).isNull();
        assertThat(PackageFiles.json(entries, "manifest.json").path("security").has("payload_hash")).isFalse();
        JsonNode files = PackageFiles.json(entries, "payload/files.json");
        assertThat(files).hasSize(4);
        files.forEach(file -> assertThat(file.has("hash")).isFalse());
        files.forEach(file -> assertThat(file.path("size_bytes").asLong()).isPositive());
    }

    @Test
    void skippedListingListsMetadataOnlyButKeepsTheFiles() throws Exception {
        Path zip = dir.resolve("p.zip");
        PackageFiles.write(firstFiles(3), new BuildOptions(IDENTITY, false, true), CLOCK, zip);
        Map<String, byte[]> entries = PackageFiles.entries(zip);

        JmixSchemas.assertValid(Files.readAllBytes(zip));
        JsonNode files = PackageFiles.json(entries, "payload/files.json");
        assertThat(files).hasSize(1);
        assertThat(files.get(0).path("file").asText()).isEqualTo("metadata.json");
        assertThat(entries.keySet().stream().filter(n -> n.startsWith("payload/dicom/"))).hasSize(3);
        assertThat(PackageFiles.json(entries, "manifest.json").path("security").path("payload_hash").asText())
                .isEqualTo(PackageFiles.payloadHash(entries));
    }

    @Test
    void identicalInputGivesAnIdenticalManifestApartFromTheIdAndWhatHashesIt() throws Exception {
        List<Path> files = firstFiles(4);
        PackageFiles.write(files, new BuildOptions(IDENTITY, false, false), CLOCK, dir.resolve("a.zip"));
        PackageFiles.write(files, new BuildOptions(IDENTITY, false, false), CLOCK, dir.resolve("b.zip"));
        Map<String, byte[]> a = PackageFiles.entries(dir.resolve("a.zip"));
        Map<String, byte[]> b = PackageFiles.entries(dir.resolve("b.zip"));

        assertThat(withoutIdAndHash(PackageFiles.json(a, "manifest.json")))
                .isEqualTo(withoutIdAndHash(PackageFiles.json(b, "manifest.json")));
        assertThat(a.keySet()).isEqualTo(b.keySet());
        Set<String> dicom = a.keySet().stream().filter(n -> n.startsWith("payload/dicom/")).collect(Collectors.toSet());
        dicom.forEach(name -> assertThat(a.get(name)).isEqualTo(b.get(name)));
    }

    @Test
    void aPackageWithoutInstancesIsNotWritten() throws Exception {
        try (PackageWriter writer = new PackageWriter(new ByteArrayOutputStream(), new BuildOptions(IDENTITY, false, false), CLOCK)) {
            assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class).hasMessageContaining("at least one");
        }
    }

    @Test
    void somethingThatIsNoDicomInstanceIsRefused() throws Exception {
        try (PackageWriter writer = new PackageWriter(new ByteArrayOutputStream(), new BuildOptions(IDENTITY, false, false), CLOCK)) {
            assertThatThrownBy(() -> writer.addInstance(new ByteArrayInputStream("plain text, no DICOM".getBytes())))
                    .isInstanceOf(UnreadableInstanceException.class);
            assertThat(writer.instances()).isZero();
        }
    }

    @Test
    void aPackageNeedsAReceiver() {
        assertThatThrownBy(() -> new PackageIdentity(new JmixEntity("org:a", null), null, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("receiver");
    }

    private static ObjectNode withoutIdAndHash(JsonNode manifest) {
        ObjectNode copy = manifest.deepCopy();
        copy.remove("id");
        ((ObjectNode) copy.path("security")).remove("payload_hash");
        return copy;
    }

    private static List<Path> firstFiles(int count) throws Exception {
        return PackageFiles.study(PackageFiles.studyWith(46)).stream().limit(count).map(TestDataset.Instance::file).toList();
    }
}
