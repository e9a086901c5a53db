package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.net.dimse.Command;
import org.harmonyee.dicom.net.dimse.CommandField;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.pdu.PresentationContext;

/**
 * Checks that a C-ECHO, C-STORE, C-FIND, C-GET or C-MOVE request names, in its Affected SOP Class
 * UID (0000,0002), the abstract syntax of the presentation context it arrived on: the context is
 * what was negotiated, so a command for another SOP class (a storage SOP class sent on the context
 * of another, an echo on a storage context) asks for a service this association never agreed to.
 * <p>
 * It is refused with 0122H, Refused: SOP Class Not Supported (PS3.7 Annex C.5, listed among the
 * failure statuses of C-ECHO, C-STORE, C-FIND, C-GET and C-MOVE in PS3.7 9.1 and PS3.4). The
 * alternatives were weighed: 0118H No Such SOP Class belongs to the DIMSE-N services, 0117H Invalid
 * SOP Instance is about the instance UID, and 0212H Mistyped Argument ("a parameter not agreed for
 * use on the association") would fit the wording but tells an operator less. The ErrorComment
 * names both UIDs. That the context itself was accepted is checked earlier, by the association's
 * reader: a PDV whose Presentation-context-ID was not accepted is an invalid PDU parameter (PS3.8
 * 9.3.5), answered with an A-ABORT.
 */
final class AffectedSopClassCheck {

    /** The LO limit of ErrorComment (0000,0902). */
    private static final int MAX_COMMENT = 64;

    private AffectedSopClassCheck() {
    }

    /** The refusal to answer, or null when the request may go to its handler (C-CANCEL has no SOP class). */
    static DimseException check(PresentationContext context, Command request) {
        if (request.commandField() == CommandField.C_CANCEL_RQ) {
            return null;
        }
        String affected = request.getString(Tag.AffectedSOPClassUID);
        String abstractSyntax = context.abstractSyntax();
        if (abstractSyntax.equals(affected)) {
            return null;
        }
        return new DimseException(Status.SOP_CLASS_NOT_SUPPORTED, comment(affected, context.id(), abstractSyntax));
    }

    /** The most readable comment naming both UIDs that fits 64 characters. */
    static String comment(String affected, int contextId, String abstractSyntax) {
        String named = affected == null || affected.isEmpty() ? "no SOP Class" : affected;
        String[] candidates = {
                named + " on context " + contextId + " of " + abstractSyntax,
                named + ", context " + contextId + ": " + abstractSyntax,
                named + " != " + abstractSyntax};
        for (String candidate : candidates) {
            if (candidate.length() <= MAX_COMMENT) {
                return candidate;
            }
        }
        return candidates[candidates.length - 1];
    }
}
