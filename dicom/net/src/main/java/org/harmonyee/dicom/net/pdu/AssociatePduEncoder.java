package org.harmonyee.dicom.net.pdu;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Encodes A-ASSOCIATE-RQ and -AC PDUs (small, so built in memory), PS3.8 9.3.2-9.3.3 and PS3.7 D.3.3. */
public final class AssociatePduEncoder {

    private AssociatePduEncoder() {
    }

    public static byte[] encode(AAssociateRQ rq) {
        Bytes body = header(rq);
        for (PresentationContext pc : rq.presentationContexts()) {
            Bytes item = new Bytes();
            item.u8(pc.id()).u8(0).u8(0).u8(0);
            item.item(PduType.ABSTRACT_SYNTAX, ascii(pc.abstractSyntax()));
            for (String ts : pc.transferSyntaxes()) {
                item.item(PduType.TRANSFER_SYNTAX, ascii(ts));
            }
            body.item(PduType.PRESENTATION_CONTEXT_RQ, item.toByteArray());
        }
        Bytes user = userInformation(rq);
        for (CommonExtendedNegotiation cen : rq.commonExtendedNegotiations()) {
            Bytes item = new Bytes();
            item.u16Prefixed(ascii(cen.sopClassUid())).u16Prefixed(ascii(cen.serviceClassUid()));
            Bytes related = new Bytes();
            for (String uid : cen.relatedGeneralSopClassUids()) {
                related.u16Prefixed(ascii(uid));
            }
            item.u16Prefixed(related.toByteArray());
            user.item(PduType.COMMON_EXTENDED_NEGOTIATION, item.toByteArray());
        }
        UserIdentity identity = rq.userIdentity();
        if (identity != null) {
            Bytes item = new Bytes();
            item.u8(identity.type()).u8(identity.positiveResponseRequested() ? 1 : 0);
            item.u16Prefixed(identity.primaryField()).u16Prefixed(identity.secondaryField());
            user.item(PduType.USER_IDENTITY_RQ, item.toByteArray());
        }
        body.item(PduType.USER_INFORMATION, user.toByteArray());
        return pdu(PduType.A_ASSOCIATE_RQ, body.toByteArray());
    }

    public static byte[] encode(AAssociateAC ac) {
        Bytes body = header(ac);
        for (PresentationContext pc : ac.presentationContexts()) {
            Bytes item = new Bytes();
            item.u8(pc.id()).u8(0).u8(pc.result()).u8(0);
            item.item(PduType.TRANSFER_SYNTAX, ascii(pc.isAccepted() ? pc.transferSyntax() : ""));
            body.item(PduType.PRESENTATION_CONTEXT_AC, item.toByteArray());
        }
        Bytes user = userInformation(ac);
        if (ac.userIdentityServerResponse() != null) {
            user.item(PduType.USER_IDENTITY_AC, new Bytes().u16Prefixed(ac.userIdentityServerResponse()).toByteArray());
        }
        body.item(PduType.USER_INFORMATION, user.toByteArray());
        return pdu(PduType.A_ASSOCIATE_AC, body.toByteArray());
    }

    /** A fixed-size PDU: A-ASSOCIATE-RJ, A-RELEASE-RQ/RP or A-ABORT. */
    public static byte[] encode(int type, int b1, int b2, int b3) {
        return pdu(type, new byte[] {0, (byte) b1, (byte) b2, (byte) b3});
    }

    public static byte[] encode(AAssociateRJ rj) {
        return encode(PduType.A_ASSOCIATE_RJ, rj.result(), rj.source(), rj.reason());
    }

    public static byte[] encode(AAbort abort) {
        return encode(PduType.A_ABORT, 0, abort.source(), abort.reason());
    }

    private static Bytes header(AAssociate pdu) {
        Bytes body = new Bytes();
        body.u16(1).u16(0).raw(aeTitle(pdu.calledAETitle())).raw(aeTitle(pdu.callingAETitle())).raw(new byte[32]);
        body.item(PduType.APPLICATION_CONTEXT, ascii(pdu.applicationContext()));
        return body;
    }

    private static Bytes userInformation(AAssociate pdu) {
        Bytes user = new Bytes();
        user.item(PduType.MAXIMUM_LENGTH, new Bytes().u32(pdu.maxLength()).toByteArray());
        user.item(PduType.IMPLEMENTATION_CLASS_UID, ascii(pdu.implementationClassUid()));
        if (pdu.hasAsyncOperationsWindow()) {
            user.item(PduType.ASYNC_OPERATIONS_WINDOW,
                    new Bytes().u16(pdu.maxOperationsInvoked()).u16(pdu.maxOperationsPerformed()).toByteArray());
        }
        for (RoleSelection role : pdu.roleSelections()) {
            user.item(PduType.ROLE_SELECTION, new Bytes().u16Prefixed(ascii(role.sopClassUid()))
                    .u8(role.scuRole() ? 1 : 0).u8(role.scpRole() ? 1 : 0).toByteArray());
        }
        if (pdu.implementationVersionName() != null) {
            user.item(PduType.IMPLEMENTATION_VERSION_NAME, ascii(pdu.implementationVersionName()));
        }
        for (ExtendedNegotiation ext : pdu.extendedNegotiations()) {
            user.item(PduType.EXTENDED_NEGOTIATION, new Bytes().u16Prefixed(ascii(ext.sopClassUid()))
                    .raw(ext.applicationInformation()).toByteArray());
        }
        return user;
    }

    private static byte[] pdu(int type, byte[] body) {
        return new Bytes().u8(type).u8(0).u32(body.length).raw(body).toByteArray();
    }

    private static byte[] aeTitle(String title) {
        byte[] field = new byte[16];
        Arrays.fill(field, (byte) ' ');
        byte[] text = ascii(title);
        System.arraycopy(text, 0, field, 0, Math.min(16, text.length));
        return field;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A big-endian byte builder. */
    private static final class Bytes extends ByteArrayOutputStream {

        Bytes u8(int value) {
            write(value);
            return this;
        }

        Bytes u16(int value) {
            write(value >>> 8);
            write(value);
            return this;
        }

        Bytes u32(long value) {
            return u16((int) (value >>> 16) & 0xFFFF).u16((int) value & 0xFFFF);
        }

        Bytes raw(byte[] bytes) {
            writeBytes(bytes);
            return this;
        }

        Bytes u16Prefixed(byte[] bytes) {
            return u16(bytes.length).raw(bytes);
        }

        Bytes item(int type, byte[] value) {
            return u8(type).u8(0).u16Prefixed(value);
        }
    }
}
