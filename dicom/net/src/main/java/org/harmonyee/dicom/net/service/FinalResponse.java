package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.net.association.ResponseHandler;
import org.harmonyee.dicom.net.dimse.Command;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Waits for the final response of a request; pending responses go to {@code onPending}. The wait
 * needs no timeout of its own: the association's DIMSE timer aborts it, which fails this.
 */
class FinalResponse implements ResponseHandler {

    private final CompletableFuture<Command> result = new CompletableFuture<>();

    @Override
    public void onPending(Command response, InputStream dataSet) throws IOException {
        // services without pending responses ignore them
    }

    @Override
    public void onFinal(Command response, InputStream dataSet) {
        result.complete(response);
    }

    @Override
    public void onFailure(IOException cause) {
        result.completeExceptionally(cause);
    }

    Command await() throws IOException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the response", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? new IOException(io.getMessage(), io) : new IOException(e.getCause());
        }
    }
}
