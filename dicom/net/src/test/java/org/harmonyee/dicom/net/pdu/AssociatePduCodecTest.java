package org.harmonyee.dicom.net.pdu;

import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every item of A-ASSOCIATE-RQ/AC survives encode-decode; broken lengths are PduExceptions. */
class AssociatePduCodecTest {

    @Test
    void aRequestWithEveryItemRoundTrips() throws PduException {
        AAssociateRQ rq = new AAssociateRQ();
        rq.callingAETitle("HARMONY");
        rq.calledAETitle("DCMQRSCP");
        rq.maxLength(16384);
        rq.implementationClassUid("1.2.826.0.1.3680043.10.1338.1");
        rq.implementationVersionName("HARMONY_EE_01");
        rq.asyncOperationsWindow(5, 3);
        rq.addPresentationContext(PresentationContext.proposed(1, UID.Verification, List.of(UID.ImplicitVRLittleEndian)));
        rq.addPresentationContext(PresentationContext.proposed(3, UID.CTImageStorage,
                List.of(UID.ExplicitVRLittleEndian, UID.JPEGBaseline8Bit)));
        rq.addRoleSelection(new RoleSelection(UID.CTImageStorage, false, true));
        rq.addExtendedNegotiation(new ExtendedNegotiation(UID.StudyRootQueryRetrieveInformationModelFind, new byte[] {1, 1, 0}));
        rq.addCommonExtendedNegotiation(new CommonExtendedNegotiation(UID.CTImageStorage, "1.2.840.10008.4.2",
                List.of(UID.EnhancedCTImageStorage)));
        rq.userIdentity(new UserIdentity(UserIdentity.USERNAME_AND_PASSCODE, true,
                "alice".getBytes(StandardCharsets.UTF_8), "secret".getBytes(StandardCharsets.UTF_8)));

        byte[] pdu = AssociatePduEncoder.encode(rq);
        assertThat(pdu[0]).isEqualTo((byte) PduType.A_ASSOCIATE_RQ);
        AAssociateRQ decoded = AssociatePduDecoder.decodeRQ(Arrays.copyOfRange(pdu, 6, pdu.length));

        assertThat(decoded.callingAETitle()).isEqualTo("HARMONY");
        assertThat(decoded.calledAETitle()).isEqualTo("DCMQRSCP");
        assertThat(decoded.maxLength()).isEqualTo(16384);
        assertThat(decoded.implementationVersionName()).isEqualTo("HARMONY_EE_01");
        assertThat(decoded.maxOperationsInvoked()).isEqualTo(5);
        assertThat(decoded.maxOperationsPerformed()).isEqualTo(3);
        assertThat(decoded.presentationContexts()).containsExactlyElementsOf(rq.presentationContexts());
        assertThat(decoded.roleSelection(UID.CTImageStorage)).isEqualTo(new RoleSelection(UID.CTImageStorage, false, true));
        assertThat(decoded.extendedNegotiation(UID.StudyRootQueryRetrieveInformationModelFind).applicationInformation())
                .containsExactly(1, 1, 0);
        assertThat(decoded.commonExtendedNegotiations()).containsExactlyElementsOf(rq.commonExtendedNegotiations());
        assertThat(decoded.userIdentity().primaryField()).asString().isEqualTo("alice");
        assertThat(decoded.userIdentity().secondaryField()).asString().isEqualTo("secret");
        assertThat(decoded.userIdentity().positiveResponseRequested()).isTrue();
        assertThat(decoded.userIdentity().toString()).doesNotContain("secret");
    }

    @Test
    void anAcceptRoundTrips() throws PduException {
        AAssociateAC ac = new AAssociateAC();
        ac.callingAETitle("HARMONY");
        ac.calledAETitle("PACS");
        ac.maxLength(0);
        ac.implementationClassUid("1.2.3");
        ac.addPresentationContext(PresentationContext.accepted(1, UID.ExplicitVRLittleEndian));
        ac.addPresentationContext(PresentationContext.refused(3, PresentationContext.ABSTRACT_SYNTAX_NOT_SUPPORTED));
        ac.userIdentityServerResponse(new byte[] {9, 8});

        byte[] pdu = AssociatePduEncoder.encode(ac);
        AAssociateAC decoded = AssociatePduDecoder.decodeAC(Arrays.copyOfRange(pdu, 6, pdu.length));

        assertThat(decoded.presentationContext(1).transferSyntax()).isEqualTo(UID.ExplicitVRLittleEndian);
        assertThat(decoded.presentationContext(3).result()).isEqualTo(PresentationContext.ABSTRACT_SYNTAX_NOT_SUPPORTED);
        assertThat(decoded.presentationContext(3).isAccepted()).isFalse();
        assertThat(decoded.userIdentityServerResponse()).containsExactly(9, 8);
        assertThat(decoded.implementationVersionName()).isNull();
    }

    @Test
    void everyTruncationIsAPduException() {
        AAssociateRQ rq = new AAssociateRQ();
        rq.callingAETitle("A");
        rq.calledAETitle("B");
        rq.implementationClassUid("1.2.3");
        rq.addPresentationContext(PresentationContext.proposed(1, UID.Verification, List.of(UID.ImplicitVRLittleEndian)));
        rq.addRoleSelection(new RoleSelection(UID.Verification, true, false));
        byte[] body = Arrays.copyOfRange(AssociatePduEncoder.encode(rq), 6, AssociatePduEncoder.encode(rq).length);
        for (int length = 0; length < body.length; length++) {
            byte[] cut = Arrays.copyOf(body, length);
            try {
                AssociatePduDecoder.decodeRQ(cut);
            } catch (PduException expected) {
                continue;
            } catch (RuntimeException e) {
                throw new AssertionError("length " + length + ": " + e, e);
            }
            assertThat(length).as("a cut that still decodes ends between items").isGreaterThan(68);
        }
    }

    @Test
    void aBlankAETitleIsInvalid() {
        AAssociateRQ rq = new AAssociateRQ();
        rq.callingAETitle("A");
        rq.calledAETitle("B");
        byte[] pdu = AssociatePduEncoder.encode(rq);
        Arrays.fill(pdu, 10, 26, (byte) ' ');
        assertThatThrownBy(() -> AssociatePduDecoder.decodeRQ(Arrays.copyOfRange(pdu, 6, pdu.length)))
                .isInstanceOf(PduException.class).hasMessageContaining("called AE title");
    }
}
