package org.harmonyee.dicom.net.pdu;

import java.util.List;

/**
 * A presentation context: in an A-ASSOCIATE-RQ an abstract syntax with the transfer syntaxes
 * proposed for it (result unused, 0); in an A-ASSOCIATE-AC the result and, when accepted, the
 * one transfer syntax chosen (abstract syntax null: the AC does not repeat it).
 */
public record PresentationContext(int id, int result, String abstractSyntax, List<String> transferSyntaxes) {

    public static final int ACCEPTANCE = 0;
    public static final int USER_REJECTION = 1;
    public static final int NO_REASON = 2;
    public static final int ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;
    public static final int TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;

    public PresentationContext {
        if (id < 1 || id > 255 || (id & 1) == 0) {
            throw new IllegalArgumentException("presentation context id must be odd, 1-255: " + id);
        }
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }

    /** A proposed context. */
    public static PresentationContext proposed(int id, String abstractSyntax, List<String> transferSyntaxes) {
        return new PresentationContext(id, 0, abstractSyntax, transferSyntaxes);
    }

    public static PresentationContext accepted(int id, String transferSyntax) {
        return new PresentationContext(id, ACCEPTANCE, null, List.of(transferSyntax));
    }

    /** A refused context; PS3.8 still wants a transfer syntax sub-item, whose value is then ignored. */
    public static PresentationContext refused(int id, int result) {
        return new PresentationContext(id, result, null, List.of());
    }

    public boolean isAccepted() {
        return result == ACCEPTANCE;
    }

    /** The transfer syntax of an accepted context. */
    public String transferSyntax() {
        return transferSyntaxes.isEmpty() ? null : transferSyntaxes.get(0);
    }

    @Override
    public String toString() {
        return "[" + id + "] " + (abstractSyntax == null ? "" : abstractSyntax + " ") + resultText(result) + " "
                + transferSyntaxes;
    }

    private static String resultText(int result) {
        return switch (result) {
            case ACCEPTANCE -> "acceptance";
            case USER_REJECTION -> "user-rejection";
            case NO_REASON -> "no-reason (provider rejection)";
            case ABSTRACT_SYNTAX_NOT_SUPPORTED -> "abstract-syntax-not-supported (provider rejection)";
            case TRANSFER_SYNTAXES_NOT_SUPPORTED -> "transfer-syntaxes-not-supported (provider rejection)";
            default -> "result " + result;
        };
    }
}
