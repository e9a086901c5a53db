package org.harmonyee.services.jmix.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The JSON files of a package other than metadata.json: {@code manifest.json}, {@code audit.json}
 * and {@code files.json}, pretty-printed UTF-8 with absent optional fields left out.
 */
final class PackageJson {

    static final String VERSION = "1.0";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One line of files.json: a path below {@code payload/}; hash null when hashing is skipped. */
    record ListedFile(String file, String hash, long sizeBytes) {
    }

    private PackageJson() {
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    static byte[] bytes(JsonNode json) {
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** A timestamp as JMIX writes it: UTC, whole seconds, {@code YYYY-MM-DDTHH:MM:SSZ}. */
    static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static ObjectNode manifest(String id, Instant timestamp, PackageIdentity identity, String payloadHash) {
        ObjectNode manifest = JsonNodeFactory.instance.objectNode();
        manifest.put("version", VERSION).put("id", id).put("timestamp", timestamp(timestamp));
        manifest.set("sender", entity(identity.sender()));
        if (identity.requester() != null) {
            manifest.set("requester", entity(identity.requester()));
        }
        ArrayNode receivers = manifest.putArray("receiver");
        identity.receivers().forEach(receiver -> receivers.add(entity(receiver)));
        ObjectNode security = manifest.putObject("security").put("classification", "confidential");
        if (payloadHash != null) {
            security.put("payload_hash", payloadHash);
        }
        return manifest;
    }

    /** The audit trail of a package we build: its creation by the sender. */
    static ObjectNode audit(Instant timestamp, PackageIdentity identity) {
        ObjectNode audit = JsonNodeFactory.instance.objectNode();
        audit.putArray("audit").addObject().put("event", "created")
                .<ObjectNode>set("by", entity(identity.sender()))
                .put("timestamp", timestamp(timestamp));
        return audit;
    }

    static ArrayNode files(List<ListedFile> listed) {
        ArrayNode files = JsonNodeFactory.instance.arrayNode();
        for (ListedFile entry : listed) {
            ObjectNode item = files.addObject().put("file", entry.file());
            if (entry.hash() != null) {
                item.put("hash", entry.hash());
            }
            item.put("size_bytes", entry.sizeBytes());
        }
        return files;
    }

    private static ObjectNode entity(JmixEntity entity) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        if (entity.name() != null) {
            json.put("name", entity.name());
        }
        return json.put("id", entity.id());
    }
}
