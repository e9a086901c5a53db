package org.harmonyee.services.jmix;

import org.harmonyee.core.content.MediaTypes;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Headers;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.services.jmix.format.PackageContents;
import org.harmonyee.services.jmix.store.StoredPackage;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;

/**
 * The answers that carry a stored package: the zip itself (streamed from the store; HEAD gets the
 * headers only) and its manifest. The zip is the one representation offered: {@code Accept} must
 * allow {@code application/zip} (absent, {@code *}{@code /*}, {@code application/*}), else 406.
 */
final class PackageAnswers {

    static final String APPLICATION_ZIP = "application/zip";
    private static final Set<String> ZIP_RANGES = Set.of("*/*", "application/*", APPLICATION_ZIP);

    private PackageAnswers() {
    }

    /** @throws GatewayException 406 when the request's Accept does not allow a zip */
    static void requireZipAccepted(RequestEnvelope request) {
        String accept = String.join(",", request.headers().all("Accept"));
        if (accept.isBlank()) {
            return;
        }
        for (String range : accept.split(",")) {
            if (ZIP_RANGES.contains(MediaTypes.essence(range.strip()))) {
                return;
            }
        }
        throw new GatewayException(ProblemType.NOT_ACCEPTABLE, "a JMIX package is offered as " + APPLICATION_ZIP
                + " only; Accept was '" + accept + "'");
    }

    static ResponseEnvelope zip(RequestEnvelope request, StoredPackage stored) {
        requireZipAccepted(request);
        Headers headers = new Headers().set("Content-Type", APPLICATION_ZIP)
                .set("Content-Disposition", "attachment; filename=\"" + stored.id() + ".zip\"")
                .set("Content-Length", String.valueOf(stored.sizeBytes()));
        if (request.method().equals("HEAD")) {
            return new ResponseEnvelope(200, headers, Body.empty());
        }
        try {
            return new ResponseEnvelope(200, headers, Body.stream(Files.newInputStream(stored.file()), stored.sizeBytes()));
        } catch (IOException e) {
            throw new GatewayException(ProblemType.NOT_FOUND, "JMIX package " + stored.id() + " is no longer stored", e);
        }
    }

    static ResponseEnvelope manifest(RequestEnvelope request, StoredPackage stored) {
        try {
            byte[] manifest = PackageContents.manifest(stored.file());
            Headers headers = new Headers().set("Content-Type", "application/json");
            return new ResponseEnvelope(200, headers, request.method().equals("HEAD") ? Body.empty() : Body.of(manifest));
        } catch (IOException e) {
            throw new GatewayException(ProblemType.NOT_FOUND, "the manifest of JMIX package " + stored.id()
                    + " cannot be read: " + e.getMessage(), e);
        }
    }
}
