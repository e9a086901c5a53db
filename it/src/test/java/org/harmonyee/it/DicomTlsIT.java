package org.harmonyee.it;

import org.harmonyee.dicom.net.peers.Dcmtk;
import org.harmonyee.dicom.net.peers.SameInstances;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.uid.UID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DICOM over TLS through a pipeline: DCMTK's {@code +tls} callers, presenting the client
 * certificate of the build's {@code TestCertificates}, on the secure network's listener
 * ({@code [network.secure.dicom]}, {@code tls = true}, client certificates required): findscu
 * through the router gets what the PACS answers directly, storescu's instances reach the PACS as
 * sent (DCMTK 3.6.7's getscu and movescu have no TLS), the
 * listener's own AE title answers C-ECHO, and a caller whose certificate the listener does not
 * trust gets no association.
 */
@ExtendWith(ArquillianExtension.class)
class DicomTlsIT {

    private static final String ROUTER = "ROUTER_TLS_IT";
    private static final String LISTENER = "HARMONY_TLS_IT";
    private static List<TestDataset.Instance> instances;

    @Deployment(testable = false)
    static Archive<?> gateway() {
        return Deployments.gateway();
    }

    @BeforeAll
    static void dataset() throws IOException {
        instances = TestDataset.instances();
    }

    @Test
    void findscuOverTlsThroughTheRouterGetsWhatThePacsAnswers() throws Exception {
        List<String> query = List.of("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID",
                "-k", "PatientID");
        try (TestPacs pacs = TestPacs.start(pacsPort())) {
            Dcmtk.Result routed = call("findscu", "client", ROUTER, query);
            Dcmtk.Result direct = Dcmtk.run(120, "findscu", with(List.of("-v", "-aet", "IT_SCU", "-aec",
                    TestPacs.AE_TITLE), query, "127.0.0.1", String.valueOf(pacsPort())));

            assertThat(routed.status()).as(routed.output()).isZero();
            assertThat(studies(routed.output())).as(routed.output()).hasSize(4).isEqualTo(studies(direct.output()));
        }
    }

    @Test
    void storescuOverTlsOfTheMixedStudyReachesThePacsAsSent(@TempDir Path directory) throws Exception {
        List<TestDataset.Instance> study = mixedStudy();
        Path stored = Files.createDirectories(directory.resolve("stored"));
        try (TestPacs pacs = TestPacs.start(pacsPort(), stored)) {
            for (Map.Entry<String, String> syntax : Map.of(UID.ImplicitVRLittleEndian, "-xi",
                    UID.ExplicitVRLittleEndian, "-xe", UID.JPEGBaseline8Bit, "-xy").entrySet()) {
                List<String> files = study.stream().filter(i -> i.transferSyntaxUid().equals(syntax.getKey()))
                        .map(i -> i.file().toString()).toList();
                if (files.isEmpty()) {
                    continue;
                }
                List<String> options = new ArrayList<>(List.of("-R", syntax.getValue()));
                Dcmtk.Result store = call("storescu", "client", ROUTER, options, files);

                assertThat(store.status()).as(store.output()).isZero();
                assertThat(store.output()).doesNotContain("Failed").doesNotContain("Abort");
            }
        }
        SameInstances.assertReceived(study, stored);
    }

    @Test
    void theListenersOwnAeTitleAnswersEchoOverTls() throws Exception {
        Dcmtk.Result echo = call("echoscu", "client", LISTENER, List.of());

        assertThat(echo.status()).as(echo.output()).isZero();
        assertThat(echo.output()).contains("Received Echo Response (Success)");
    }

    @Test
    void aCallerWhoseCertificateIsNotTrustedGetsNoAssociation() throws Exception {
        Dcmtk.Result echo = call("echoscu", "stranger", LISTENER, List.of());

        assertThat(echo.status()).as(echo.output()).isNotZero();
        assertThat(echo.output().toLowerCase(Locale.ROOT)).contains("association request failed")
                .doesNotContain("echo response");
    }

    /** A DCMTK call over TLS as IT_SCU, presenting {@code party}'s certificate and trusting the listener's. */
    private static Dcmtk.Result call(String tool, String party, String calledAeTitle, List<String> options)
            throws IOException, InterruptedException {
        return call(tool, party, calledAeTitle, options, List.of());
    }

    /** As {@link #call(String, String, String, List)}, with files after the address. */
    private static Dcmtk.Result call(String tool, String party, String calledAeTitle, List<String> options,
                                     List<String> files) throws IOException, InterruptedException {
        Path certificates = TlsCertificatesMain.folder();
        List<String> arguments = new ArrayList<>(List.of("-v", "-aet", "IT_SCU", "-aec", calledAeTitle, "+tls",
                certificates.resolve(party + ".key").toString(), certificates.resolve(party + ".pem").toString(),
                "-pw", "+cf", certificates.resolve("server.pem").toString()));
        arguments.addAll(options);
        arguments.add("127.0.0.1");
        arguments.add(String.valueOf(Gateway.port("IT_DICOM_TLS_PORT")));
        arguments.addAll(files);
        return Dcmtk.run(180, tool, arguments.toArray(String[]::new));
    }

    private static String[] with(List<String> first, List<String> second, String... last) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        all.addAll(List.of(last));
        return all.toArray(String[]::new);
    }

    private static List<String> studies(String findscuOutput) {
        return findscuOutput.lines().filter(line -> line.contains("(0020,000d) ") && line.contains("["))
                .map(line -> line.substring(line.indexOf('[') + 1, line.lastIndexOf(']')).strip()).sorted().toList();
    }

    private static List<TestDataset.Instance> mixedStudy() {
        String uid = instances.stream().filter(i -> i.transferSyntaxUid().equals(UID.JPEGBaseline8Bit)).findFirst()
                .orElseThrow().studyInstanceUid();
        return instances.stream().filter(i -> i.studyInstanceUid().equals(uid)).toList();
    }

    private static int pacsPort() {
        return Gateway.port("IT_PACS_PORT");
    }
}
