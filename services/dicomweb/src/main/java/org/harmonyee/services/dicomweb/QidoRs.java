package org.harmonyee.services.dicomweb;

import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Headers;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.envelope.Result;
import org.harmonyee.core.envelope.ResultStream;
import org.harmonyee.core.pipeline.Chain;
import org.harmonyee.services.dimse.DimseRequests;

import java.util.Optional;

/**
 * QIDO-RS (PS3.18 10.6): a search at any level becomes one C-FIND, whose matches go to the caller
 * as an {@code application/dicom+json} array while the PACS sends them, after the offset and up to
 * the limit. No match is 204; a PACS that fails before its first match is its problem (502, 503,
 * 504), never a 204.
 */
final class QidoRs {

    private final QidoQuery.Limits limits;

    QidoRs(QidoQuery.Limits limits) {
        this.limits = limits;
    }

    ResponseEnvelope searchForResources(RequestEnvelope request, DicomWebResource search, Chain next) {
        AcceptHeader.requireDicomJson(request, "QIDO-RS");
        QidoQuery query = QidoQuery.of(search, request.query(), limits, DicomWebBridge.WARNING_AGENT);
        ResponseEnvelope found = next.proceed(DimseEnvelope.of(request, DimseRequests.C_FIND, query.identifier()));
        ResultStream matches = DimseEnvelope.results(found, DimseRequests.C_FIND);
        Optional<ResultStream> answer = new BridgedResults(matches, query.offset(), query.limit(),
                match -> Result.json(DicomJsonAnswers.match(match.json()))).start();
        Headers headers = new Headers();
        query.warnings().forEach(warning -> headers.add("Warning", warning));
        if (answer.isEmpty()) {
            return new ResponseEnvelope(204, headers, Body.empty());
        }
        headers.set("Content-Type", AcceptHeader.DICOM_JSON);
        return ResponseEnvelope.streaming(200, headers, answer.get());
    }
}
