package org.harmonyee.core.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.config.ContentLimits;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * multipart/form-data to {@code {"fields": {...}, "files": [{"field", "filename", "content_type",
 * "size", "sha256"}]}}, the parts pulled by {@link MultipartInput}. File contents stream through the
 * hash and are neither kept nor saved.
 * More than {@code max_multipart_files} files or {@code max_form_fields} fields is 413; a body
 * without boundary, truncated, or with a part lacking a form-data name is 400.
 */
final class MultipartContent {

    private MultipartContent() {
    }

    static JsonNode parse(InputStream body, String contentType, ContentLimits limits) {
        String boundary = MediaTypes.parameter(contentType, "boundary").filter(b -> !b.isBlank())
                .orElseThrow(() -> new GatewayException(ProblemType.MALFORMED_REQUEST,
                        "multipart/form-data without a boundary parameter"));
        ObjectNode result = Json.MAPPER.createObjectNode();
        ObjectNode fields = result.putObject("fields");
        ArrayNode files = result.putArray("files");
        int fieldCount = 0;
        MultipartInput parts = new MultipartInput(body, boundary);
        try {
            for (Optional<MultipartInput.Part> part = parts.next(); part.isPresent(); part = parts.next()) {
                Map<String, String> headers = part.get().headers();
                String disposition = headers.getOrDefault("content-disposition", "");
                String name = dispositionParameter(disposition, "name");
                String filename = dispositionParameter(disposition, "filename");
                if (name == null) {
                    throw new GatewayException(ProblemType.MALFORMED_REQUEST,
                            "a multipart part has no Content-Disposition: form-data; name=...");
                }
                if (filename != null) {
                    if (files.size() == limits.maxMultipartFiles()) {
                        throw new GatewayException(ProblemType.PAYLOAD_TOO_LARGE, "the multipart body has more than "
                                + "max_multipart_files (" + limits.maxMultipartFiles() + ") files");
                    }
                    files.add(file(part.get().content(), name, filename,
                            headers.getOrDefault("content-type", "application/octet-stream")));
                } else {
                    if (++fieldCount > limits.maxFormFields()) {
                        throw new GatewayException(ProblemType.PAYLOAD_TOO_LARGE, "the multipart body has more than "
                                + "max_form_fields (" + limits.maxFormFields() + ") fields");
                    }
                    addField(fields, name, new String(part.get().content().readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            GatewayException problem = BodyLimit.unwrap(e);
            throw problem != null ? problem : parts.failure().orElseGet(() -> new GatewayException(
                    ProblemType.MALFORMED_REQUEST, "the multipart body could not be read: " + e.getMessage(), e));
        }
        return result;
    }

    private static ObjectNode file(InputStream content, String field, String filename, String type)
            throws IOException {
        MessageDigest sha256 = Spooler.sha256();
        CountingStream counter = new CountingStream();
        try (OutputStream sink = new DigestOutputStream(counter, sha256)) {
            content.transferTo(sink);
        }
        return Json.MAPPER.createObjectNode()
                .put("field", field)
                .put("filename", filename)
                .put("content_type", type)
                .put("size", counter.count)
                .put("sha256", HexFormat.of().formatHex(sha256.digest()));
    }

    private static void addField(ObjectNode fields, String name, String value) {
        JsonNode existing = fields.get(name);
        if (existing == null) {
            fields.put(name, value);
        } else if (existing.isArray()) {
            ((ArrayNode) existing).add(value);
        } else {
            ArrayNode values = fields.putArray(name);
            values.add(existing);
            values.add(value);
        }
    }

    /** A parameter of a Content-Disposition value, quoted or not; null when absent. */
    static String dispositionParameter(String disposition, String parameter) {
        for (String part : disposition.split(";")) {
            int equals = part.indexOf('=');
            if (equals > 0 && part.substring(0, equals).strip().equalsIgnoreCase(parameter)) {
                String value = part.substring(equals + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1).replace("\\\"", "\"");
                }
                return value;
            }
        }
        return null;
    }

    /** Counts what passes, keeps nothing. */
    private static final class CountingStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }
}
