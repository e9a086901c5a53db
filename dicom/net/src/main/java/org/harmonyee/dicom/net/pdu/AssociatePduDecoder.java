package org.harmonyee.dicom.net.pdu;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes the variable part of A-ASSOCIATE-RQ and -AC PDUs. Every length is checked against what
 * remains of its enclosing item; a violation is a {@link PduException} (invalid PDU parameter
 * value). Items and sub-items of unknown type are skipped, as PS3.8 9.3.1 asks.
 */
public final class AssociatePduDecoder {

    private final byte[] bytes;
    private int position;

    private AssociatePduDecoder(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Decodes the body (everything after the 6-byte PDU header) of an A-ASSOCIATE-RQ. */
    public static AAssociateRQ decodeRQ(byte[] body) throws PduException {
        AAssociateRQ rq = new AAssociateRQ();
        decode(body, rq);
        return rq;
    }

    public static AAssociateAC decodeAC(byte[] body) throws PduException {
        AAssociateAC ac = new AAssociateAC();
        decode(body, ac);
        return ac;
    }

    /** A value the model refuses (a presentation context id used twice ...) is an invalid parameter too. */
    private static void decode(byte[] body, AAssociate pdu) throws PduException {
        try {
            new AssociatePduDecoder(body).decode(pdu);
        } catch (IllegalArgumentException e) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, e.getMessage());
        }
    }

    private void decode(AAssociate pdu) throws PduException {
        need(68, "the fixed fields");
        int version = u16();
        if ((version & 1) == 0) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "protocol version " + version + " lacks version 1");
        }
        position += 2;
        pdu.calledAETitle(aeTitle("called AE title"));
        pdu.callingAETitle(aeTitle("calling AE title"));
        position += 32;
        boolean applicationContext = false;
        while (position < bytes.length) {
            need(4, "an item header");
            int type = u8();
            position++;
            int length = u16();
            int end = need(length, "item " + Integer.toHexString(type) + "H");
            switch (type) {
                case PduType.APPLICATION_CONTEXT -> {
                    pdu.applicationContext(uid(length));
                    applicationContext = true;
                }
                case PduType.PRESENTATION_CONTEXT_RQ, PduType.PRESENTATION_CONTEXT_AC ->
                        presentationContext(pdu, type, end);
                case PduType.USER_INFORMATION -> userInformation(pdu, end);
                default -> {
                    // unknown item types are ignored (PS3.8 9.3.1)
                }
            }
            position = end;
        }
        if (!applicationContext) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "no application context item");
        }
    }

    private void presentationContext(AAssociate pdu, int type, int end) throws PduException {
        boolean rq = pdu instanceof AAssociateRQ;
        if (rq != (type == PduType.PRESENTATION_CONTEXT_RQ)) {
            throw new PduException(AAbort.UNEXPECTED_PDU_PARAMETER, "presentation context item " + Integer.toHexString(type)
                    + "H in an " + (rq ? "A-ASSOCIATE-RQ" : "A-ASSOCIATE-AC"));
        }
        need(4, "a presentation context");
        int id = u8();
        position++;
        int result = u8();
        position++;
        String abstractSyntax = null;
        List<String> transferSyntaxes = new ArrayList<>();
        while (position < end) {
            need(4, "a sub-item header");
            int subType = u8();
            position++;
            int length = u16();
            if (position + length > end) {
                throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "a sub-item overruns presentation context " + id);
            }
            int subEnd = position + length;
            if (subType == PduType.ABSTRACT_SYNTAX) {
                abstractSyntax = uid(length);
            } else if (subType == PduType.TRANSFER_SYNTAX) {
                String ts = uid(length);
                if (!ts.isEmpty()) {
                    transferSyntaxes.add(ts);
                }
            }
            position = subEnd;
        }
        if (id < 1 || (id & 1) == 0) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "presentation context id " + id + " is not odd");
        }
        if (rq && (abstractSyntax == null || transferSyntaxes.isEmpty())) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "presentation context " + id
                    + " lacks an abstract syntax or a transfer syntax");
        }
        pdu.addPresentationContext(new PresentationContext(id, rq ? 0 : result, abstractSyntax,
                rq || result == 0 ? transferSyntaxes : List.of()));
    }

    private void userInformation(AAssociate pdu, int end) throws PduException {
        while (position < end) {
            need(4, "a user information sub-item header");
            int type = u8();
            position++;
            int length = u16();
            if (position + length > end) {
                throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "user information sub-item "
                        + Integer.toHexString(type) + "H overruns its item");
            }
            int subEnd = position + length;
            switch (type) {
                case PduType.MAXIMUM_LENGTH -> pdu.maxLength(u32(length));
                case PduType.IMPLEMENTATION_CLASS_UID -> pdu.implementationClassUid(uid(length));
                case PduType.IMPLEMENTATION_VERSION_NAME -> pdu.implementationVersionName(text(length).strip());
                case PduType.ASYNC_OPERATIONS_WINDOW -> {
                    need(4, "the asynchronous operations window");
                    pdu.asyncOperationsWindow(u16(), u16());
                }
                case PduType.ROLE_SELECTION -> {
                    String uid = uid(prefix(subEnd));
                    need(2, "the role selection");
                    pdu.addRoleSelection(new RoleSelection(uid, u8() == 1, u8() == 1));
                }
                case PduType.EXTENDED_NEGOTIATION -> {
                    String uid = uid(prefix(subEnd));
                    pdu.addExtendedNegotiation(new ExtendedNegotiation(uid, slice(subEnd - position)));
                }
                case PduType.COMMON_EXTENDED_NEGOTIATION -> commonExtendedNegotiation(pdu, subEnd);
                case PduType.USER_IDENTITY_RQ -> userIdentity(pdu, subEnd);
                case PduType.USER_IDENTITY_AC -> {
                    if (pdu instanceof AAssociateAC ac) {
                        ac.userIdentityServerResponse(slice(prefix(subEnd)));
                    }
                }
                default -> position = subEnd;
            }
            if (position > subEnd) {
                throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "user information sub-item "
                        + Integer.toHexString(type) + "H is shorter than its fields");
            }
            position = subEnd;
        }
    }

    private void commonExtendedNegotiation(AAssociate pdu, int end) throws PduException {
        String sopClass = uid(prefix(end));
        String serviceClass = uid(prefix(end));
        int relatedLength = prefix(end);
        int relatedEnd = position + relatedLength;
        List<String> related = new ArrayList<>();
        while (position < relatedEnd) {
            related.add(uid(prefix(relatedEnd)));
        }
        if (pdu instanceof AAssociateRQ rq) {
            rq.addCommonExtendedNegotiation(new CommonExtendedNegotiation(sopClass, serviceClass, related));
        }
    }

    private void userIdentity(AAssociate pdu, int end) throws PduException {
        need(2, "the user identity");
        int type = u8();
        boolean positive = u8() == 1;
        byte[] primary = slice(prefix(end));
        byte[] secondary = slice(prefix(end));
        if (pdu instanceof AAssociateRQ rq) {
            rq.userIdentity(new UserIdentity(type, positive, primary, secondary));
        }
    }

    /** Reads a 2-byte length that must fit before {@code end}. */
    private int prefix(int end) throws PduException {
        need(2, "a length");
        int length = u16();
        if (position + length > end) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "a field of " + length + " bytes overruns its sub-item");
        }
        return length;
    }

    /** Checks that {@code count} bytes remain and returns where they end. */
    private int need(int count, String what) throws PduException {
        if (count < 0 || count > bytes.length - position) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "truncated: " + what + " overruns the PDU");
        }
        return position + count;
    }

    private int u8() {
        return bytes[position++] & 0xFF;
    }

    private int u16() {
        return (u8() << 8) | u8();
    }

    private long u32(int length) throws PduException {
        need(4, "a 32-bit value");
        if (length != 4) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "a maximum length sub-item of " + length + " bytes");
        }
        return ((long) u16() << 16) | u16();
    }

    private byte[] slice(int length) throws PduException {
        int end = need(length, "a value");
        byte[] value = Arrays.copyOfRange(bytes, position, end);
        position = end;
        return value;
    }

    private String text(int length) throws PduException {
        return new String(slice(length), StandardCharsets.US_ASCII);
    }

    /** A UID: trailing NUL or space padding, which some implementations send, is dropped. */
    private String uid(int length) throws PduException {
        String value = text(length);
        int end = value.length();
        while (end > 0 && (value.charAt(end - 1) == 0 || value.charAt(end - 1) == ' ')) {
            end--;
        }
        return value.substring(0, end);
    }

    private String aeTitle(String what) throws PduException {
        String title = text(16).strip();
        if (title.isEmpty()) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "the " + what + " is blank");
        }
        return title;
    }
}
