package org.harmonyee.services.dimse;

import org.harmonyee.core.error.Causes;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.dicom.net.association.AssociationRejectedException;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Status;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/**
 * How a PACS's answer, or the lack of one, becomes the gateway's problem. A failure status keeps
 * the PACS's own status ({@link GatewayException#withDimseStatus}), so that a DICOM caller gets it
 * back unchanged; an HTTP caller gets the problem's HTTP status.
 *
 * <table>
 * <caption>DIMSE failures and association failures</caption>
 * <tr><th>From the PACS</th><th>Problem</th><th>HTTP</th><th>DIMSE status to a DICOM caller</th></tr>
 * <tr><td>A801 (move destination unknown)</td><td>not-found</td><td>404</td><td>A801</td></tr>
 * <tr><td>A700, A701, A702 (out of resources)</td><td>backend-unavailable</td><td>503</td><td>the PACS's</td></tr>
 * <tr><td>0122 (SOP class not supported)</td><td>unsupported-media-type</td><td>415</td><td>0122</td></tr>
 * <tr><td>0124 (not authorized)</td><td>forbidden</td><td>403</td><td>0124</td></tr>
 * <tr><td>A900, Cxxx (identifier does not match, unable to process)</td><td>backend-unreachable, the
 *     ErrorComment in the detail</td><td>502</td><td>the PACS's</td></tr>
 * <tr><td>any other failure status</td><td>backend-unreachable</td><td>502</td><td>the PACS's</td></tr>
 * <tr><td>connection refused, unknown host, connection lost</td><td>backend-unreachable</td><td>502</td><td>A701</td></tr>
 * <tr><td>association rejected (A-ASSOCIATE-RJ)</td><td>backend-unreachable, the reason in the detail</td>
 *     <td>502</td><td>A701</td></tr>
 * <tr><td>no connection or A-ASSOCIATE-AC within {@code connect_timeout_ms}, no DIMSE response within
 *     {@code dimse_timeout_ms}</td><td>backend-timeout</td><td>504</td><td>A701</td></tr>
 * </table>
 * Warnings (B000, B006, B007, 0001) are not failures: the answer is 200 with the status in
 * {@code dimse.status}.
 */
final class DimseStatusMapping {

    private DimseStatusMapping() {
    }

    /** The problem for a PACS's failure status. */
    static ProblemType problemType(int status) {
        if (status == Status.MOVE_DESTINATION_UNKNOWN) {
            return ProblemType.NOT_FOUND;
        }
        if (status == Status.OUT_OF_RESOURCES || status == Status.OUT_OF_RESOURCES_NUMBER_OF_MATCHES
                || status == Status.OUT_OF_RESOURCES_SUB_OPERATIONS) {
            return ProblemType.BACKEND_UNAVAILABLE;
        }
        if (status == Status.SOP_CLASS_NOT_SUPPORTED) {
            return ProblemType.UNSUPPORTED_MEDIA_TYPE;
        }
        if (status == 0x0124) {
            return ProblemType.FORBIDDEN;
        }
        return ProblemType.BACKEND_UNREACHABLE;
    }

    /** The PACS answered {@code operation} with a failure status. */
    static GatewayException refused(String backend, DimseOperation operation, DimseException refusal) {
        String comment = refusal.errorComment();
        String detail = "backend '" + backend + "': the PACS answered " + operation.command() + " with status "
                + DimseRequests.status(refusal.status()) + (comment == null || comment.isBlank() ? "" : " (" + comment + ")");
        return new GatewayException(problemType(refusal.status()), detail, refusal).withDimseStatus(refusal.status());
    }

    /** No association could be made with {@code address}: refused, unknown host, timed out. */
    static GatewayException notConnected(String backend, String address, IOException failure) {
        if (isTimeout(failure)) {
            return new GatewayException(ProblemType.BACKEND_TIMEOUT, "backend '" + backend + "': no association with "
                    + address + " within the connect timeout", failure);
        }
        return new GatewayException(ProblemType.BACKEND_UNREACHABLE, "backend '" + backend + "' is unreachable at "
                + address + ": " + reason(failure), failure);
    }

    /** The PACS refused the association itself. */
    static GatewayException rejected(String backend, String address, AssociationRejectedException rejection) {
        return new GatewayException(ProblemType.BACKEND_UNREACHABLE, "backend '" + backend + "': " + address
                + " rejected the association: " + rejection.reject(), rejection);
    }

    /** The association failed while {@code operation} ran: lost, aborted, or silent past the DIMSE timeout. */
    static GatewayException lost(String backend, DimseOperation operation, IOException failure) {
        if (isTimeout(failure)) {
            return new GatewayException(ProblemType.BACKEND_TIMEOUT, "backend '" + backend + "': the PACS did not answer "
                    + operation.command() + " within the DIMSE timeout", failure);
        }
        return new GatewayException(ProblemType.BACKEND_UNREACHABLE, "backend '" + backend + "': the association broke"
                + " during " + operation.command() + ": " + reason(failure), failure);
    }

    /** Whether a timer (connect, association request, DIMSE response) ended the attempt. */
    static boolean isTimeout(Throwable failure) {
        return Causes.find(failure, SocketTimeoutException.class).isPresent();
    }

    /** A short reason for a detail or a target's last error: never a stack trace. */
    static String reason(IOException failure) {
        if (failure instanceof UnknownHostException) {
            return "unknown host " + failure.getMessage();
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
