package org.harmonyee.server.audit;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;

/**
 * An {@link AuditRecord} as a DICOM PS3.15 audit message (Annex A.5, the schema of RFC 3881
 * heritage), written with the JDK's StAX writer:
 * <ul>
 * <li>a refusal: Security Alert (DCM 110113), "Node Authentication" for a rejected association,
 *     "Use of Restricted Function" for a refused request;</li>
 * <li>C-FIND, QIDO-RS: Query (DCM 110112);</li>
 * <li>C-STORE, STOW-RS: DICOM Instances Transferred (DCM 110104), action Create;</li>
 * <li>WADO-RS: DICOM Instances Transferred, action Read;</li>
 * <li>C-GET, C-MOVE: Begin Transferring DICOM Instances (DCM 110102).</li>
 * </ul>
 * Other exchanges (C-ECHO, FHIR, plain HTTP) have no PS3.15 event and stay in the JSON trail only.
 */
final class DicomAuditMessages {

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private DicomAuditMessages() {
    }

    /** The message, or empty when the exchange has no PS3.15 event. */
    static Optional<String> of(AuditRecord record, String auditSourceId, String localHost) {
        Optional<Event> event = Event.of(record);
        if (event.isEmpty()) {
            return Optional.empty();
        }
        StringWriter text = new StringWriter(1_024);
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("AuditMessage");
            eventIdentification(xml, record, event.get());
            participants(xml, record, event.get(), localHost);
            xml.writeStartElement("AuditSourceIdentification");
            xml.writeAttribute("AuditSourceID", auditSourceId);
            code(xml, "AuditSourceTypeCode", "4", "DCM", "Application Server");
            xml.writeEndElement();
            objects(xml, record, event.get());
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write an audit message: " + e.getMessage(), e);
        }
        return Optional.of(text.toString());
    }

    private static void eventIdentification(XMLStreamWriter xml, AuditRecord record, Event event)
            throws XMLStreamException {
        xml.writeStartElement("EventIdentification");
        xml.writeAttribute("EventActionCode", event.actionCode);
        xml.writeAttribute("EventDateTime", record.time());
        xml.writeAttribute("EventOutcomeIndicator", switch (record.outcome()) {
            case SUCCESS -> "0";
            case REFUSED -> "4";
            case FAILED -> "8";
        });
        code(xml, "EventID", event.id, "DCM", event.name);
        if (event.typeCode != null) {
            code(xml, "EventTypeCode", event.typeCode, "DCM", event.typeName);
        }
        if (record.detail() != null) {
            xml.writeStartElement("EventOutcomeDescription");
            xml.writeCharacters(record.detail());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** The caller and the gateway; for a transfer, which of them is the source and which the destination. */
    private static void participants(XMLStreamWriter xml, AuditRecord record, Event event, String localHost)
            throws XMLStreamException {
        String caller = first(record.principal(), record.callingAet(), record.clientAddress());
        participant(xml, caller, true, record.clientAddress(), "2", event.callerRole);
        participant(xml, first(record.calledAet(), record.pipeline(), localHost), false, localHost, "1",
                event.callerRole == null ? null : event.callerRole == Role.SOURCE ? Role.DESTINATION : Role.SOURCE);
    }

    private static void participant(XMLStreamWriter xml, String userId, boolean requestor, String accessPoint,
                                    String accessPointType, Role role) throws XMLStreamException {
        xml.writeStartElement("ActiveParticipant");
        xml.writeAttribute("UserID", userId == null ? "-" : userId);
        xml.writeAttribute("UserIsRequestor", Boolean.toString(requestor));
        if (accessPoint != null) {
            xml.writeAttribute("NetworkAccessPointID", accessPoint);
            xml.writeAttribute("NetworkAccessPointTypeCode", accessPointType);
        }
        if (role != null) {
            code(xml, "RoleIDCode", role.code, "DCM", role.text);
        }
        xml.writeEndElement();
    }

    private static void objects(XMLStreamWriter xml, AuditRecord record, Event event) throws XMLStreamException {
        if (record.outcome() == Outcome.REFUSED) {
            object(xml, first(record.path(), record.calledAet()), "12", "RFC-3881", "URI", record);
            return;
        }
        for (String study : record.studyUids()) {
            object(xml, study, "110180", "DCM", "Study Instance UID", record);
        }
        if (record.studyUids().isEmpty() && record.sopClassUid() != null) {
            object(xml, record.sopClassUid(), "110181", "DCM", "SOP Class UID", record);
        }
    }

    private static void object(XMLStreamWriter xml, String id, String typeCode, String system, String name,
                               AuditRecord record) throws XMLStreamException {
        xml.writeStartElement("ParticipantObjectIdentification");
        xml.writeAttribute("ParticipantObjectID", id == null ? "-" : id);
        xml.writeAttribute("ParticipantObjectTypeCode", "2");
        xml.writeAttribute("ParticipantObjectTypeCodeRole", "3");
        code(xml, "ParticipantObjectIDTypeCode", typeCode, system, name);
        if (record.detail() != null && record.outcome() == Outcome.REFUSED) {
            xml.writeStartElement("ParticipantObjectDescription");
            xml.writeCharacters(record.detail());
            xml.writeEndElement();
        }
        List<String> instances = record.sopInstanceUids();
        if (record.sopClassUid() != null && !instances.isEmpty()) {
            xml.writeStartElement("SOPClass");
            xml.writeAttribute("UID", record.sopClassUid());
            xml.writeAttribute("NumberOfInstances", Integer.toString(instances.size()));
            for (String instance : instances) {
                xml.writeEmptyElement("Instance");
                xml.writeAttribute("UID", instance);
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void code(XMLStreamWriter xml, String element, String code, String system, String text)
            throws XMLStreamException {
        xml.writeEmptyElement(element);
        xml.writeAttribute("csd-code", code);
        xml.writeAttribute("codeSystemName", system);
        xml.writeAttribute("originalText", text);
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }

    /** The roles of a transfer's two ends (DCM 110153, 110152). */
    private enum Role {
        SOURCE("110153", "Source Role ID"), DESTINATION("110152", "Destination Role ID");

        final String code;
        final String text;

        Role(String code, String text) {
            this.code = code;
            this.text = text;
        }
    }

    /** A PS3.15 event, its action and, for a transfer, the caller's role. */
    private record Event(String id, String name, String actionCode, String typeCode, String typeName, Role callerRole) {

        static Optional<Event> of(AuditRecord record) {
            if (record.outcome() == Outcome.REFUSED) {
                return Optional.of(AuditRecords.A_ASSOCIATE.equals(record.operation())
                        ? new Event("110113", "Security Alert", "E", "110126", "Node Authentication", null)
                        : new Event("110113", "Security Alert", "E", "110132", "Use of Restricted Function", null));
            }
            String operation = record.operation();
            String last = record.path() == null ? "" : record.path().substring(record.path().lastIndexOf('/') + 1);
            boolean dicomWeb = record.path() != null && record.path().contains("/studies");
            Event query = new Event("110112", "Query", "E", null, null, null);
            Event transferred = new Event("110104", "DICOM Instances Transferred", "C", null, null, Role.SOURCE);
            return Optional.ofNullable(switch (operation) {
                case "C-FIND" -> query;
                case "C-STORE" -> transferred;
                case "C-GET", "C-MOVE" -> new Event("110102", "Begin Transferring DICOM Instances", "E", null, null,
                        Role.DESTINATION);
                case "GET" -> !dicomWeb ? null : List.of("studies", "series", "instances").contains(last) ? query
                        : new Event("110104", "DICOM Instances Transferred", "R", null, null, Role.DESTINATION);
                case "POST" -> dicomWeb ? transferred : null;
                default -> null;
            });
        }
    }
}
