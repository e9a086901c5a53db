package org.harmonyee.it;

import org.harmonyee.dicom.net.peers.Dcmtk;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.URI;

/**
 * A study of the test PACS reached through the gateway, for the tests that watch what an exchange
 * leaves behind (its trace, its audit record): the PACS ({@link TestPacs}) runs for the test class
 * (register with {@code @RegisterExtension static final RoutedStudy STUDY = new RoutedStudy();}),
 * and the study is searched over DICOMweb on the public network (pipeline {@code dicomweb}) or
 * found with DCMTK's findscu as {@value #CALLING_AE} on the DICOM router (pipeline
 * {@code dicom_router}).
 */
final class RoutedStudy implements BeforeAllCallback, AfterAllCallback {

    /** The calling AE title of {@link #find()}. */
    static final String CALLING_AE = "IT_SCU";
    /** The called AE title of the DICOM router (pipeline {@code dicom_router}). */
    static final String ROUTER_AE = "ROUTER_IT";

    private TestDataset.Instance instance;
    private TestPacs pacs;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        instance = TestDataset.instances().get(0);
        pacs = TestPacs.start(Gateway.port("IT_PACS_PORT"));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (pacs != null) {
            pacs.close();
        }
    }

    String studyInstanceUid() {
        return instance.studyInstanceUid();
    }

    /** QIDO-RS of the study's series through the gateway's DICOMweb pipeline. */
    URI seriesSearch() {
        return URI.create(Gateway.publicUrl() + "/dicom-web/studies/" + studyInstanceUid() + "/series");
    }

    /** A study-level C-FIND of the study through the gateway's DICOM router. */
    Dcmtk.Result find() throws Exception {
        return Dcmtk.run(60, "findscu", "-aet", CALLING_AE, "-aec", ROUTER_AE, "-S", "-k", "QueryRetrieveLevel=STUDY",
                "-k", "StudyInstanceUID=" + studyInstanceUid(), "127.0.0.1",
                Integer.toString(Gateway.port("IT_DICOM_PORT")));
    }
}
