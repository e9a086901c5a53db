package org.harmonyee.middleware.transform;

import com.bazaarvoice.jolt.Chainr;
import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.envelope.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A JOLT chain read from {@code spec_path} and compiled once; thread-safe. */
final class JoltSpec {

    private final Chainr chainr;

    private JoltSpec(Chainr chainr) {
        this.chainr = chainr;
    }

    /** Reads and compiles the spec, or reports why it cannot (missing file, bad JSON, bad spec). */
    static Optional<JoltSpec> read(Options options, Path transformsPath) {
        String relative = options.requiredString("spec_path");
        if (relative.isBlank()) {
            return Optional.empty();
        }
        Path file = transformsPath.resolve(relative).normalize();
        if (!Files.isReadable(file)) {
            options.problem("spec_path", "cannot read " + file + " (spec_path resolves against transforms_path "
                    + transformsPath + ")");
            return Optional.empty();
        }
        try {
            Object spec = Json.MAPPER.readValue(file.toFile(), Object.class);
            return Optional.of(new JoltSpec(Chainr.fromSpec(spec)));
        } catch (IOException e) {
            options.problem("spec_path", file + " is not valid JSON: " + e.getMessage());
        } catch (RuntimeException e) {
            options.problem("spec_path", file + " is not a valid JOLT specification: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Runs the chain; JOLT's own exceptions propagate (the middleware decides what they mean). */
    JsonNode transform(JsonNode input) {
        Object output = chainr.transform(Json.MAPPER.convertValue(input, Object.class));
        return Json.MAPPER.valueToTree(output);
    }
}
