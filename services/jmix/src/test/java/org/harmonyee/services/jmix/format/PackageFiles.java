package org.harmonyee.services.jmix.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.harmonyee.dicom.net.peers.TestDataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** A written package read back for assertions: its entries in zip order, and the dataset's studies. */
final class PackageFiles {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private PackageFiles() {
    }

    static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    static JsonNode json(Map<String, byte[]> entries, String name) throws IOException {
        return MAPPER.readTree(entries.get(name));
    }

    static String sha256(byte[] bytes) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** jmix-rs's payload hash, computed the plain way: sorted payload paths, each path, newline, bytes. */
    static String payloadHash(Map<String, byte[]> entries) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String name : entries.keySet().stream().filter(n -> n.startsWith("payload/")).sorted().toList()) {
            digest.update((name.substring("payload/".length()) + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(entries.get(name));
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /** The instances of one study of the dataset, in manifest order. */
    static List<TestDataset.Instance> study(String studyInstanceUid) throws IOException {
        return TestDataset.instances().stream().filter(i -> i.studyInstanceUid().equals(studyInstanceUid)).toList();
    }

    /** The dataset's study of that many instances (the benchmark's is the 46-instance one). */
    static String studyWith(int instances) throws IOException {
        return TestDataset.instances().stream()
                .collect(Collectors.groupingBy(TestDataset.Instance::studyInstanceUid, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() == instances).map(Map.Entry::getKey)
                .min(Comparator.naturalOrder()).orElseThrow();
    }

    /** Writes the given files into a package at {@code zip}. */
    static PackageSummary write(List<Path> files, BuildOptions options, Clock clock, Path zip) throws IOException {
        try (PackageWriter writer = new PackageWriter(Files.newOutputStream(zip), options, clock)) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    writer.addInstance(in);
                }
            }
            return writer.finish();
        }
    }

    static final Set<String> JSON_ENTRIES = JmixSchemas.SCHEMAS.keySet();
}
