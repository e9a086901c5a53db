package org.harmonyee.services.dicomweb;

import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.peers.Dcmqrscp;
import org.harmonyee.dicom.net.peers.LoadedDcmqrscp;
import org.harmonyee.dicom.net.peers.Orthanc;
import org.harmonyee.dicom.net.service.DicomClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * A test class's PACS with the gateway's DICOMweb bridge in front of it ({@link DicomWebGateway}),
 * started in the class's folder and closed together: the gateway, then the PACS, then the threads.
 *
 * @param <P> the PACS: dcmqrscp or Orthanc
 */
final class BridgedPacs<P extends AutoCloseable> implements AutoCloseable {

    private final TestThreads threads;
    private final P pacs;
    private final DicomWebGateway gateway;

    private BridgedPacs(TestThreads threads, P pacs, DicomWebGateway gateway) {
        this.threads = threads;
        this.pacs = pacs;
        this.gateway = gateway;
    }

    /** dcmqrscp holding the test dataset (JPEG accepted as stored), the bridge with these options. */
    static BridgedPacs<Dcmqrscp> loadedDcmqrscp(Path directory, String bridgeOptions) throws Exception {
        TestThreads threads = new TestThreads("dicomweb-" + directory.getFileName());
        DicomClient loader = new DicomClient("LOADER", AssociationSettings.DEFAULT, threads.executor(), null);
        Dcmqrscp qr = LoadedDcmqrscp.start(Files.createDirectories(directory.resolve("qr")), loader, Map.of(), "-xy");
        return bridge(directory, threads, qr, Dcmqrscp.AE_TITLE, Dcmqrscp::port, bridgeOptions);
    }

    /** An empty dcmqrscp, for what is stored through the bridge. */
    static BridgedPacs<Dcmqrscp> emptyDcmqrscp(Path directory) throws Exception {
        Dcmqrscp qr = Dcmqrscp.start(Files.createDirectories(directory.resolve("qr")), Map.of());
        return bridge(directory, new TestThreads("dicomweb-" + directory.getFileName()), qr, Dcmqrscp.AE_TITLE,
                Dcmqrscp::port, "");
    }

    /** An empty Orthanc with its own DICOMweb plugin, allowing the gateway ({@code HARMONY}) to retrieve. */
    static BridgedPacs<Orthanc> orthanc(Path directory) throws Exception {
        Orthanc orthanc = Orthanc.startWithDicomWeb(Files.createDirectories(directory.resolve("orthanc")),
                Map.of("HARMONY", 104));
        return bridge(directory, new TestThreads("dicomweb-" + directory.getFileName()), orthanc, Orthanc.AE_TITLE,
                Orthanc::port, "");
    }

    private static <P extends AutoCloseable> BridgedPacs<P> bridge(Path directory, TestThreads threads, P pacs,
                                                                    String aet, ToIntFunction<P> port,
                                                                    String bridgeOptions) throws IOException {
        return new BridgedPacs<>(threads, pacs, new DicomWebGateway(Files.createDirectories(directory.resolve("gateway")),
                threads.executor(), aet, port.applyAsInt(pacs), bridgeOptions));
    }

    TestThreads threads() {
        return threads;
    }

    P pacs() {
        return pacs;
    }

    DicomWebGateway gateway() {
        return gateway;
    }

    @Override
    public void close() throws Exception {
        gateway.close();
        pacs.close();
        threads.close();
    }
}
