package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.peers.Dcmqrscp;
import org.harmonyee.dicom.net.peers.Dcmtk;
import org.harmonyee.dicom.net.peers.LoadedDcmqrscp;
import org.harmonyee.dicom.net.peers.SameInstances;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a timed test: prints how our SCU compares with DCMTK's findscu and getscu against the same
 * dcmqrscp. Each round is one association, timed from its open to its release (DCMTK's figures
 * also include its process start; ours run in this warm JVM). Three warm-ups each (for the JIT),
 * then rounds alternating between the two, first one then the other; the median of each and the
 * ratio. The C-GET writes every instance to disk on both sides (getscu {@code +B -od}, ours
 * {@link DirectoryStorage}), with the same maximum receive PDU announced: once 64 KiB (our default),
 * once 16 KiB (getscu's). Every round is checked outside its time: every instance received, its data
 * set byte for byte the original, no partial file left; then its folder is deleted, so that no round
 * writes into page cache another one left dirty. A C-GET matching nothing shows the fixed cost of each
 * side, most of getscu's being its process start.
 */
class ScuBenchmarkTest {

    private static final int WARM_UPS = 3;
    private static final int ROUNDS = 9;

    @FunctionalInterface
    private interface Round {
        /** Runs one association into {@code output} (a folder that does not exist yet) and returns its wall time in nanoseconds. */
        long run(Path output) throws Exception;
    }

    /** Whether a round's output is complete and correct; runs after the round, untimed. */
    @FunctionalInterface
    private interface Check {
        void check(Path output) throws Exception;
    }

    private record Comparison(List<Long> ours, List<Long> dcmtk) {

        double ratio() {
            return median(ours) / median(dcmtk);
        }
    }

    private static long bytes(List<TestDataset.Instance> study) {
        return study.stream().mapToLong(i -> i.file().toFile().length()).sum();
    }

    @Test
    void ourFindAndGetAgainstFindscuAndGetscu(@TempDir Path directory) throws Exception {
        List<TestDataset.Instance> instances = TestDataset.instances();
        Map<String, List<TestDataset.Instance>> byStudy = new LinkedHashMap<>();
        instances.forEach(i -> byStudy.computeIfAbsent(i.studyInstanceUid(), k -> new ArrayList<>()).add(i));
        // the largest study getscu can take as it is (no JPEG): 46 instances, 26.8 MB
        List<TestDataset.Instance> study = byStudy.values().stream()
                .filter(s -> s.stream().noneMatch(i -> i.transferSyntaxUid().equals(UID.JPEGBaseline8Bit)))
                .max(Comparator.comparingLong(ScuBenchmarkTest::bytes)).orElseThrow();
        long studyBytes = bytes(study);
        String studyUid = study.get(0).studyInstanceUid();
        Map<String, Set<String>> syntaxes = new LinkedHashMap<>();
        study.forEach(i -> syntaxes.computeIfAbsent(i.sopClassUid(), k -> new LinkedHashSet<>()).add(i.transferSyntaxUid()));
        Attributes studyKeys = Keys.level("STUDY").uid(Tag.StudyInstanceUID, studyUid).build();
        Check sameInstances = output -> {
            try (Stream<Path> files = Files.list(output)) {
                assertThat(files.map(f -> f.getFileName().toString())).hasSize(study.size()).noneMatch(f -> f.endsWith(".part"));
            }
            SameInstances.assertReceived(study, output);
        };
        try (TestThreads threads = new TestThreads("benchmark")) {
            DicomClient client = new DicomClient("HARMONY", AssociationSettings.DEFAULT, threads.executor(), null);
            try (Dcmqrscp qr = LoadedDcmqrscp.start(Files.createDirectories(directory.resolve("qr")), client, Map.of())) {
                String port = Integer.toString(qr.port());
                RemoteAE remote = LoadedDcmqrscp.remote(qr);
                Attributes allStudies = Keys.level("STUDY").uid(Tag.StudyInstanceUID, "").build();

                Comparison find = compare(directory.resolve("find"), output -> {
                    long start = System.nanoTime();
                    List<Attributes> matches;
                    try (ScuAssociation association = client.open(remote,
                            new Proposal().add(UID.StudyRootQueryRetrieveInformationModelFind, UID.ExplicitVRLittleEndian))) {
                        matches = association.find(UID.StudyRootQueryRetrieveInformationModelFind, allStudies);
                    }
                    long time = System.nanoTime() - start;
                    assertThat(matches).hasSize(byStudy.size());
                    return time;
                }, output -> timedDcmtk(output, "findscu", "-S", "-aec", Dcmqrscp.AE_TITLE, "-k", "QueryRetrieveLevel=STUDY",
                        "-k", "StudyInstanceUID", "127.0.0.1", port), output -> { });
                System.out.printf("BENCHMARK C-FIND all %d studies: ours %.1f ms, findscu %.1f ms, ours/findscu %.2f%n",
                        byStudy.size(), median(find.ours()) / 1e6, median(find.dcmtk()) / 1e6, find.ratio());

                Attributes noStudy = Keys.level("STUDY").uid(Tag.StudyInstanceUID, "1.2.3.999").build();
                Comparison fixed = compare(directory.resolve("get-none"), output -> {
                    TimedGet get = TimedGet.run(client, remote, syntaxes, noStudy, output);
                    assertThat(get.result().subOperations().completed()).isZero();
                    return get.nanos();
                }, output -> timedDcmtk(Files.createDirectories(output), "getscu", "+B", "-S", "-aec", Dcmqrscp.AE_TITLE,
                        "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=1.2.3.999", "-od", output.toString(),
                        "127.0.0.1", port), output -> { });
                System.out.printf("BENCHMARK C-GET matching nothing (the fixed cost: getscu's process start, the association, "
                                + "its release): ours %.1f ms, getscu %.1f ms%n", median(fixed.ours()) / 1e6,
                        median(fixed.dcmtk()) / 1e6);

                for (int maxPduLength : new int[] {AssociationSettings.DEFAULT_MAX_PDU_LENGTH, 16384}) {
                    DicomClient getClient = new DicomClient("HARMONY", AssociationSettings.DEFAULT.withMaxPduLength(maxPduLength),
                            threads.executor(), null);
                    Comparison get = compare(directory.resolve("get-" + maxPduLength), output -> {
                        TimedGet ours = TimedGet.run(getClient, remote, syntaxes, studyKeys, output);
                        assertThat(ours.result().subOperations().completed()).isEqualTo(study.size());
                        assertThat(ours.result().subOperations().failed()).isZero();
                        return ours.nanos();
                    }, output -> timedDcmtk(Files.createDirectories(output), "getscu", "+B", "-S", "-pdu",
                            Integer.toString(maxPduLength), "-aec", Dcmqrscp.AE_TITLE, "-k", "QueryRetrieveLevel=STUDY",
                            "-k", "StudyInstanceUID=" + studyUid, "-od", output.toString(), "127.0.0.1", port), sameInstances);
                    System.out.printf("BENCHMARK C-GET of a %d-instance study, %.1f MB, to disk, max PDU %d KiB both: "
                                    + "ours %.1f ms, getscu %.1f ms, ours/getscu %.2f%n", study.size(), studyBytes / 1e6,
                            maxPduLength / 1024, median(get.ours()) / 1e6, median(get.dcmtk()) / 1e6, get.ratio());
                    System.out.println("BENCHMARK rounds (ms): ours " + millis(get.ours()) + ", getscu " + millis(get.dcmtk()));
                }
            }
        }
    }

    /** Our C-GET into {@code output}, timed from association open to release. */
    private record TimedGet(long nanos, RetrieveResult result) {

        static TimedGet run(DicomClient client, RemoteAE remote, Map<String, Set<String>> syntaxes, Attributes keys,
                            Path output) throws Exception {
            long start = System.nanoTime();
            RetrieveResult result;
            try (ScuAssociation association = client.open(remote,
                    Proposal.retrieve(UID.StudyRootQueryRetrieveInformationModelGet, syntaxes))) {
                result = association.get(UID.StudyRootQueryRetrieveInformationModelGet, keys, new DirectoryStorage(output),
                        RetrieveScu.Listener.NONE);
            }
            return new TimedGet(System.nanoTime() - start, result);
        }
    }

    /** Runs a DCMTK tool to its end, timed from its process start. */
    private static long timedDcmtk(Path output, String tool, String... arguments) throws Exception {
        long start = System.nanoTime();
        Dcmtk.Result result = Dcmtk.run(60, tool, arguments);
        long time = System.nanoTime() - start;
        assertThat(result.status()).as(result.output()).isZero();
        return time;
    }

    /** Warm-ups, then rounds alternating between ours and DCMTK's, the first of each pair alternating too. */
    private static Comparison compare(Path directory, Round ours, Round dcmtk, Check check) throws Exception {
        List<Long> ourTimes = new ArrayList<>();
        List<Long> dcmtkTimes = new ArrayList<>();
        for (int n = 0; n < WARM_UPS + ROUNDS; n++) {
            boolean measured = n >= WARM_UPS;
            boolean oursFirst = n % 2 == 0;
            for (boolean isOurs : new boolean[] {oursFirst, !oursFirst}) {
                Path output = directory.resolve((isOurs ? "ours-" : "dcmtk-") + n);
                long time = isOurs ? ours.run(output) : dcmtk.run(output);
                if (Files.exists(output)) {
                    check.check(output);
                    delete(output);
                }
                if (measured) {
                    (isOurs ? ourTimes : dcmtkTimes).add(time);
                }
            }
        }
        return new Comparison(ourTimes, dcmtkTimes);
    }

    private static double median(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static List<Double> millis(List<Long> times) {
        return times.stream().map(t -> Math.round(t / 1e5) / 10.0).toList();
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
