package org.harmonyee.server.audit;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DicomAuditMessagesTest {

    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    @Test
    void aCStoreIsInstancesTransferredFromTheCallerWithTheStudyAndItsInstance() throws Exception {
        Document message = parse(DicomAuditMessages.of(record("C-STORE", "dicom:ROUTER", List.of("1.2.3"),
                List.of("1.2.3.4.5"), Outcome.SUCCESS, null), "site-1", "gw.local").orElseThrow());

        Element event = first(message, "EventIdentification");
        assertThat(event.getAttribute("EventActionCode")).isEqualTo("C");
        assertThat(event.getAttribute("EventOutcomeIndicator")).isEqualTo("0");
        assertThat(first(message, "EventID").getAttribute("csd-code")).isEqualTo("110104");
        Element caller = (Element) message.getElementsByTagName("ActiveParticipant").item(0);
        assertThat(caller.getAttribute("UserID")).isEqualTo("MODALITY");
        assertThat(caller.getAttribute("UserIsRequestor")).isEqualTo("true");
        assertThat(caller.getAttribute("NetworkAccessPointID")).isEqualTo("10.0.0.9");
        assertThat(((Element) caller.getElementsByTagName("RoleIDCode").item(0)).getAttribute("csd-code"))
                .isEqualTo("110153");
        assertThat(first(message, "AuditSourceIdentification").getAttribute("AuditSourceID")).isEqualTo("site-1");
        Element study = first(message, "ParticipantObjectIdentification");
        assertThat(study.getAttribute("ParticipantObjectID")).isEqualTo("1.2.3");
        assertThat(first(message, "ParticipantObjectIDTypeCode").getAttribute("csd-code")).isEqualTo("110180");
        assertThat(first(message, "SOPClass").getAttribute("UID")).isEqualTo(CT);
        assertThat(first(message, "Instance").getAttribute("UID")).isEqualTo("1.2.3.4.5");
    }

    @Test
    void qidoIsAQueryAndWadoARead() throws Exception {
        Document query = parse(DicomAuditMessages.of(record("GET", "/dicomweb/studies/1.2.3/series", List.of("1.2.3"),
                List.of(), Outcome.SUCCESS, null), "s", "h").orElseThrow());
        Document read = parse(DicomAuditMessages.of(record("GET", "/dicomweb/studies/1.2.3", List.of("1.2.3"),
                List.of(), Outcome.SUCCESS, null), "s", "h").orElseThrow());

        assertThat(first(query, "EventID").getAttribute("csd-code")).isEqualTo("110112");
        assertThat(first(read, "EventID").getAttribute("csd-code")).isEqualTo("110104");
        assertThat(first(read, "EventIdentification").getAttribute("EventActionCode")).isEqualTo("R");
    }

    @Test
    void aRefusalIsASecurityAlertSayingWhy() throws Exception {
        Document alert = parse(DicomAuditMessages.of(record("A-ASSOCIATE", null, List.of(), List.of(),
                Outcome.REFUSED, "endpoint 'r' does not accept <EVIL>"), "s", "h").orElseThrow());

        assertThat(first(alert, "EventID").getAttribute("csd-code")).isEqualTo("110113");
        assertThat(first(alert, "EventTypeCode").getAttribute("csd-code")).isEqualTo("110126");
        assertThat(first(alert, "EventIdentification").getAttribute("EventOutcomeIndicator")).isEqualTo("4");
        assertThat(first(alert, "EventOutcomeDescription").getTextContent())
                .isEqualTo("endpoint 'r' does not accept <EVIL>");
        assertThat(first(alert, "ParticipantObjectIdentification").getAttribute("ParticipantObjectID"))
                .isEqualTo("ROUTER");
    }

    @Test
    void anEchoOrAFhirExchangeHasNoDicomAuditEvent() {
        assertThat(DicomAuditMessages.of(record("C-ECHO", "dicom:ROUTER", List.of(), List.of(),
                Outcome.SUCCESS, null), "s", "h")).isEmpty();
        assertThat(DicomAuditMessages.of(record("GET", "/fhir/Patient/1", List.of(), List.of(),
                Outcome.SUCCESS, null), "s", "h")).isEmpty();
    }

    private static AuditRecord record(String operation, String path, List<String> studies, List<String> instances,
                                      Outcome outcome, String detail) {
        return new AuditRecord("2026-12-03T10:00:00Z", "x1", "dimse", "imaging", "router", "scp", operation, path,
                null, "10.0.0.9", "MODALITY", "ROUTER", instances.isEmpty() ? null : CT, studies, List.of(), instances,
                200, null, outcome, detail, 5);
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element first(Document document, String name) {
        return (Element) document.getElementsByTagName(name).item(0);
    }
}
