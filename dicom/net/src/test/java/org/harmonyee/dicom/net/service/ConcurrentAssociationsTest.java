package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.archive.DirectoryArchive;
import org.harmonyee.dicom.net.association.AcceptorConfig;
import org.harmonyee.dicom.net.association.AssociationAcceptor;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.peers.SameInstances;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** 32 concurrent associations, each a C-FIND and a C-GET of a series against our SCP: no failure, nothing left open. */
class ConcurrentAssociationsTest {

    private static final int ASSOCIATIONS = 32;

    @Test
    void thirtyTwoAssociationsFindAndGetAtOnce(@TempDir Path directory) throws Exception {
        List<TestDataset.Instance> instances = TestDataset.instances();
        Map<String, List<TestDataset.Instance>> bySeries = new LinkedHashMap<>();
        instances.forEach(i -> bySeries.computeIfAbsent(i.seriesInstanceUid(), k -> new ArrayList<>()).add(i));
        List<List<TestDataset.Instance>> series = new ArrayList<>(bySeries.values());
        try (TestThreads threads = new TestThreads("concurrent-test")) {
            DirectoryArchive archive = DirectoryArchive.open(TestDataset.directory());
            QueryRetrieveScp queryRetrieve = new QueryRetrieveScp(threads.executor()).find(archive).get(archive);
            DicomClient client = new DicomClient("HARMONY", AssociationSettings.DEFAULT, threads.executor(), null);
            ExecutorService callers = Executors.newFixedThreadPool(ASSOCIATIONS);
            try (AssociationAcceptor acceptor = new AssociationAcceptor(AcceptorConfig.loopback("HARMONY")
                    .withMaxAssociations(ASSOCIATIONS), new DimseServiceRouter(queryRetrieve), threads.executor()).start()) {
                RemoteAE remote = RemoteAE.plain("HARMONY", "127.0.0.1", acceptor.port());
                List<Future<Integer>> results = new ArrayList<>();
                for (int n = 0; n < ASSOCIATIONS; n++) {
                    List<TestDataset.Instance> expected = series.get(n % series.size());
                    Path target = directory.resolve("caller-" + n);
                    results.add(callers.submit(findAndGet(client, remote, expected, target)));
                }
                for (int n = 0; n < ASSOCIATIONS; n++) {
                    assertThat(results.get(n).get(120, TimeUnit.SECONDS)).as("caller " + n)
                            .isEqualTo(series.get(n % series.size()).size());
                    SameInstances.assertReceived(series.get(n % series.size()), directory.resolve("caller-" + n));
                }
                TestThreads.awaitNoAssociation(acceptor);
            } finally {
                callers.shutdown();
            }
        }
    }

    private static Callable<Integer> findAndGet(DicomClient client, RemoteAE remote, List<TestDataset.Instance> expected,
                                                Path target) {
        return () -> {
            TestDataset.Instance first = expected.get(0);
            Map<String, Set<String>> syntaxes = new LinkedHashMap<>();
            expected.forEach(i -> syntaxes.computeIfAbsent(i.sopClassUid(), k -> new LinkedHashSet<>()).add(i.transferSyntaxUid()));
            Proposal proposal = Proposal.retrieve(UID.StudyRootQueryRetrieveInformationModelGet, syntaxes)
                    .add(UID.StudyRootQueryRetrieveInformationModelFind, UID.ExplicitVRLittleEndian);
            try (ScuAssociation association = client.open(remote, proposal)) {
                List<Attributes> images = association.find(UID.StudyRootQueryRetrieveInformationModelFind, Keys.level("IMAGE")
                        .uid(Tag.StudyInstanceUID, first.studyInstanceUid()).uid(Tag.SeriesInstanceUID, first.seriesInstanceUid())
                        .uid(Tag.SOPInstanceUID, "").build());
                assertThat(images).hasSize(expected.size());
                RetrieveResult result = association.get(UID.StudyRootQueryRetrieveInformationModelGet, Keys.level("SERIES")
                        .uid(Tag.StudyInstanceUID, first.studyInstanceUid()).uid(Tag.SeriesInstanceUID, first.seriesInstanceUid())
                        .build(), new DirectoryStorage(target), RetrieveScu.Listener.NONE);
                assertThat(result.status()).isEqualTo(Status.SUCCESS);
                return result.subOperations().completed();
            }
        };
    }
}
