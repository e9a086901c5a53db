package org.harmonyee.rar.inbound;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ResourceAdapter;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.io.DicomOutputStream;
import org.harmonyee.dicom.net.peers.Dcmtk;
import org.harmonyee.dicom.uid.TransferSyntax;
import org.harmonyee.dicom.uid.UID;
import org.harmonyee.rar.api.DimseOperation;
import org.harmonyee.rar.api.DimseStatus;
import org.harmonyee.rar.api.ListeningNetworks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The adapter as a server runs it, without a server: a WorkManager over a real thread pool, a
 * message endpoint factory as a container makes one, and DCMTK's echoscu and findscu as callers.
 */
class DicomResourceAdapterTest {

    @TempDir
    Path directory;

    private final TestWorkManager work = new TestWorkManager();
    private final DicomResourceAdapter adapter = new DicomResourceAdapter();
    private final GatewayListener listener = new GatewayListener();
    private final TestEndpointFactory factory = new TestEndpointFactory(listener);
    private DicomActivationSpec spec;
    private int port;

    @BeforeEach
    void start() throws Exception {
        adapter.start(work);
        port = freePort();
        spec = spec(config("pacs", port));
    }

    @AfterEach
    void stop() throws Exception {
        adapter.stop();
        work.close();
    }

    @Test
    void echoscuIsAnsweredThroughTheMessageEndpoint() throws Exception {
        adapter.endpointActivation(factory, spec);

        Dcmtk.Result echo = Dcmtk.run(30, "echoscu", "-aet", "MODALITY", "-aec", "HARMONY", "127.0.0.1", port(port));

        assertThat(echo.status()).as(echo.output()).isZero();
        assertThat(listener.associations).singleElement().satisfies(association -> {
            assertThat(association.network()).isEqualTo("pacs");
            assertThat(association.callingAETitle()).isEqualTo("MODALITY");
            assertThat(association.listenerAETitle()).isEqualTo("HARMONY");
            assertThat(association.associationName()).matches("MODALITY->HARMONY\\(\\d+\\)");
            assertThat(association.contexts()).anySatisfy(context -> assertThat(context.accepted()).isTrue());
        });
        assertThat(listener.requests).singleElement().satisfies(request -> {
            assertThat(request.operation()).isEqualTo(DimseOperation.C_ECHO);
            assertThat(request.affectedSopClassUid()).isEqualTo("1.2.840.10008.1.1");
            assertThat(request.network()).isEqualTo("pacs");
            assertThat(request.remoteAddress().getAddress().isLoopbackAddress()).isTrue();
        });
        assertEveryEndpointReleased(2);
    }

    @Test
    void aWrongCalledAeTitleIsRejectedByTheListenersDecision() throws Exception {
        adapter.endpointActivation(factory, spec);

        Dcmtk.Result echo = Dcmtk.run(30, "echoscu", "-aet", "MODALITY", "-aec", "OTHER", "127.0.0.1", port(port));

        assertThat(echo.status()).isNotZero();
        assertThat(echo.output()).contains("Called AE Title Not Recognized");
        assertThat(listener.requests).isEmpty();
        assertEveryEndpointReleased(1);
    }

    @Test
    void cFindGetsTheMatchesThenTheListenersStatus() throws Exception {
        listener.matches = List.of("{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"DOE^JANE\"}]},"
                + "\"00080052\":{\"vr\":\"CS\",\"Value\":[\"STUDY\"]}}");
        listener.findStatus = DimseStatus.of(DimseStatus.UNABLE_TO_PROCESS, "no pipeline serves C-FIND here yet");
        adapter.endpointActivation(factory, spec);

        Dcmtk.Result find = Dcmtk.run(30, "findscu", "-v", "-S", "-aet", "MODALITY", "-aec", "HARMONY",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientName=DOE*", "127.0.0.1", port(port));

        assertThat(find.output()).contains("DOE^JANE").contains("Received Final Find Response (Failed: UnableToProcess)")
                .doesNotContain("Abort");
        assertThat(listener.requests).singleElement().satisfies(request -> {
            assertThat(request.operation()).isEqualTo(DimseOperation.C_FIND);
            assertThat(request.identifierJson().orElseThrow()).contains("\"00100010\"").contains("DOE*");
        });
        assertEveryEndpointReleased(2);
    }

    @Test
    void cGetStoresTheListenersInstancesOnTheCallersAssociation() throws Exception {
        Attributes instance = new Attributes();
        instance.setString(Tag.SOPClassUID, VR.UI, UID.SecondaryCaptureImageStorage);
        instance.setString(Tag.SOPInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.1338.99.1");
        instance.setString(Tag.StudyInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.1338.99");
        instance.setString(Tag.PatientName, VR.PN, "DOE^JANE");
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        new DicomOutputStream(encoded).writeDataset(instance, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        listener.instances = List.of(new GatewayListener.Instance(UID.SecondaryCaptureImageStorage,
                "1.2.826.0.1.3680043.10.1338.99.1", encoded.toByteArray()));
        Path received = Files.createDirectories(directory.resolve("received"));
        adapter.endpointActivation(factory, spec);

        Dcmtk.Result get = Dcmtk.run(30, "getscu", "-v", "-S", "-aet", "MODALITY", "-aec", "HARMONY", "-od",
                received.toString(), "-k", "QueryRetrieveLevel=STUDY", "-k",
                "StudyInstanceUID=1.2.826.0.1.3680043.10.1338.99", "127.0.0.1", port(port));

        assertThat(get.status()).as(get.output()).isZero();
        assertThat(listener.subOperationStatuses).containsExactly(DimseStatus.SUCCESS);
        assertThat(Files.list(received)).singleElement().satisfies(file ->
                assertThat(file.getFileName().toString()).contains("1.2.826.0.1.3680043.10.1338.99.1"));
        assertThat(get.output()).contains("Received C-GET Response (Success)")
                .contains("Number of Completed Suboperations : 1").doesNotContain("Abort");
        assertEveryEndpointReleased(2);
    }

    @Test
    void aListenerThatThrowsIsAnswered0110AndItsEndpointStillReleased() throws Exception {
        listener.failing = true;
        adapter.endpointActivation(factory, spec);

        Dcmtk.Result echo = Dcmtk.run(30, "echoscu", "-v", "-aec", "HARMONY", "127.0.0.1", port(port));

        assertThat(echo.output()).contains("Received Echo Response (Unknown Status: 0x110)");
        assertEveryEndpointReleased(2);
    }

    @Test
    void aPortTakenByAnotherProcessIsReportedNotBoundAndBoundOnceFree() throws Exception {
        int second = freePort();
        Path config = write("two.toml", config("first", port).replace("[network.first.dicom]", """
                [network.second.dicom]
                bind_address = "127.0.0.1"
                bind_port = %d
                aet = "SECOND"
                [network.first.dicom]""".formatted(second)));
        DicomActivationSpec two = spec(config);
        try (ServerSocket taken = new ServerSocket(second, 1, InetAddress.getLoopbackAddress())) {
            adapter.endpointActivation(factory, two);

            assertThat(ListeningNetworks.snapshot()).containsEntry("first", ListeningNetworks.LISTENING)
                    .hasEntrySatisfying("second", state -> assertThat(state)
                            .startsWith("not bound: 127.0.0.1:" + second + ": ").contains("trying again every 5 s"));
            assertThat(Dcmtk.run(30, "echoscu", "-aec", "HARMONY", "127.0.0.1", port(port)).status())
                    .as("the other network serves meanwhile").isZero();
        }

        long deadline = System.nanoTime() + NetworkListener.RETRY.multipliedBy(3).toNanos();
        while (!ListeningNetworks.LISTENING.equals(ListeningNetworks.snapshot().get("second"))
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(ListeningNetworks.snapshot()).containsEntry("second", ListeningNetworks.LISTENING);
        Dcmtk.Result echo = Dcmtk.run(30, "echoscu", "-aec", "SECOND", "127.0.0.1", port(second));
        assertThat(echo.status()).as(echo.output()).isZero();
        assertThat(listener.associations).anySatisfy(association -> assertThat(association.network()).isEqualTo("second"));
    }

    @Test
    void aListenerStillWaitingForItsPortStopsTryingWhenDeactivated() throws Exception {
        try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            adapter.endpointActivation(factory, spec);
            assertThat(ListeningNetworks.snapshot().get("pacs")).startsWith("not bound: ");

            adapter.endpointDeactivation(factory, spec);
        }
        Thread.sleep(NetworkListener.RETRY.plusSeconds(1).toMillis());

        assertThat(ListeningNetworks.snapshot()).isEmpty();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void deactivationClosesTheListenerSoConnectionsAreRefused() throws Exception {
        adapter.endpointActivation(factory, spec);
        assertThat(Dcmtk.run(30, "echoscu", "-aec", "HARMONY", "127.0.0.1", port(port)).status()).isZero();

        adapter.endpointDeactivation(factory, spec);

        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void twoActivationsAreKeptApartAndEndSeparately() throws Exception {
        int otherPort = freePort();
        TestEndpointFactory other = new TestEndpointFactory(new GatewayListener());
        DicomActivationSpec otherSpec = spec(write("other.toml", config("other", otherPort)));
        adapter.endpointActivation(factory, spec);
        adapter.endpointActivation(other, otherSpec);

        adapter.endpointDeactivation(other, otherSpec);

        assertThat(Dcmtk.run(30, "echoscu", "-aec", "HARMONY", "127.0.0.1", port(port)).status()).isZero();
        assertThatThrownBy(() -> new Socket("127.0.0.1", otherPort).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void aWorkManagerThatRefusesWorkClosesTheConnection() throws Exception {
        adapter.endpointActivation(factory, spec);
        work.refuse();

        Dcmtk.Result echo = Dcmtk.run(30, "echoscu", "-aec", "HARMONY", "127.0.0.1", port(port));

        assertThat(echo.status()).isNotZero();
        assertThat(listener.associations).isEmpty();
    }

    @Test
    void anActivationWithoutAThreadFailsNamingThePortAndLeavesItFree() throws Exception {
        work.refuse();

        assertThatThrownBy(() -> adapter.endpointActivation(factory, spec)).isInstanceOf(ResourceException.class)
                .hasMessageContaining("127.0.0.1:" + port);
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void onlyItsOwnActivationSpecIsAccepted() {
        ActivationSpec foreign = new ActivationSpec() {
            private ResourceAdapter resourceAdapter;

            @Override
            public void validate() {
                // a spec of some other adapter
            }

            @Override
            public ResourceAdapter getResourceAdapter() {
                return resourceAdapter;
            }

            @Override
            public void setResourceAdapter(ResourceAdapter value) {
                resourceAdapter = value;
            }
        };

        assertThatThrownBy(() -> adapter.endpointActivation(factory, foreign)).isInstanceOf(NotSupportedException.class);
    }

    @Test
    void theConfigurationComesFromThePropertyOrTheEnvironmentWhenTheSpecNamesNone() throws Exception {
        DicomActivationSpec unnamed = new DicomActivationSpec();

        assertThat(unnamed.configFile(name -> "/from/property.toml", name -> "/from/env.toml"))
                .isEqualTo(Path.of("/from/property.toml"));
        assertThat(unnamed.configFile(name -> null, name -> "/from/env.toml")).isEqualTo(Path.of("/from/env.toml"));
        assertThatThrownBy(() -> unnamed.configFile(name -> null, name -> " "))
                .hasMessageContaining("harmony.config").hasMessageContaining("HARMONY_CONFIG");
    }

    private void assertEveryEndpointReleased(int deliveries) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (factory.released.get() < deliveries && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(factory.created).hasValue(deliveries);
        assertThat(factory.before).hasValue(deliveries);
        assertThat(factory.after).hasValue(deliveries);
        assertThat(factory.released).hasValue(deliveries);
    }

    private String config(String network, int listenPort) {
        return """
                [proxy]
                id = "rar-test"
                [network.%s.dicom]
                bind_address = "127.0.0.1"
                bind_port = %d
                aet = "HARMONY"
                """.formatted(network, listenPort);
    }

    private DicomActivationSpec spec(String toml) throws IOException {
        return spec(write("config-" + System.nanoTime() + ".toml", toml));
    }

    private static DicomActivationSpec spec(Path config) {
        DicomActivationSpec activation = new DicomActivationSpec();
        activation.setConfigPath(config.toString());
        return activation;
    }

    private Path write(String name, String toml) throws IOException {
        return Files.writeString(directory.resolve(name), toml);
    }

    private static String port(int port) {
        return String.valueOf(port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
