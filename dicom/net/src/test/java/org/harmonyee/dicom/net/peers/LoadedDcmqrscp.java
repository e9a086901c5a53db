package org.harmonyee.dicom.net.peers;

import org.harmonyee.dicom.net.service.DicomClient;
import org.harmonyee.dicom.net.service.Proposal;
import org.harmonyee.dicom.net.service.RemoteAE;
import org.harmonyee.dicom.net.service.ScuAssociation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A dcmqrscp loaded with the whole synthetic dataset, by our own C-STORE SCU, each file in its own syntax. */
public final class LoadedDcmqrscp {

    private LoadedDcmqrscp() {
    }

    public static Dcmqrscp start(Path directory, DicomClient client, Map<String, Integer> moveDestinations,
                                 String... options) throws Exception {
        Dcmqrscp qr = Dcmqrscp.start(directory, moveDestinations, options);
        try {
            List<Path> files = TestDataset.instances().stream().map(TestDataset.Instance::file).toList();
            RemoteAE remote = RemoteAE.plain(Dcmqrscp.AE_TITLE, "127.0.0.1", qr.port());
            try (ScuAssociation association = client.open(remote, Proposal.storage(files))) {
                for (Path file : files) {
                    int status = association.store(file);
                    if (status != 0) {
                        throw new IllegalStateException("dcmqrscp answered " + Integer.toHexString(status) + " to " + file);
                    }
                }
            }
            return qr;
        } catch (Exception | Error e) {
            qr.close();
            throw e;
        }
    }

    public static RemoteAE remote(Dcmqrscp qr) {
        return RemoteAE.plain(Dcmqrscp.AE_TITLE, "127.0.0.1", qr.port());
    }
}
