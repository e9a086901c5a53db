package org.harmonyee.services.dimse;

import org.harmonyee.core.envelope.ResultStream;

import java.util.Map;

/** The matches of a C-FIND as results, whose final status goes into a response's metadata. */
interface MatchSource extends ResultStream.Source {

    /** Where the final status goes ({@link DimseRequests#STATUS}): the streaming response's metadata. */
    MatchSource reportTo(Map<String, String> responseMetadata);
}
