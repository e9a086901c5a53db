package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.io.FileMetaInformation;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.association.AcceptorConfig;
import org.harmonyee.dicom.net.association.Association;
import org.harmonyee.dicom.net.association.AssociationAcceptor;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.association.DataWriter;
import org.harmonyee.dicom.net.dimse.Command;
import org.harmonyee.dicom.net.dimse.CommandField;
import org.harmonyee.dicom.net.dimse.Priority;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.peers.DataSetBytes;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.net.pdu.PresentationContext;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our SCP refuses a request whose Affected SOP Class UID is not the abstract syntax of its
 * presentation context with 0122 and an ErrorComment naming both UIDs, drains its data set unread,
 * and keeps the association: the next, correct request on it succeeds. The requests are sent
 * through the association itself, since our SCU never sends such a command.
 */
class AffectedSopClassTest {

    @TempDir
    Path directory;
    private TestThreads threads;
    private AssociationAcceptor acceptor;
    private ScuAssociation scu;
    private TestDataset.Instance instance;

    @BeforeEach
    void start() throws Exception {
        threads = new TestThreads("sop-class-test");
        instance = TestDataset.instances().stream().max(Comparator.comparingLong(i -> size(i.file()))).orElseThrow();
        DicomClient client = new DicomClient("HARMONY", AssociationSettings.DEFAULT, threads.executor(), null);
        QueryRetrieveScp queryRetrieve = new QueryRetrieveScp(threads.executor())
                .find((context, identifier, matches) -> matches.send(identifier))
                .get((context, identifier) -> List.of())
                .move((context, identifier) -> List.of(), client, new AeTable(Map.of()));
        DimseServiceRouter router = new DimseServiceRouter(queryRetrieve).store(new DirectoryStorage(directory));
        acceptor = new AssociationAcceptor(AcceptorConfig.loopback("HARMONY"), router, threads.executor()).start();
        Proposal proposal = Proposal.verification()
                .add(instance.sopClassUid(), instance.transferSyntaxUid())
                .add(UID.StudyRootQueryRetrieveInformationModelFind, UID.ExplicitVRLittleEndian)
                .add(UID.StudyRootQueryRetrieveInformationModelGet, UID.ExplicitVRLittleEndian)
                .add(UID.StudyRootQueryRetrieveInformationModelMove, UID.ExplicitVRLittleEndian);
        scu = client.open(RemoteAE.plain("HARMONY", "127.0.0.1", acceptor.port()), proposal);
    }

    @AfterEach
    void stop() throws InterruptedException {
        scu.close();
        acceptor.close();
        threads.close();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aStoreOfAnotherSopClassIsRefusedUnreadAndTheAssociationGoesOn() throws Exception {
        String other = instance.sopClassUid().equals(UID.MRImageStorage) ? UID.CTImageStorage : UID.MRImageStorage;
        PresentationContext context = context(instance.sopClassUid());
        Command store = Command.cStoreRQ(association().nextMessageId(), other, instance.sopInstanceUid(), Priority.MEDIUM);
        Command refused = send(context, store, dataSetOf(instance.file()));

        assertRefused(refused, other, instance.sopClassUid());
        assertThat(refused.affectedSopInstanceUid()).isEqualTo(instance.sopInstanceUid());
        try (var files = Files.list(directory)) {
            assertThat(files).as("nothing stored, not even a partial file").isEmpty();
        }
        assertThat(scu.store(instance.file())).as("a correct C-STORE on the same association").isZero();
        assertThat(DataSetBytes.mismatch(instance.file(), directory.resolve(instance.sopInstanceUid() + ".dcm")))
                .isEqualTo(-1);
    }

    @Test
    void anEchoOnAStorageContextAndAStorageClassOnTheVerificationContextAreRefused() throws Exception {
        Command onStorage = send(context(instance.sopClassUid()),
                Command.cEchoRQ(association().nextMessageId(), UID.Verification), null);
        assertRefused(onStorage, UID.Verification, instance.sopClassUid());

        Command onVerification = send(context(UID.Verification),
                Command.cEchoRQ(association().nextMessageId(), instance.sopClassUid()), null);
        assertRefused(onVerification, instance.sopClassUid(), UID.Verification);
        assertThat(scu.echo()).isZero();
    }

    @Test
    void queryRetrieveRequestsForAnotherModelAreRefused() throws Exception {
        Attributes keys = Keys.level("STUDY").uid(Tag.StudyInstanceUID, instance.studyInstanceUid()).build();
        DataWriter identifier = DataSets.writer(keys, UID.ExplicitVRLittleEndian);
        Map<Integer, String[]> cases = Map.of(
                CommandField.C_FIND_RQ, new String[] {UID.StudyRootQueryRetrieveInformationModelFind,
                        UID.PatientRootQueryRetrieveInformationModelFind},
                CommandField.C_GET_RQ, new String[] {UID.StudyRootQueryRetrieveInformationModelGet,
                        UID.StudyRootQueryRetrieveInformationModelFind},
                CommandField.C_MOVE_RQ, new String[] {UID.StudyRootQueryRetrieveInformationModelMove,
                        UID.StudyRootQueryRetrieveInformationModelGet});
        for (Map.Entry<Integer, String[]> entry : cases.entrySet()) {
            String negotiated = entry.getValue()[0];
            String named = entry.getValue()[1];
            Command request = Command.queryRetrieveRQ(entry.getKey(), association().nextMessageId(), named,
                    Priority.MEDIUM);
            if (entry.getKey() == CommandField.C_MOVE_RQ) {
                request.setString(Tag.MoveDestination, VR.AE, "NOWHERE");
            }
            assertRefused(send(context(negotiated), request, identifier), named, negotiated);
        }
        assertThat(scu.find(UID.StudyRootQueryRetrieveInformationModelFind, keys)).as("a correct C-FIND").hasSize(1);
    }

    @Test
    void theCommentNamesBothUidsWithinSixtyFourCharacters() {
        String longUid = "1.2.826.0.1.3680043.8.498.12345678901234567890123456789012345678";
        assertThat(AffectedSopClassCheck.comment(UID.Verification, 1, UID.CTImageStorage))
                .isEqualTo(UID.Verification + " on context 1 of " + UID.CTImageStorage);
        assertThat(AffectedSopClassCheck.comment(UID.MRImageStorage, 3, UID.CTImageStorage))
                .isEqualTo(UID.MRImageStorage + ", context 3: " + UID.CTImageStorage).hasSizeLessThanOrEqualTo(64);
        assertThat(AffectedSopClassCheck.comment(null, 3, UID.CTImageStorage)).startsWith("no SOP Class");
        assertThat(AffectedSopClassCheck.comment(longUid, 3, UID.CTImageStorage)).startsWith(longUid + " != ");
    }

    private Association association() {
        return scu.association();
    }

    private PresentationContext context(String abstractSyntax) {
        PresentationContext context = association().acceptedContext(abstractSyntax, null);
        assertThat(context).as("accepted context for " + abstractSyntax).isNotNull();
        return context;
    }

    private Command send(PresentationContext context, Command request, DataWriter dataSet) throws IOException {
        FinalResponse response = new FinalResponse();
        association().invoke(context.id(), request, dataSet, response);
        return response.await();
    }

    private static DataWriter dataSetOf(Path file) throws IOException {
        long dataSetOffset = FileMetaInformation.read(file).dataSetOffset();
        return out -> {
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(dataSetOffset);
                in.transferTo(out);
            }
        };
    }

    private void assertRefused(Command response, String affected, String abstractSyntax) {
        assertThat(response.status()).as(response.errorComment()).isEqualTo(Status.SOP_CLASS_NOT_SUPPORTED);
        assertThat(response.errorComment()).contains(affected).contains(abstractSyntax).hasSizeLessThanOrEqualTo(64);
        assertThat(scu.isOpen()).isTrue();
    }
}
