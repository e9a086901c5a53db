package org.harmonyee.dicom.net.tls;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.association.AcceptorConfig;
import org.harmonyee.dicom.net.association.AssociationAcceptor;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.peers.DataSetBytes;
import org.harmonyee.dicom.net.peers.Dcmtk;
import org.harmonyee.dicom.net.peers.PeerProcess;
import org.harmonyee.dicom.net.peers.TestCertificates;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.net.service.DicomClient;
import org.harmonyee.dicom.net.service.DimseServiceRouter;
import org.harmonyee.dicom.net.service.DirectoryStorage;
import org.harmonyee.dicom.net.service.Proposal;
import org.harmonyee.dicom.net.service.QueryRetrieveScp;
import org.harmonyee.dicom.net.service.RemoteAE;
import org.harmonyee.dicom.net.service.RetrieveResult;
import org.harmonyee.dicom.net.service.RetrieveScu;
import org.harmonyee.dicom.net.service.ScuAssociation;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DICOM over TLS against DCMTK (built with OpenSSL): echoscu, storescu and findscu with
 * {@code +tls} into our TLS acceptor demanding a client certificate, our TLS SCU into storescp
 * {@code +tls} and C-GET between our own TLS SCU and SCP; a plain or untrusted client is refused and
 * leaves nothing open.
 */
class TlsInteropTest {

    @TempDir
    static Path directory;
    private static TestThreads threads;
    private static TestCertificates certificates;
    private static AssociationAcceptor acceptor;
    private static List<TestDataset.Instance> series;

    @BeforeAll
    static void start() throws Exception {
        threads = new TestThreads("tls-test");
        certificates = TestCertificates.create(directory.resolve("certificates"));
        List<TestDataset.Instance> instances = TestDataset.instances();
        String first = instances.get(0).seriesInstanceUid();
        series = instances.stream().filter(i -> i.seriesInstanceUid().equals(first)).toList();
        List<Path> files = series.stream().map(TestDataset.Instance::file).toList();
        QueryRetrieveScp queryRetrieve = new QueryRetrieveScp(threads.executor())
                .find((context, identifier, matches) -> {
                    for (TestDataset.Instance instance : series) {
                        Attributes match = new Attributes();
                        match.setString(Tag.QueryRetrieveLevel, VR.CS, "IMAGE");
                        match.setString(Tag.SOPInstanceUID, VR.UI, instance.sopInstanceUid());
                        matches.send(match);
                    }
                })
                .get((context, identifier) -> files);
        DimseServiceRouter router = new DimseServiceRouter(queryRetrieve)
                .store(new DirectoryStorage(directory.resolve("received")));
        AcceptorConfig config = AcceptorConfig.loopback("HARMONY").withTls(DicomTls.of(certificates.server().config()));
        acceptor = new AssociationAcceptor(config, router, threads.executor()).start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (acceptor != null) {
            acceptor.close();
        }
        threads.close();
    }

    private static List<String> tlsOptions(TestCertificates.Party self, TestCertificates.Party peer) {
        return List.of("+tls", self.key().toString(), self.certificate().toString(), "-pw", "+cf", peer.certificate().toString());
    }


    @Test
    void echoscuAndStorescuOverTls() throws Exception {
        List<String> tls = tlsOptions(certificates.client(), certificates.server());
        String port = Integer.toString(acceptor.port());
        Dcmtk.Result echo = Dcmtk.run(60, "echoscu", tls, "-v", "-aec", "HARMONY", "127.0.0.1", port);
        assertThat(echo.status()).as(echo.output()).isZero();
        assertThat(echo.output()).contains("Received Echo Response (Success)");

        List<String> store = new ArrayList<>(List.of("-R", "-xe", "-aec", "HARMONY", "127.0.0.1", port));
        series.forEach(i -> store.add(i.file().toString()));
        Dcmtk.Result stored = Dcmtk.run(60, "storescu", tls, store.toArray(String[]::new));
        assertThat(stored.status()).as(stored.output()).isZero();
        Map<String, Path> received = DataSetBytes.bySopInstance(directory.resolve("received"));
        for (TestDataset.Instance instance : series) {
            assertThat(DataSetBytes.mismatch(instance.file(), received.get(instance.sopInstanceUid()))).isEqualTo(-1);
        }
        TestThreads.awaitNoAssociation(acceptor);
    }

    @Test
    void findscuAndOurGetOverTls() throws Exception {
        List<String> tls = tlsOptions(certificates.client(), certificates.server());
        String port = Integer.toString(acceptor.port());
        Dcmtk.Result find = Dcmtk.run(60, "findscu", tls, "-v", "-S", "-aec", "HARMONY", "-k", "QueryRetrieveLevel=IMAGE",
                "-k", "SOPInstanceUID", "127.0.0.1", port);
        assertThat(find.status()).as(find.output()).isZero();
        for (TestDataset.Instance instance : series) {
            assertThat(find.output()).contains(instance.sopInstanceUid());
        }
        // DCMTK 3.6.7's getscu, movescu and dcmqrscp have no TLS: C-GET over TLS is checked with our own SCU
        Path output = directory.resolve("get");
        DicomClient tlsClient = new DicomClient("HARMONY", AssociationSettings.DEFAULT, threads.executor(),
                DicomTls.of(certificates.client().config()));
        Map<String, java.util.Set<String>> syntaxes = new java.util.LinkedHashMap<>();
        series.forEach(i -> syntaxes.computeIfAbsent(i.sopClassUid(), k -> new java.util.LinkedHashSet<>())
                .add(i.transferSyntaxUid()));
        try (ScuAssociation association = tlsClient.open(new RemoteAE("HARMONY", "127.0.0.1", acceptor.port(), true),
                Proposal.retrieve(UID.StudyRootQueryRetrieveInformationModelGet, syntaxes))) {
            RetrieveResult result = association.get(UID.StudyRootQueryRetrieveInformationModelGet,
                    new Attributes(), new DirectoryStorage(output), RetrieveScu.Listener.NONE);
            assertThat(result.subOperations().completed()).isEqualTo(series.size());
        }
        Map<String, Path> received = DataSetBytes.bySopInstance(output);
        for (TestDataset.Instance instance : series) {
            assertThat(DataSetBytes.mismatch(instance.file(), received.get(instance.sopInstanceUid()))).isEqualTo(-1);
        }
        TestThreads.awaitNoAssociation(acceptor);
    }

    @Test
    void plainAndUntrustedClientsAreRefused() throws Exception {
        String port = Integer.toString(acceptor.port());
        Dcmtk.Result plain = Dcmtk.run(60, "echoscu", "-to", "5", "-aec", "HARMONY", "127.0.0.1", port);
        assertThat(plain.status()).isNotZero();
        Dcmtk.Result untrusted = Dcmtk.run(60, "echoscu", tlsOptions(certificates.stranger(), certificates.server()),
                "-aec", "HARMONY", "127.0.0.1", port);
        assertThat(untrusted.status()).isNotZero();
        DicomClient stranger = new DicomClient("STRANGER", AssociationSettings.DEFAULT, threads.executor(),
                DicomTls.of(certificates.stranger().config()));
        RemoteAE remote = new RemoteAE("HARMONY", "127.0.0.1", acceptor.port(), true);
        assertThatThrownBy(() -> stranger.open(remote, Proposal.verification())).isInstanceOf(IOException.class);
        TestThreads.awaitNoAssociation(acceptor);
    }

    @Test
    void ourScuOverTlsIntoStorescp(@TempDir Path storage) throws Exception {
        int port = PeerProcess.freePort();
        Path output = Files.createDirectories(storage.resolve("received"));
        List<String> arguments = new ArrayList<>(tlsOptions(certificates.server(), certificates.client()));
        arguments.addAll(List.of("-aet", "STORESCP", "+xa", "+B", "-od", output.toString(), Integer.toString(port)));
        Path log = storage.resolve("storescp.log");
        TestCertificates.Party client = certificates.client();
        try (PeerProcess storescp = PeerProcess.start("storescp +tls", Dcmtk.builder("storescp", arguments), port, log)) {
            DicomClient tlsClient = new DicomClient("HARMONY", AssociationSettings.DEFAULT, threads.executor(),
                    DicomTls.of(client.config()));
            RemoteAE remote = new RemoteAE("STORESCP", "127.0.0.1", port, true);
            List<Path> files = series.stream().map(TestDataset.Instance::file).toList();
            try (ScuAssociation association = tlsClient.open(remote, Proposal.storage(files)
                    .add(UID.Verification, UID.ImplicitVRLittleEndian))) {
                assertThat(association.association().tlsProtocol()).isIn("TLSv1.3", "TLSv1.2");
                assertThat(association.echo()).isZero();
                for (Path file : files) {
                    assertThat(association.store(file)).isZero();
                }
            }
            Map<String, Path> received = DataSetBytes.bySopInstance(output);
            for (TestDataset.Instance instance : series) {
                assertThat(DataSetBytes.mismatch(instance.file(), received.get(instance.sopInstanceUid())))
                        .as(storescp.log()).isEqualTo(-1);
            }
        }
    }
}
