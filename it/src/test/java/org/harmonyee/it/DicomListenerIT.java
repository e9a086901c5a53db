package org.harmonyee.it;

import org.harmonyee.dicom.net.peers.Dcmtk;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DICOM listener of {@code [network.imaging.dicom]}, opened by the resource adapter and served
 * by the message-driven bean: on Payara Micro the RAR beside the WAR, on WildFly inside the EAR.
 * DCMTK's echoscu and findscu are the callers; behind the router pipeline, an archive of the
 * test's own is the PACS.
 */
@ExtendWith(ArquillianExtension.class)
class DicomListenerIT {

    private static final String AE_TITLE = "HARMONY_IT";

    @Deployment(testable = false)
    static Archive<?> gateway() {
        return Deployments.gateway();
    }

    @Test
    void echoscuIsAnsweredThroughTheAdapterAndTheBean() throws Exception {
        Dcmtk.Result echo = Dcmtk.run(60, "echoscu", "-v", "-aet", "IT_SCU", "-aec", AE_TITLE, "127.0.0.1", port());

        assertThat(echo.status()).as(echo.output()).isZero();
        assertThat(echo.output()).contains("Received Echo Response (Success)");
    }

    @Test
    void aCalledAeTitleThatIsNotTheListenersIsRejected() throws Exception {
        Dcmtk.Result echo = Dcmtk.run(60, "echoscu", "-aet", "IT_SCU", "-aec", "SOMEONE_ELSE", "127.0.0.1", port());

        assertThat(echo.status()).isNotZero();
        assertThat(echo.output()).contains("Rejected Permanent").contains("Called AE Title Not Recognized");
    }

    @Test
    void cFindIsAnsweredWithTheDocumentedFailureNotAHangOrAnAbort() throws Exception {
        Dcmtk.Result find = Dcmtk.run(60, "findscu", "-d", "-S", "-aet", "IT_SCU", "-aec", AE_TITLE,
                "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientName", "127.0.0.1", port());

        assertThat(find.output()).contains("Received Final Find Response")
                .contains("DIMSE Status                  : 0xc000: Failed: Unable to process")
                .contains("(0000,0902) LO [no pipeline serves C-FIND for HARMONY_IT]")
                .contains("Releasing Association").doesNotContain("Abort");
    }

    @Test
    void aCallerTheRouterDoesNotAcceptIsRejected() throws Exception {
        Dcmtk.Result echo = Dcmtk.run(60, "echoscu", "-aet", "INTRUDER", "-aec", "ROUTER_IT", "127.0.0.1", port());

        assertThat(echo.status()).isNotZero();
        assertThat(echo.output()).contains("Rejected Permanent").contains("Calling AE Title Not Recognized");
    }

    @Test
    void aPacsThatIsDownIsAFailureStatusWithTheReasonNotAHang() throws Exception {
        Dcmtk.Result find = Dcmtk.run(60, "findscu", "-d", "-S", "-aet", "IT_SCU", "-aec", "ROUTER_IT",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID", "127.0.0.1", port());

        assertThat(find.output()).contains("Received Final Find Response").contains("0xa701")
                .contains("unreachable").doesNotContain("Abort");
    }

    private static String port() {
        return String.valueOf(Gateway.port("IT_DICOM_PORT"));
    }
}
