package org.harmonyee.dicom.tool;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.net.peers.Dcmtk;
import org.harmonyee.dicom.net.peers.PeerProcess;
import org.harmonyee.dicom.net.peers.Storescp;
import org.harmonyee.dicom.net.peers.TestCertificates;
import org.harmonyee.dicom.net.peers.SameInstances;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./harmony dicom scp} in a JVM of its own serving a copy of the dataset, driven by DCMTK's
 * echoscu, findscu, getscu, movescu (to storescp) and storescu, and by our own find and get; a second
 * one over TLS driven by DCMTK with {@code +tls}; SIGTERM ends it; bad options end it at once.
 */
class ScpCommandTest {

    @TempDir
    static Path directory;
    private static Storescp storescp;
    private static ScpProcess scp;
    private static String port;
    private static List<TestDataset.Instance> instances;

    @BeforeAll
    static void start() throws Exception {
        instances = TestDataset.instances();
        Path served = Files.createDirectories(directory.resolve("served"));
        for (TestDataset.Instance instance : instances) {
            Path copy = served.resolve(TestDataset.directory().relativize(instance.file()).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(instance.file(), copy, StandardCopyOption.REPLACE_EXISTING);
        }
        storescp = Storescp.start(Files.createDirectories(directory.resolve("storescp")), "STORESCP");
        port = Integer.toString(PeerProcess.freePort());
        scp = ScpProcess.start(directory.resolve("scp.log"), "--dir", served.toString(), "-aet", "ARCHIVE", "--port", port,
                "--bind", "127.0.0.1", "--dest", "STORESCP=127.0.0.1:" + storescp.port());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (scp != null) {
            scp.close();
        }
        if (storescp != null) {
            storescp.close();
        }
    }

    private static List<TestDataset.Instance> study(String uid) {
        return instances.stream().filter(i -> i.studyInstanceUid().equals(uid)).toList();
    }

    private static long studies() {
        return instances.stream().map(TestDataset.Instance::studyInstanceUid).distinct().count();
    }

    @Test
    void announcesWhatItServes() {
        assertThat(scp.banner()).startsWith("ARCHIVE listening on 127.0.0.1:" + port + ", serving "
                + directory.resolve("served").toAbsolutePath() + ": " + instances.size() + " instances (");
    }

    @Test
    void answersEchoscuAndFindscu() throws Exception {
        assertThat(Dcmtk.run(30, "echoscu", "-aec", "ARCHIVE", "127.0.0.1", port).status()).isZero();
        Dcmtk.Result find = Dcmtk.run(60, "findscu", "-v", "-S", "-aec", "ARCHIVE", "-k", "QueryRetrieveLevel=STUDY",
                "-k", "StudyInstanceUID", "127.0.0.1", port);
        assertThat(find.output()).contains("Received Final Find Response (Success)");
        assertThat(find.output().split("Find Response: \\d+ \\(Pending\\)", -1)).hasSize((int) studies() + 1);
    }

    @Test
    void servesGetscuAndOurGetAsStoredAndMovescuToStorescp() throws Exception {
        String mixed = instances.stream().filter(i -> i.transferSyntaxUid().equals(UID.JPEGBaseline8Bit))
                .findFirst().orElseThrow().studyInstanceUid();
        Path ours = directory.resolve("our-get");
        ToolRun get = ToolRun.run("get", "-aec", "ARCHIVE", "-k", "StudyInstanceUID=" + mixed, "-od", ours.toString(),
                "127.0.0.1", port);
        assertThat(get.status()).as(get.err()).isZero();
        SameInstances.assertReceived(study(mixed), ours);

        Path theirs = Files.createDirectories(directory.resolve("getscu"));
        Dcmtk.Result getscu = Dcmtk.run(120, "getscu", "+B", "-S", "-aec", "ARCHIVE", "-od", theirs.toString(),
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + mixed, "127.0.0.1", port);
        assertThat(getscu.status()).as(getscu.output()).isZero();
        List<TestDataset.Instance> uncompressed = study(mixed).stream()
                .filter(i -> !i.transferSyntaxUid().equals(UID.JPEGBaseline8Bit)).toList();
        SameInstances.assertReceived(uncompressed, theirs);

        Dcmtk.Result move = Dcmtk.run(120, "movescu", "-v", "-S", "-aec", "ARCHIVE", "-aem", "STORESCP",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + mixed, "127.0.0.1", port);
        assertThat(move.output()).as(move.output() + scp.log()).contains("Received Final Move Response (Success)");
        SameInstances.assertReceived(study(mixed), storescp.output());
    }


    @Test
    void storescuAddsInstancesThatOurFindThenFinds() throws Exception {
        Path sample = Path.of("../core/src/test/resources/sample-ct-study");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sample)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        Dcmtk.Result store = Dcmtk.run(120, "storescu", "-aec", "ARCHIVE", "+sd", "+r", "127.0.0.1", port, sample.toString());
        assertThat(store.status()).as(store.output()).isZero();
        Attributes first;
        try (DicomInputStream in = DicomInputStream.open(files.get(0))) {
            first = in.readDataset();
        }
        ToolRun find = ToolRun.run("find", "-aec", "ARCHIVE", "-L", "IMAGE",
                "-k", "StudyInstanceUID=" + first.getString(Tag.StudyInstanceUID),
                "-k", "SeriesInstanceUID=" + first.getString(Tag.SeriesInstanceUID), "-k", "SOPInstanceUID",
                "127.0.0.1", port);
        assertThat(find.status()).as(find.err()).isZero();
        assertThat(find.out()).contains(", status 0000").contains("[" + first.getString(Tag.SOPInstanceUID) + "]");
    }

    @Test
    void tlsScpAnswersDcmtkWithTls() throws Exception {
        TestCertificates certificates = TestCertificates.create(directory.resolve("certificates"));
        TestCertificates.Party server = certificates.server();
        TestCertificates.Party client = certificates.client();
        String password = new String(TestCertificates.PASSWORD);
        String tlsPort = Integer.toString(PeerProcess.freePort());
        try (ScpProcess secure = ScpProcess.start(directory.resolve("scp-tls.log"), "--dir", directory.resolve("served").toString(),
                "--port", tlsPort, "--tls", "--key-store", server.keyStore().toString(), "--key-store-password", password,
                "--trust-store", server.trustStore().toString(), "--trust-store-password", password)) {
            assertThat(secure.banner()).contains(" (TLS), serving ");
            List<String> tls = List.of("+tls", client.key().toString(), client.certificate().toString(), "-pw",
                    "+cf", server.certificate().toString());
            assertThat(Dcmtk.run(60, "echoscu", tls, "-aec", "HARMONY", "127.0.0.1", tlsPort).status()).isZero();
            Dcmtk.Result find = Dcmtk.run(60, "findscu", tls, "-v", "-S", "-aec", "HARMONY", "-k", "QueryRetrieveLevel=STUDY",
                    "-k", "StudyInstanceUID", "127.0.0.1", tlsPort);
            assertThat(find.output()).contains("Received Final Find Response (Success)");
            Dcmtk.Result store = Dcmtk.run(60, "storescu", tls, "-aec", "HARMONY", "127.0.0.1", tlsPort,
                    instances.get(0).file().toString());
            assertThat(store.status()).as(store.output()).isZero();
            Dcmtk.Result plain = Dcmtk.run(30, "echoscu", "-aec", "HARMONY", "127.0.0.1", tlsPort);
            assertThat(plain.status()).as("a plain echoscu is refused").isNotZero();
            assertThat(secure.terminate()).isEqualTo(143);
        }
    }


    @Test
    void sigtermEndsItAndBadOptionsStopItAtOnce() throws Exception {
        String spare = Integer.toString(PeerProcess.freePort());
        try (ScpProcess other = ScpProcess.start(directory.resolve("scp-other.log"), "--dir",
                directory.resolve("empty").toString(), "--port", spare)) {
            assertThat(other.banner()).endsWith(": 0 instances (0 patients, 0 studies, 0 series)");
            ToolRun busy = ToolRun.run("scp", "--dir", directory.resolve("empty").toString(), "--port", spare);
            assertThat(busy.status()).isEqualTo(1);
            assertThat(busy.err()).startsWith("harmony dicom scp: cannot listen on 0.0.0.0:" + spare);
            assertThat(other.terminate()).isEqualTo(143);
        }
        assertThat(ToolRun.run("scp").err()).contains("--dir DIR is required");
        assertThat(ToolRun.run("scp", "--dir", ".", "--dest", "PACS=host").err())
                .contains("--dest: expected AET=HOST:PORT[:tls], got 'PACS=host'");
        assertThat(ToolRun.run("scp", "--dir", ".", "--dest", "PACS=host:104:tls").err())
                .contains("PACS is a TLS destination: give the --tls options");
        Path table = Files.writeString(directory.resolve("ae-table.txt"), "# destinations\nPACS=10.0.0.5:104\nBROKEN\n");
        assertThat(ToolRun.run("scp", "--dir", ".", "--ae-table", table.toString()).err())
                .contains(table + ":3: expected AET=HOST:PORT[:tls], got 'BROKEN'");
        assertThat(ToolRun.run("scp", "--dir", ".", "--port", "70000").err()).contains("--port: expected 1-65535, got '70000'");
    }
}
