package org.harmonyee.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Priority;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.pdu.AAbort;
import org.harmonyee.dicom.net.peers.Dcmtk;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.net.service.CStoreScp;
import org.harmonyee.dicom.net.service.DicomClient;
import org.harmonyee.dicom.net.service.Proposal;
import org.harmonyee.dicom.net.service.RemoteAE;
import org.harmonyee.dicom.net.service.RetrieveScu;
import org.harmonyee.dicom.net.service.ScuAssociation;
import org.harmonyee.dicom.uid.UID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DIMSE through the gateway when things go wrong or get busy: a PACS that dies in the middle of a
 * C-GET, a caller that aborts in the middle of one, 32 callers at once, and the open associations
 * the management API lists meanwhile.
 */
@ExtendWith(ArquillianExtension.class)
class DimseFaultsIT {

    private static final String ROUTER = "ROUTER_IT";
    /** The listener's own AE title: C-ECHO answered by the gateway, no PACS needed. */
    private static final String LISTENER = "HARMONY_IT";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static List<TestDataset.Instance> instances;
    private static ExecutorService threads;

    @Deployment(testable = false)
    static Archive<?> gateway() {
        return Deployments.gateway();
    }

    @BeforeAll
    static void start() throws IOException {
        instances = TestDataset.instances();
        threads = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stop() {
        threads.shutdownNow();
    }

    @Test
    void aPacsThatDiesMidGetEndsTheCallersGetWithAFailureStatusNotAHang() throws Exception {
        List<TestDataset.Instance> study = largestStudy();
        AtomicInteger received = new AtomicInteger();
        TestPacs pacs = TestPacs.start(pacsPort());
        try (ScuAssociation caller = openGet()) {
            CompletableFuture<Void> killed = new CompletableFuture<>();
            CStoreScp slowReceiver = (context, dataSet) -> {
                dataSet.transferTo(OutputStream.nullOutputStream());
                if (received.incrementAndGet() == 3) {
                    pacs.close();
                    killed.complete(null);
                }
                return Status.SUCCESS;
            };
            long started = System.nanoTime();

            assertThatThrownBy(() -> caller.get(UID.StudyRootQueryRetrieveInformationModelGet, studyKeys(study),
                    Priority.MEDIUM, slowReceiver, RetrieveScu.Listener.NONE))
                    .isInstanceOfSatisfying(DimseException.class, e -> {
                        assertThat(Status.isFailure(e.status())).as(Status.toString(e.status())).isTrue();
                        assertThat(e.errorComment()).isNotBlank();
                    });
            assertThat(killed).isDone();
            assertThat(received.get()).isBetween(3, study.size() - 1);
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(30);
        } finally {
            pacs.close();
        }
        awaitNoAssociations();
    }

    @Test
    void aCallerThatAbortsMidGetHasTheUpstreamAssociationReleased() throws Exception {
        List<TestDataset.Instance> study = largestStudy();
        AtomicInteger received = new AtomicInteger();
        try (TestPacs pacs = TestPacs.start(pacsPort()); ScuAssociation caller = openGet()) {
            CStoreScp abortingReceiver = (context, dataSet) -> {
                dataSet.transferTo(OutputStream.nullOutputStream());
                if (received.incrementAndGet() == 2) {
                    caller.association().abort(AAbort.byUser(), "the test's caller gives up");
                }
                return Status.SUCCESS;
            };

            assertThatThrownBy(() -> caller.get(UID.StudyRootQueryRetrieveInformationModelGet, studyKeys(study),
                    Priority.MEDIUM, abortingReceiver, RetrieveScu.Listener.NONE)).isInstanceOf(IOException.class);
            awaitTrue(() -> pacs.activeAssociations() == 0, "the gateway's association to the PACS is released");
            assertThat(received.get()).isLessThan(study.size());
        }
        awaitNoAssociations();
    }

    @Test
    void thirtyTwoCallersFindingAndGettingAtOnceAllSucceed(@TempDir Path directory) throws Exception {
        TestDataset.Instance any = smallestStudy().get(0);
        try (TestPacs pacs = TestPacs.start(pacsPort())) {
            List<CompletableFuture<String>> callers = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                Path output = Files.createDirectories(directory.resolve("caller-" + i));
                callers.add(CompletableFuture.supplyAsync(() -> findThenGet(any, output), threads));
            }
            List<String> failures = callers.stream().map(CompletableFuture::join).filter(failure -> !failure.isEmpty())
                    .toList();

            assertThat(failures).as("callers that did not succeed").isEmpty();
            awaitTrue(() -> pacs.activeAssociations() == 0, "every association to the PACS is released");
        }
        awaitNoAssociations();
    }

    @Test
    void theManagementApiListsAnOpenAssociationWithItsRequests() throws Exception {
        DicomClient client = new DicomClient("IT_SCU", AssociationSettings.DEFAULT, threads, null);
        try (ScuAssociation caller = client.open(RemoteAE.plain(LISTENER, "127.0.0.1", dicomPort()),
                Proposal.verification())) {
            assertThat(caller.echo()).isEqualTo(Status.SUCCESS);
            assertThat(caller.echo()).isEqualTo(Status.SUCCESS);

            JsonNode open = associations();
            assertThat(open).hasSize(1);
            assertThat(open.get(0).path("network").asText()).isEqualTo("imaging");
            assertThat(open.get(0).path("calling_aet").asText()).isEqualTo("IT_SCU");
            assertThat(open.get(0).path("called_aet").asText()).isEqualTo(LISTENER);
            assertThat(open.get(0).path("requests").path("C-ECHO").asInt()).isEqualTo(2);
            assertThat(open.get(0).path("since").asText()).isNotBlank();
        }
        awaitNoAssociations();
    }

    /** findscu then getscu of one study; empty when both succeeded, else what went wrong. */
    private static String findThenGet(TestDataset.Instance instance, Path output) {
        try {
            Dcmtk.Result find = Dcmtk.run(180, "findscu", "-S", "-aet", "IT_SCU", "-aec", ROUTER, "-k",
                    "QueryRetrieveLevel=SERIES", "-k", "StudyInstanceUID=" + instance.studyInstanceUid(),
                    "-k", "SeriesInstanceUID", "127.0.0.1", String.valueOf(dicomPort()));
            Dcmtk.Result get = Dcmtk.run(180, "getscu", "+B", "-S", "-aet", "IT_SCU", "-aec", ROUTER, "-k",
                    "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + instance.studyInstanceUid(), "-od",
                    output.toString(), "127.0.0.1", String.valueOf(dicomPort()));
            long files;
            try (var list = Files.list(output)) {
                files = list.count();
            }
            if (find.status() != 0 || get.status() != 0 || files != study(instance.studyInstanceUid()).size()) {
                return "find " + find.status() + ", get " + get.status() + ", " + files + " files: " + get.output();
            }
            return "";
        } catch (IOException | InterruptedException e) {
            return e.toString();
        }
    }

    private static ScuAssociation openGet() throws IOException {
        Map<String, Set<String>> syntaxes = new LinkedHashMap<>();
        instances.forEach(i -> syntaxes.computeIfAbsent(i.sopClassUid(), any -> new LinkedHashSet<>())
                .add(i.transferSyntaxUid()));
        DicomClient client = new DicomClient("IT_SCU", AssociationSettings.DEFAULT, threads, null);
        return client.open(RemoteAE.plain(ROUTER, "127.0.0.1", dicomPort()),
                Proposal.retrieve(UID.StudyRootQueryRetrieveInformationModelGet, syntaxes));
    }

    private static Attributes studyKeys(List<TestDataset.Instance> study) {
        Attributes keys = new Attributes();
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        keys.setString(Tag.StudyInstanceUID, VR.UI, study.get(0).studyInstanceUid());
        return keys;
    }

    private static JsonNode associations() throws IOException {
        String body = Gateway.asAdmin().get(Gateway.managementUrl() + "/admin/associations").then().statusCode(200)
                .extract().asString();
        return JSON.readTree(body);
    }

    private static void awaitNoAssociations() throws Exception {
        awaitTrue(() -> associations().isEmpty(), "/admin/associations is empty");
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!check.holds()) {
            assertThat(System.nanoTime()).as(what + " within 20 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static List<TestDataset.Instance> largestStudy() {
        return study(byStudy().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
    }

    /** The smallest study with no JPEG instance: getscu proposes uncompressed syntaxes only. */
    private static List<TestDataset.Instance> smallestStudy() {
        Set<String> withJpeg = instances.stream().filter(i -> i.transferSyntaxUid().equals(UID.JPEGBaseline8Bit))
                .map(TestDataset.Instance::studyInstanceUid).collect(Collectors.toSet());
        return study(byStudy().entrySet().stream().filter(entry -> !withJpeg.contains(entry.getKey()))
                .min(Map.Entry.comparingByValue()).orElseThrow().getKey());
    }

    private static Map<String, Long> byStudy() {
        return instances.stream().collect(Collectors.groupingBy(TestDataset.Instance::studyInstanceUid,
                Collectors.counting()));
    }

    private static List<TestDataset.Instance> study(String uid) {
        return instances.stream().filter(i -> i.studyInstanceUid().equals(uid)).toList();
    }

    private static int dicomPort() {
        return Gateway.port("IT_DICOM_PORT");
    }

    private static int pacsPort() {
        return Gateway.port("IT_PACS_PORT");
    }
}
