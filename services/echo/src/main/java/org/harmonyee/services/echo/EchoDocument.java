package org.harmonyee.services.echo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.content.MediaTypes;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.RequestEnvelope;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The echo of a request as JSON: method, path, full_path, query, headers, metadata and body (the
 * normalized JSON if any, text if the body is UTF-8 text, else {@code body_base64}). The body was
 * already bounded by the endpoint's limit.
 */
final class EchoDocument {

    private EchoDocument() {
    }

    static ObjectNode of(RequestEnvelope request) {
        ObjectNode echo = Json.MAPPER.createObjectNode()
                .put("method", request.method())
                .put("path", request.path())
                .put("full_path", request.rawQuery() == null ? request.fullPath()
                        : request.fullPath() + "?" + request.rawQuery());
        ObjectNode query = echo.putObject("query");
        request.query().forEach((key, values) -> values.forEach(query.withArray(key)::add));
        ObjectNode headers = echo.putObject("headers");
        request.headers().forEach((key, values) -> headers.put(key.toLowerCase(Locale.ROOT), String.join(", ", values)));
        ObjectNode metadata = echo.putObject("metadata");
        request.metadata().forEach(metadata::put);
        putBody(echo, request);
        return echo;
    }

    private static void putBody(ObjectNode echo, RequestEnvelope request) {
        if (request.normalized().isPresent()) {
            echo.set("body", request.normalized().get());
            return;
        }
        byte[] bytes = request.body().bytes();
        if (bytes.length == 0) {
            echo.putNull("body");
            return;
        }
        boolean textual = request.contentType().map(MediaTypes::essence)
                .map(type -> type.startsWith("text/") || type.endsWith("xml") || type.contains("form-urlencoded"))
                .orElse(false);
        String text = textual ? utf8(bytes) : null;
        if (text != null) {
            echo.put("body", text);
        } else {
            echo.put("body_base64", Base64.getEncoder().encodeToString(bytes));
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
