package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.peers.Dcmqrscp;
import org.harmonyee.dicom.net.peers.Dcmtk;
import org.harmonyee.dicom.net.peers.LoadedDcmqrscp;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a timed test: prints how our SCU compares with DCMTK's findscu and getscu against the same
 * dcmqrscp (median of 5 after one warm-up; DCMTK's figures include its process start, ours run
 * in this JVM, each with a new association). Every run's result is checked.
 */
class ScuBenchmarkTest {

    private static final int RUNS = 5;

    @FunctionalInterface
    private interface Run {
        void run(int n) throws Exception;
    }

    private static double medianMillis(Run run) throws Exception {
        run.run(-1);
        List<Long> times = new ArrayList<>();
        for (int n = 0; n < RUNS; n++) {
            long start = System.nanoTime();
            run.run(n);
            times.add(System.nanoTime() - start);
        }
        Collections.sort(times);
        return times.get(RUNS / 2) / 1e6;
    }

    @Test
    void ourFindAndGetAgainstFindscuAndGetscu(@TempDir Path directory) throws Exception {
        List<TestDataset.Instance> instances = TestDataset.instances();
        Map<String, List<TestDataset.Instance>> byStudy = new LinkedHashMap<>();
        instances.forEach(i -> byStudy.computeIfAbsent(i.studyInstanceUid(), k -> new ArrayList<>()).add(i));
        List<TestDataset.Instance> study = byStudy.values().stream()
                .filter(s -> s.stream().noneMatch(i -> i.transferSyntaxUid().equals(UID.JPEGBaseline8Bit)))
                .max((a, b) -> Integer.compare(a.size(), b.size())).orElseThrow();
        String studyUid = study.get(0).studyInstanceUid();
        Map<String, Set<String>> syntaxes = new LinkedHashMap<>();
        study.forEach(i -> syntaxes.computeIfAbsent(i.sopClassUid(), k -> new LinkedHashSet<>()).add(i.transferSyntaxUid()));
        try (TestThreads threads = new TestThreads("benchmark")) {
            DicomClient client = new DicomClient("HARMONY", AssociationSettings.DEFAULT, threads.executor(), null);
            try (Dcmqrscp qr = LoadedDcmqrscp.start(Files.createDirectories(directory.resolve("qr")), client, Map.of())) {
                String port = Integer.toString(qr.port());
                RemoteAE remote = LoadedDcmqrscp.remote(qr);
                Attributes allStudies = Keys.level("STUDY").uid(Tag.StudyInstanceUID, "").build();

                double ourFind = medianMillis(n -> {
                    try (ScuAssociation association = client.open(remote,
                            new Proposal().add(UID.StudyRootQueryRetrieveInformationModelFind, UID.ExplicitVRLittleEndian))) {
                        assertThat(association.find(UID.StudyRootQueryRetrieveInformationModelFind, allStudies)).hasSize(byStudy.size());
                    }
                });
                double findscu = medianMillis(n -> {
                    Dcmtk.Result result = Dcmtk.run(60, "findscu", "-S", "-aec", Dcmqrscp.AE_TITLE, "-k", "QueryRetrieveLevel=STUDY",
                            "-k", "StudyInstanceUID", "127.0.0.1", port);
                    assertThat(result.status()).isZero();
                });
                double ourGet = medianMillis(n -> {
                    Path target = directory.resolve("ours-" + n);
                    try (ScuAssociation association = client.open(remote,
                            Proposal.retrieve(UID.StudyRootQueryRetrieveInformationModelGet, syntaxes))) {
                        RetrieveResult result = association.get(UID.StudyRootQueryRetrieveInformationModelGet,
                                Keys.level("STUDY").uid(Tag.StudyInstanceUID, studyUid).build(), new DirectoryStorage(target),
                                RetrieveScu.Listener.NONE);
                        assertThat(result.subOperations().completed()).isEqualTo(study.size());
                    }
                });
                double getscu = medianMillis(n -> {
                    Path target = Files.createDirectories(directory.resolve("getscu-" + n));
                    Dcmtk.Result result = Dcmtk.run(60, "getscu", "+B", "-S", "-aec", Dcmqrscp.AE_TITLE, "-k",
                            "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + studyUid, "-od", target.toString(),
                            "127.0.0.1", port);
                    assertThat(result.status()).isZero();
                    try (var files = Files.list(target)) {
                        assertThat(files.count()).isEqualTo(study.size());
                    }
                });
                System.out.printf("BENCHMARK C-FIND all %d studies: ours %.1f ms, findscu %.1f ms, ours/findscu %.2f%n",
                        byStudy.size(), ourFind, findscu, ourFind / findscu);
                System.out.printf("BENCHMARK C-GET of a %d-instance study: ours %.1f ms, getscu %.1f ms, ours/getscu %.2f%n",
                        study.size(), ourGet, getscu, ourGet / getscu);
            }
        }
    }
}
