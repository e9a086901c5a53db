package org.harmonyee.dicom.tool;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.association.AcceptorConfig;
import org.harmonyee.dicom.net.association.AssociationAcceptor;
import org.harmonyee.dicom.net.service.DimseServiceRouter;
import org.harmonyee.dicom.net.service.QueryRetrieveScp;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code find --cancel-after N} against an SCP whose matches never end (one every 10 ms, up to a
 * thousand): the command prints N matches and reports the SCP's FE00, and the SCP saw the C-CANCEL.
 */
class FindCancelCommandTest {

    @Test
    void cancelAfterTwoMatchesEndsTheFindWithFe00() throws Exception {
        AtomicBoolean cancelled = new AtomicBoolean();
        try (TestThreads threads = new TestThreads("find-cancel")) {
            QueryRetrieveScp scp = new QueryRetrieveScp(threads.executor()).find((context, identifier, matches) -> {
                for (int i = 1; i <= 1000; i++) {
                    Attributes match = new Attributes();
                    match.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
                    match.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3." + i);
                    if (!matches.send(match)) {
                        cancelled.set(true);
                        return;
                    }
                    sleep();
                }
            });
            try (AssociationAcceptor acceptor = new AssociationAcceptor(AcceptorConfig.loopback("ENDLESS"),
                    new DimseServiceRouter(scp), threads.executor()).start()) {
                ToolRun run = ToolRun.run("find", "-aec", "ENDLESS", "--cancel-after", "2", "-k", "StudyInstanceUID",
                        "127.0.0.1", Integer.toString(acceptor.port()));
                assertThat(run.status()).as(run.err()).isZero();
                assertThat(run.out()).contains("[1.2.3.1]", "[1.2.3.2]").doesNotContain("[1.2.3.3]")
                        .endsWith(": 2 matches, status FE00 (cancelled)\n");
                TestThreads.awaitNoAssociation(acceptor);
            }
        }
        assertThat(cancelled).as("the handler saw the cancel").isTrue();
    }

    @Test
    void aCountBelowOneIsAUsageError() {
        ToolRun run = ToolRun.run("find", "--cancel-after", "0", "127.0.0.1", "104");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--cancel-after: expected a number (1 or more), got '0'");
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
