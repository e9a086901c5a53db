package org.harmonyee.server.audit;

import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.rar.api.AssociationDecision;
import org.harmonyee.rar.api.AssociationRequest;
import org.harmonyee.server.exchange.ExchangeCall;
import org.harmonyee.services.dimse.DimseRequests;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditRecordsTest {

    @Test
    void aDicomWebRetrieveNamesTheCallerTheRouteAndTheUidsOfItsPath() {
        RequestEnvelope request = RequestEnvelope.builder("x1", "GET", "/dicomweb/studies/1.2.3/series/1.2.3.4")
                .query("SOPInstanceUID", List.of("1.2.3.4.5")).build();
        request.metadata().put(MetadataKeys.PROTOCOL, "http");
        request.metadata().put(MetadataKeys.CLIENT_ADDRESS, "10.0.0.7");
        request.metadata().put(MetadataKeys.PIPELINE, "dicomweb");
        request.metadata().put(MetadataKeys.ENDPOINT, "web");
        request.metadata().put(MetadataKeys.PRINCIPAL, "alice");

        AuditRecord record = AuditRecords.exchange(new ExchangeCall("public", request, ResponseEnvelope.of(200), false),
                12);

        assertThat(record.principal()).isEqualTo("alice");
        assertThat(record.clientAddress()).isEqualTo("10.0.0.7");
        assertThat(record.pipeline()).isEqualTo("dicomweb");
        assertThat(record.studyUids()).containsExactly("1.2.3");
        assertThat(record.seriesUids()).containsExactly("1.2.3.4");
        assertThat(record.sopInstanceUids()).containsExactly("1.2.3.4.5");
        assertThat(record.outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void aDimseFindTakesItsUidsFromTheIdentifierButNotItsWildcards() throws Exception {
        RequestEnvelope request = RequestEnvelope.builder("x2", "C-FIND", "dicom:ROUTER").build();
        request.metadata().put(MetadataKeys.PROTOCOL, DimseRequests.PROTOCOL);
        request.metadata().put(MetadataKeys.PIPELINE, "router");
        request.metadata().put(DimseRequests.CALLING_AET, "MODALITY");
        request.normalizedFromBody(Json.parse("""
                {"0020000D": {"vr": "UI", "Value": ["1.2.840.1"]}, "0020000E": {"vr": "UI", "Value": ["1.2*"]}}
                """.getBytes(StandardCharsets.UTF_8)));
        ResponseEnvelope response = ResponseEnvelope.of(200);
        response.metadata().put(DimseRequests.STATUS, "A700");

        AuditRecord record = AuditRecords.exchange(new ExchangeCall("imaging", request, response, false), 3);

        assertThat(record.callingAet()).isEqualTo("MODALITY");
        assertThat(record.studyUids()).containsExactly("1.2.840.1");
        assertThat(record.seriesUids()).isEmpty();
        assertThat(record.dimseStatus()).isEqualTo("A700");
        assertThat(record.outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void unauthenticatedUnroutedAndDoorRefusedExchangesAreRefusals() {
        RequestEnvelope routed = RequestEnvelope.builder("x3", "GET", "/a").build();
        routed.metadata().put(MetadataKeys.PIPELINE, "p");
        RequestEnvelope unrouted = RequestEnvelope.builder("x4", "GET", "/nowhere").build();

        assertThat(outcome(routed, 401, false)).isEqualTo(Outcome.REFUSED);
        assertThat(outcome(routed, 502, false)).isEqualTo(Outcome.FAILED);
        assertThat(outcome(unrouted, 404, false)).isEqualTo(Outcome.REFUSED);
        assertThat(outcome(routed, 400, true)).isEqualTo(Outcome.REFUSED);
    }

    private static Outcome outcome(RequestEnvelope request, int status, boolean refusedByDoor) {
        return AuditRecords.exchange(new ExchangeCall("n", request, ResponseEnvelope.of(status), refusedByDoor), 0)
                .outcome();
    }

    @Test
    void aRejectedAssociationIsARefusalOfTheCallingAe() {
        AssociationRequest request = new AssociationRequest("imaging", "EVIL->ROUTER(1)", "EVIL ", "ROUTER",
                "HARMONY", new InetSocketAddress("127.0.0.1", 40000), false, List.of());

        AuditRecord record = AuditRecords.rejectedAssociation(request, AssociationDecision.reject(
                AssociationDecision.Rejection.CALLING_AE_TITLE_NOT_RECOGNIZED, "endpoint 'r' does not accept EVIL"));

        assertThat(record.operation()).isEqualTo("A-ASSOCIATE");
        assertThat(record.callingAet()).isEqualTo("EVIL");
        assertThat(record.clientAddress()).isEqualTo("127.0.0.1");
        assertThat(record.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(record.detail()).contains("does not accept EVIL");
    }
}
