package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.net.dimse.Command;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Status;

import java.io.IOException;
import java.lang.System.Logger.Level;

/** One running C-FIND, C-GET or C-MOVE on the SCP side, cancellable by C-CANCEL-RQ. */
abstract class QueryRetrieveOperation {

    private final ScpContext context;
    private volatile boolean cancelled;

    QueryRetrieveOperation(ScpContext context) {
        this.context = context;
    }

    ScpContext context() {
        return context;
    }

    void cancel() {
        cancelled = true;
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** Runs the handler and sends the final response; an association failure is only logged. */
    abstract void run();

    /** C-FIND: each match a pending response, then Success, Cancel or the handler's failure. */
    static final class Find extends QueryRetrieveOperation {

        private final Attributes identifier;
        private final CFindScp handler;

        Find(ScpContext context, Attributes identifier, CFindScp handler) {
            super(context);
            this.identifier = identifier;
            this.handler = handler;
        }

        @Override
        void run() {
            ScpContext context = context();
            int status;
            String comment = null;
            try {
                handler.find(context, identifier, this::sendMatch);
                status = isCancelled() ? Status.CANCEL : Status.SUCCESS;
            } catch (DimseException e) {
                status = e.status();
                comment = e.errorComment();
            } catch (IOException e) {
                DimseServiceRouter.LOG.log(Level.INFO, () -> context + ": " + context.request() + " ended: " + e.getMessage());
                return;
            } catch (RuntimeException e) {
                DimseException failure = QueryRetrieveScp.unexpected(context, e);
                status = failure.status();
                comment = failure.errorComment();
            }
            QueryRetrieveScp.sendFinal(context, status, comment, null);
        }

        private boolean sendMatch(Attributes match) throws IOException {
            if (isCancelled()) {
                return false;
            }
            ScpContext context = context();
            Command pending = Command.response(context.request(), Status.PENDING);
            context.association().send(context.presentationContext().id(), pending,
                    DataSets.writer(match, context.transferSyntax()));
            return !isCancelled();
        }
    }
}
