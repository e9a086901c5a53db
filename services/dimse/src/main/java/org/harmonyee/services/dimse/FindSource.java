package org.harmonyee.services.dimse;

import org.harmonyee.core.envelope.Result;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.pdu.AAbort;
import org.harmonyee.dicom.net.service.FindResults;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The matches of a running C-FIND as results, pulled from the PACS as they arrive: the
 * association's reader hands them over through {@link FindResults}' bounded queue, so a slow
 * consumer slows the PACS down. The final status goes into the response's {@code dimse.status}
 * before the end is returned. Closed before the end, it sends C-CANCEL and waits (within the
 * DIMSE timeout) for the final response. An association whose C-FIND had its final response is
 * given back to the backend's pool; one that failed is released, or aborted if it cannot be.
 */
final class FindSource implements MatchSource {

    private static final System.Logger LOG = System.getLogger(FindSource.class.getName());

    private final String exchangeId;
    private final String backend;
    private final ScuConnector.Connection connection;
    private final FindResults results;
    private Map<String, String> metadata = new HashMap<>();
    private boolean ended;

    FindSource(String exchangeId, String backend, ScuConnector.Connection connection, FindResults results) {
        this.exchangeId = exchangeId;
        this.backend = backend;
        this.connection = connection;
        this.results = results;
    }

    @Override
    public FindSource reportTo(Map<String, String> responseMetadata) {
        this.metadata = responseMetadata;
        return this;
    }

    @Override
    public Optional<Result> next() {
        if (ended) {
            return Optional.empty();
        }
        Attributes match = nextMatch();
        if (match == null) {
            ended = true;
            connection.ended();
            metadata.put(DimseRequests.STATUS, DimseRequests.status(results.status()));
            return Optional.empty();
        }
        return Optional.of(Result.json(Identifiers.write(match)));
    }

    /** The next match, null at the end; a failure ends the find. */
    private Attributes nextMatch() {
        try {
            return results.next();
        } catch (DimseException e) {
            ended = true;
            throw DimseStatusMapping.refused(backend, DimseOperation.FIND, e);
        } catch (IOException e) {
            ended = true;
            throw DimseStatusMapping.lost(backend, DimseOperation.FIND, e);
        }
    }

    @Override
    public void close() {
        if (!ended) {
            ended = true;
            try {
                results.close();
                connection.ended();
                LOG.log(Level.DEBUG, () -> exchangeId + ": " + connection.association().association().name()
                        + ": C-FIND cancelled");
            } catch (IOException e) {
                connection.association().association().abort(AAbort.byUser(), "C-CANCEL failed: " + e.getMessage());
            }
        }
        connection.close();
    }
}
