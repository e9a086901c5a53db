package org.harmonyee.core.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.net.URLDecoder;
import java.nio.charset.Charset;

/**
 * application/x-www-form-urlencoded to a flat JSON object: a repeated name, or a name ending in
 * {@code []}, becomes an array. More than {@code max_form_fields} fields is 413; a malformed
 * percent escape is 400.
 */
final class FormContent {

    private FormContent() {
    }

    static JsonNode parse(String body, Charset charset, int maxFields) {
        ObjectNode form = Json.MAPPER.createObjectNode();
        int fields = 0;
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++fields > maxFields) {
                throw new GatewayException(ProblemType.PAYLOAD_TOO_LARGE,
                        "the form has more than max_form_fields (" + maxFields + ") fields");
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), charset);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), charset);
            boolean arrayNotation = name.endsWith("[]");
            if (arrayNotation) {
                name = name.substring(0, name.length() - 2);
            }
            add(form, name, value, arrayNotation);
        }
        return form;
    }

    private static void add(ObjectNode form, String name, String value, boolean arrayNotation) {
        JsonNode existing = form.get(name);
        if (existing == null) {
            if (arrayNotation) {
                form.putArray(name).add(value);
            } else {
                form.put(name, value);
            }
        } else if (existing.isArray()) {
            ((ArrayNode) existing).add(value);
        } else {
            ArrayNode values = form.putArray(name);
            values.add(existing);
            values.add(value);
        }
    }

    private static String decode(String component, Charset charset) {
        try {
            return URLDecoder.decode(component, charset);
        } catch (IllegalArgumentException e) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST,
                    "malformed percent-encoding in the form body: '" + component + "'", e);
        }
    }
}
