package org.harmonyee.core.pipeline;

import org.harmonyee.core.content.MediaTypes;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.ResponseEnvelope;

import java.util.List;

/**
 * The response half of the body rule: when a right-side middleware replaced the normalized JSON,
 * the client receives that JSON (with the response's JSON media type if it had one), and the
 * headers that described the old bytes are dropped.
 */
final class ChangedBody {

    private static final List<String> STALE = List.of("Content-Length", "Content-Encoding", "Content-MD5", "ETag",
            "Digest", "Content-Range");

    private ChangedBody() {
    }

    static void render(ResponseEnvelope response) {
        if (!response.normalizedChanged()) {
            return;
        }
        response.body().discard();
        response.body(Body.of(Json.bytes(response.normalized().orElseThrow())));
        STALE.forEach(response.headers()::remove);
        String type = response.contentType().filter(value -> MediaTypes.isJson(MediaTypes.essence(value)))
                .orElse("application/json");
        response.headers().set("Content-Type", type);
    }
}
