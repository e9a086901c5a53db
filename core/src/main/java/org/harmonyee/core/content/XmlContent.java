package org.harmonyee.core.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * XML to JSON: the root element becomes {@code {"root": ...}}; attributes (and namespace
 * declarations) become {@code "@name"} members; an element with only text becomes that string;
 * text of an element that also has attributes or children becomes {@code "#text"}; repeated
 * sibling elements become arrays; prefixes stay in names ({@code "soap:Envelope"}).
 *
 * <p>Safe by construction: a DOCTYPE is refused (400), so no entity is ever declared, expanded or
 * fetched (XXE, billion laughs); nesting deeper than {@code max_xml_depth} is refused (400).
 */
final class XmlContent {

    private static final XMLInputFactory FACTORY = secureFactory();

    private XmlContent() {
    }

    static JsonNode parse(byte[] bytes, Charset charset, int maxDepth) {
        XMLStreamReader reader = null;
        try {
            reader = charset == null
                    ? FACTORY.createXMLStreamReader(new ByteArrayInputStream(bytes))
                    : FACTORY.createXMLStreamReader(new InputStreamReader(new ByteArrayInputStream(bytes), charset));
            return convert(reader, maxDepth);
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber()
                    + ", column " + e.getLocation().getColumnNumber();
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, "malformed XML" + where + ": "
                    + firstLine(e.getMessage()), e);
        } finally {
            close(reader);
        }
    }

    private static JsonNode convert(XMLStreamReader reader, int maxDepth) throws XMLStreamException {
        Deque<Element> open = new ArrayDeque<>();
        ObjectNode document = Json.MAPPER.createObjectNode();
        while (reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.DTD -> throw new GatewayException(ProblemType.MALFORMED_REQUEST,
                        "XML with a DOCTYPE declaration is not accepted (entities are never expanded or fetched)");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new GatewayException(ProblemType.MALFORMED_REQUEST,
                        "XML entity references are not accepted: &" + reader.getLocalName() + ";");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (open.size() >= maxDepth) {
                        throw new GatewayException(ProblemType.MALFORMED_REQUEST,
                                "XML nesting is deeper than max_xml_depth (" + maxDepth + ")");
                    }
                    open.push(Element.start(reader));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (!open.isEmpty()) {
                        open.peek().text.append(reader.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    Element done = open.pop();
                    addChild(open.isEmpty() ? document : open.peek().members, done.name, done.value());
                }
                default -> {
                }
            }
        }
        return document;
    }

    private static void addChild(ObjectNode parent, String name, JsonNode value) {
        JsonNode existing = parent.get(name);
        if (existing == null) {
            parent.set(name, value);
        } else if (existing.isArray()) {
            ((ArrayNode) existing).add(value);
        } else {
            ArrayNode repeated = parent.putArray(name);
            repeated.add(existing);
            repeated.add(value);
        }
    }

    /** An element being read: its qualified name, attributes and children so far, and its text. */
    private static final class Element {
        private final String name;
        private final ObjectNode members = Json.MAPPER.createObjectNode();
        private final StringBuilder text = new StringBuilder();

        private Element(String name) {
            this.name = name;
        }

        static Element start(XMLStreamReader reader) {
            Element element = new Element(qualified(reader.getPrefix(), reader.getLocalName()));
            for (int i = 0; i < reader.getNamespaceCount(); i++) {
                String prefix = reader.getNamespacePrefix(i);
                element.members.put(prefix == null || prefix.isEmpty() ? "@xmlns" : "@xmlns:" + prefix,
                        reader.getNamespaceURI(i));
            }
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                element.members.put("@" + qualified(reader.getAttributePrefix(i), reader.getAttributeLocalName(i)),
                        reader.getAttributeValue(i));
            }
            return element;
        }

        JsonNode value() {
            String content = text.toString().strip();
            if (members.isEmpty()) {
                return TextNode.valueOf(content);
            }
            if (!content.isEmpty()) {
                members.put("#text", content);
            }
            return members;
        }

        private static String qualified(String prefix, String local) {
            return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
        }
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String[] lines = message.strip().split("\\R");
        return lines[lines.length - 1];
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // the document is fully read or already refused; closing releases nothing we need
            }
        }
    }
}
